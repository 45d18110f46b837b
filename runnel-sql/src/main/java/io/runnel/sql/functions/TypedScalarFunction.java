package io.runnel.sql.functions;

import java.lang.reflect.Method;
import java.util.List;
import java.util.function.Function;
import org.apache.calcite.adapter.enumerable.CallImplementor;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.FunctionParameter;
import org.apache.calcite.schema.ImplementableFunction;
import org.apache.calcite.schema.ScalarFunction;
import org.apache.calcite.schema.impl.ScalarFunctionImpl;

/**
 * A static method as a SQL scalar function whose SQL return type is given rather than read from the Java one: a
 * method returning epoch milliseconds as a {@code long} is a TIMESTAMP, days as an {@code int} a DATE (their internal
 * values), which keeps the JVM's time zone out of it.
 */
final class TypedScalarFunction implements ScalarFunction, ImplementableFunction {
    private final ScalarFunctionImpl method;
    private final Function<RelDataTypeFactory, RelDataType> returnType;

    TypedScalarFunction(Method method, Function<RelDataTypeFactory, RelDataType> returnType) {
        this.method = (ScalarFunctionImpl) ScalarFunctionImpl.create(method);
        this.returnType = returnType;
    }

    @Override
    public RelDataType getReturnType(RelDataTypeFactory typeFactory) {
        return typeFactory.createTypeWithNullability(returnType.apply(typeFactory), true);
    }

    @Override
    public List<FunctionParameter> getParameters() {
        return method.getParameters();
    }

    @Override
    public CallImplementor getImplementor() {
        return method.getImplementor();
    }
}
