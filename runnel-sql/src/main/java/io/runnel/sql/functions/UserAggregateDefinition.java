package io.runnel.sql.functions;

import java.lang.reflect.Method;
import java.util.ArrayList;
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
        return typeFactory.createTypeWithNullability(sqlType(typeFactory, getValue.getReturnType()), true);
    }

    @Override
    public List<FunctionParameter> getParameters() {
        List<FunctionParameter> out = new ArrayList<>();
        Class<?>[] types = accumulate.getParameterTypes();
        for (int i = 1; i < types.length; i++) {
            int ordinal = i - 1;
            Class<?> t = types[i];
            out.add(new FunctionParameter() {
                @Override
                public int getOrdinal() {
                    return ordinal;
                }

                @Override
                public String getName() {
                    return "arg" + ordinal;
                }

                @Override
                public RelDataType getType(RelDataTypeFactory typeFactory) {
                    return typeFactory.createTypeWithNullability(sqlType(typeFactory, t), true);
                }

                @Override
                public boolean isOptional() {
                    return false;
                }
            });
        }
        return out;
    }

    private static RelDataType sqlType(RelDataTypeFactory types, Class<?> c) {
        RelDataType t = ((org.apache.calcite.adapter.java.JavaTypeFactory) types).createType(c);
        return ((org.apache.calcite.adapter.java.JavaTypeFactory) types).toSql(t);
    }
}
