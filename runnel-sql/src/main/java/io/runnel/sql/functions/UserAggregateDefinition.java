package io.runnel.sql.functions;

import java.lang.reflect.Method;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.AggregateFunction;
import org.apache.calcite.schema.FunctionParameter;

/**
 * What the validator knows of a user-defined aggregate function (see {@link io.runnel.sql.exec.UserAggregate}): its
 * parameters are those of {@code accumulate} after the accumulator, its type the return type of {@code getValue}.
 */
public final class UserAggregateDefinition implements AggregateFunction {
    private final String className;
    private final Method accumulate;
    private final Method getValue;

    UserAggregateDefinition(String className, Method accumulate, Method getValue) {
        this.className = className;
        this.accumulate = accumulate;
        this.getValue = getValue;
    }

    /** The class, when {@code c} has the methods of an aggregate function; null otherwise. */
    static UserAggregateDefinition of(Class<?> c) {
        Method acc = null;
        Method value = null;
        boolean create = false;
        for (Method m : c.getMethods()) {
            acc = m.getName().equals("accumulate") && m.getParameterCount() >= 1 ? m : acc;
            value = m.getName().equals("getValue") && m.getParameterCount() == 1 ? m : value;
            create |= m.getName().equals("createAccumulator") && m.getParameterCount() == 0;
        }
        return acc != null && value != null && create ? new UserAggregateDefinition(c.getName(), acc, value) : null;
    }

    public String className() {
        return className;
    }

    /** The arguments it takes. */
    public int arity() {
        return accumulate.getParameterCount() - 1;
    }

    @Override
    public RelDataType getReturnType(RelDataTypeFactory typeFactory) {
        return JavaParameters.sqlType(typeFactory, getValue.getReturnType());
    }

    @Override
    public List<FunctionParameter> getParameters() {
        return JavaParameters.of(accumulate.getParameterTypes(), 1);
    }
}
