package io.runnel.sql.functions;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.FunctionParameter;

/** A user function's parameters as the validator sees them: nullable SQL types of the Java parameter types. */
final class JavaParameters {
    private JavaParameters() {}

    /** {@code types} from {@code first} on (an aggregate's accumulate takes its accumulator first). */
    static List<FunctionParameter> of(Class<?>[] types, int first) {
        List<FunctionParameter> out = new ArrayList<>();
        for (int i = first; i < types.length; i++) {
            int ordinal = i - first;
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
                    return sqlType(typeFactory, t);
                }

                @Override
                public boolean isOptional() {
                    return false;
                }
            });
        }
        return out;
    }

    /** The nullable SQL type of a Java class (Long: BIGINT, String: VARCHAR, ...). */
    static RelDataType sqlType(RelDataTypeFactory types, Class<?> c) {
        JavaTypeFactory java = (JavaTypeFactory) types;
        return types.createTypeWithNullability(java.toSql(java.createType(c)), true);
    }
}
