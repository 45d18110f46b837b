package io.runnel.sql.frame;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** A source table to declare: its column list (CREATE TABLE's, null when the connector supplies them) and WITH options. */
record SourceDeclaration(String columns, Map<String, String> options) {
    SourceDeclaration {
        options = new LinkedHashMap<>(options);
    }

    String ddl(String table) {
        String with = options.entrySet().stream().map(e -> Names.string(e.getKey()) + " = " + Names.string(e.getValue()))
                .collect(Collectors.joining(", "));
        return "CREATE TEMPORARY TABLE " + Names.quote(table) + (columns == null ? "" : " (" + columns + ")") + " WITH (" + with + ")";
    }
}
