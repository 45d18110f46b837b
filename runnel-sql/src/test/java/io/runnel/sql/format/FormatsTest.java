package io.runnel.sql.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.sql.connect.ConnectorOptions;
import io.runnel.sql.data.Row;
import io.runnel.sql.data.RowKind;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;

/** Each format reads what it writes, reads what Flink's writes, and names the field of a bad message. */
class FormatsTest {
    private static final RelDataTypeFactory TYPES = new JavaTypeFactoryImpl();

    private static RelDataType nullable(SqlTypeName t) {
        return TYPES.createTypeWithNullability(TYPES.createSqlType(t), true);
    }

    private static final RelDataType ALL = TYPES.builder()
            .add("id", nullable(SqlTypeName.INTEGER))
            .add("name", nullable(SqlTypeName.VARCHAR))
            .add("price", TYPES.createTypeWithNullability(TYPES.createSqlType(SqlTypeName.DECIMAL, 10, 2), true))
            .add("ts", TYPES.createTypeWithNullability(TYPES.createSqlType(SqlTypeName.TIMESTAMP, 3), true))
            .add("day", nullable(SqlTypeName.DATE))
            .add("ok", nullable(SqlTypeName.BOOLEAN))
            .add("ratio", nullable(SqlTypeName.DOUBLE))
            .add("big", nullable(SqlTypeName.BIGINT))
            .add("bytes", nullable(SqlTypeName.VARBINARY))
            .add("tags", TYPES.createTypeWithNullability(TYPES.createArrayType(nullable(SqlTypeName.VARCHAR), -1), true))
            .add("attrs", TYPES.createTypeWithNullability(TYPES.createMapType(nullable(SqlTypeName.VARCHAR), nullable(SqlTypeName.INTEGER)), true))
            .add("addr", TYPES.createTypeWithNullability(TYPES.builder().add("city", nullable(SqlTypeName.VARCHAR))
                    .add("zip", nullable(SqlTypeName.INTEGER)).build(), true))
            .build();

    private static final RelDataType FLAT = TYPES.builder()
            .add("id", nullable(SqlTypeName.INTEGER)).add("name", nullable(SqlTypeName.VARCHAR))
            .add("price", TYPES.createTypeWithNullability(TYPES.createSqlType(SqlTypeName.DECIMAL, 10, 2), true))
            .add("ts", TYPES.createTypeWithNullability(TYPES.createSqlType(SqlTypeName.TIMESTAMP, 3), true)).build();

    private static ConnectorOptions options(String... kv) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return new ConnectorOptions("t", "test", m);
    }

    private static List<Row> decode(RowDecoder d, String message) {
        List<Row> out = new ArrayList<>();
        d.decode(message.getBytes(StandardCharsets.UTF_8), out::add);
        return out;
    }

    private static final long TS = 1_764_936_930_123L; // 2025-12-05 12:15:30.123 UTC

    @Test
    void jsonReadsEveryTypeAndWritesItBack() {
        String json = "{\"id\":7,\"name\":\"pear\",\"price\":12.5,\"ts\":\"2025-12-05 12:15:30.123\",\"day\":\"2025-12-05\","
                + "\"ok\":true,\"ratio\":0.25,\"big\":\"9000000000\",\"bytes\":\"AQID\",\"tags\":[\"a\",null,\"b\"],"
                + "\"attrs\":{\"x\":1},\"addr\":{\"city\":\"Oslo\",\"zip\":150},\"unknown\":1}";
        Row row = decode(Formats.decoder(options("format", "json"), "format", ALL), json).get(0);
        Object[] f = row.fields();
        assertThat(f[0]).isEqualTo(7);
        assertThat(f[1]).isEqualTo("pear");
        assertThat(f[2]).isEqualTo(new BigDecimal("12.50"));
        assertThat(f[3]).isEqualTo(TS);
        assertThat(f[4]).isEqualTo(20427);
        assertThat(f[5]).isEqualTo(true);
        assertThat(f[6]).isEqualTo(0.25);
        assertThat(f[7]).isEqualTo(9_000_000_000L);
        assertThat((byte[]) f[8]).containsExactly(1, 2, 3);
        assertThat(f[9]).isEqualTo(java.util.Arrays.asList("a", null, "b"));
        assertThat(f[10]).isEqualTo(Map.of("x", 1));
        assertThat((Object[]) f[11]).containsExactly("Oslo", 150);

        String written = Formats.encoder(options("format", "json"), "format", ALL).encodeText(row);
        assertThat(written).contains("\"price\":12.50", "\"ts\":\"2025-12-05 12:15:30.123\"", "\"bytes\":\"AQID\"",
                "\"addr\":{\"city\":\"Oslo\",\"zip\":150}");
        assertThat(decode(Formats.decoder(options("format", "json"), "format", ALL), written).get(0)).isEqualTo(row);
    }

    @Test
    void jsonIsoTimestampsAndMissingFields() {
        ConnectorOptions iso = options("format", "json", "json.timestamp-format.standard", "ISO-8601");
        Row row = Row.insert(1, null, null, TS);
        assertThat(Formats.encoder(iso, "format", FLAT).encodeText(row))
                .isEqualTo("{\"id\":1,\"name\":null,\"price\":null,\"ts\":\"2025-12-05T12:15:30.123\"}");
        assertThat(decode(Formats.decoder(iso, "format", FLAT), "{\"id\":1,\"ts\":\"2025-12-05T12:15:30.123\"}"))
                .containsExactly(row);
        RowDecoder strict = Formats.decoder(options("format", "json", "json.fail-on-missing-field", "true"), "format", FLAT);
        assertThatThrownBy(() -> decode(strict, "{\"id\":1}")).isInstanceOf(FormatException.class)
                .hasMessageContaining("format 'json'").hasMessageContaining("field 'name' is missing");
    }

    @Test
    void aBadJsonValueNamesTheFieldUnlessErrorsAreIgnored() {
        RowDecoder d = Formats.decoder(options("format", "json"), "format", ALL);
        assertThatThrownBy(() -> decode(d, "{\"id\":\"seven\"}")).hasMessageContaining("field 'id'")
                .hasMessageContaining("'seven' is not a INTEGER");
        assertThatThrownBy(() -> decode(d, "{\"addr\":{\"zip\":\"x\"}}")).hasMessageContaining("field 'addr.zip'");
        assertThatThrownBy(() -> decode(d, "{\"id\":1,")).hasMessageContaining("malformed JSON");
        RowDecoder lenient = Formats.decoder(options("format", "json", "json.ignore-parse-errors", "true"), "format", ALL);
        assertThat(decode(lenient, "{\"id\":\"seven\"}")).isEmpty();
        assertThat(decode(lenient, "{\"id\":8}")).hasSize(1);
        assertThat(lenient.skipped()).isEqualTo(1);
    }

    @Test
    void csvQuotesDelimitersAndNullLiterals() {
        ConnectorOptions o = options("format", "csv", "csv.field-delimiter", "|", "csv.null-literal", "NULL");
        RowDecoder d = Formats.decoder(o, "format", FLAT);
        assertThat(decode(d, "1|\"a|b\"|3.5|2025-12-05 12:15:30.123")).containsExactly(Row.insert(1, "a|b", new BigDecimal("3.50"), TS));
        assertThat(decode(d, "2|NULL||")).containsExactly(Row.insert(2, null, null, null));
        RowEncoder e = Formats.encoder(o, "format", FLAT);
        assertThat(e.encodeText(Row.insert(1, "a|b", new BigDecimal("3.50"), TS))).isEqualTo("1|\"a|b\"|3.50|2025-12-05 12:15:30.123");
        assertThat(e.encodeText(Row.insert(2, null, null, null))).isEqualTo("2|NULL|NULL|NULL");
        assertThatThrownBy(() -> decode(d, "1|x")).hasMessageContaining("format 'csv'")
                .hasMessageContaining("the record has 2 fields, the table 4 columns");
        assertThatThrownBy(() -> decode(d, "x|a|1|")).hasMessageContaining("field 1 ('id')");
        RowDecoder comments = Formats.decoder(options("format", "csv", "csv.allow-comments", "true"), "format", FLAT);
        assertThat(decode(comments, "# a comment")).isEmpty();
    }

    @Test
    void rawIsTheWholeMessage() {
        RelDataType line = TYPES.builder().add("line", nullable(SqlTypeName.VARCHAR)).build();
        assertThat(decode(Formats.decoder(options("format", "raw"), "format", line), "a,b {c}")).containsExactly(Row.insert("a,b {c}"));
        assertThat(Formats.encoder(options("format", "raw"), "format", line).encode(Row.insert((Object) null))).isNull();
        assertThatThrownBy(() -> Formats.decoder(options("format", "raw"), "format", FLAT))
                .hasMessageContaining("format 'raw' needs exactly one physical column");
    }

    @Test
    void debeziumJsonGivesTheChangelog() {
        RowDecoder d = Formats.decoder(options("format", "debezium-json"), "format", FLAT);
        assertThat(decode(d, "{\"before\":null,\"after\":{\"id\":1,\"name\":\"a\"},\"op\":\"c\"}"))
                .containsExactly(Row.insert(1, "a", null, null));
        assertThat(decode(d, "{\"before\":{\"id\":1,\"name\":\"a\"},\"after\":{\"id\":1,\"name\":\"b\"},\"op\":\"u\"}"))
                .containsExactly(Row.of(RowKind.UPDATE_BEFORE, 1, "a", null, null), Row.of(RowKind.UPDATE_AFTER, 1, "b", null, null));
        assertThat(decode(d, "{\"before\":{\"id\":1,\"name\":\"b\"},\"after\":null,\"op\":\"d\"}"))
                .containsExactly(Row.of(RowKind.DELETE, 1, "b", null, null));
        assertThatThrownBy(() -> decode(d, "{\"before\":null,\"after\":{\"id\":1},\"op\":\"u\"}"))
                .hasMessageContaining("the \"before\" of an op 'u' event is null");
        RowDecoder withSchema = Formats.decoder(options("format", "debezium-json", "debezium-json.schema-include", "true"), "format", FLAT);
        assertThat(decode(withSchema, "{\"schema\":{},\"payload\":{\"before\":null,\"after\":{\"id\":2},\"op\":\"r\"}}"))
                .containsExactly(Row.insert(2, null, null, null));
        RowEncoder e = Formats.encoder(options("format", "debezium-json"), "format", FLAT);
        assertThat(e.encodeText(Row.of(RowKind.UPDATE_BEFORE, 1, "a", null, null)))
                .isEqualTo("{\"before\":{\"id\":1,\"name\":\"a\",\"price\":null,\"ts\":null},\"after\":null,\"op\":\"d\"}");
    }

    @Test
    void optionsAreChecked() {
        assertThatThrownBy(() -> Formats.decoder(options("format", "json", "json.no-such", "1"), "format", FLAT))
                .hasMessageContaining("table t").hasMessageContaining("unknown option 'json.no-such' of format 'json'");
        assertThatThrownBy(() -> Formats.decoder(options("format", "xml"), "format", FLAT))
                .hasMessageContaining("'format' = 'xml' is not a format");
        assertThatThrownBy(() -> Formats.decoder(options("format", "json", "json.fail-on-missing-field", "true",
                "json.ignore-parse-errors", "true"), "format", FLAT)).hasMessageContaining("cannot both be true");
        assertThatThrownBy(() -> Formats.decoder(options("format", "csv"), "format", ALL))
                .hasMessageContaining("column attrs is a MAP<VARCHAR, INTEGER>, which format 'csv' cannot hold");
        assertThatThrownBy(() -> Formats.decoder(options("value.format", "json", "value.json.timestamp-format.standard", "X"),
                "value.format", FLAT)).hasMessageContaining("'value.json.timestamp-format.standard'");
    }
}
