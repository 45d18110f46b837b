package io.runnel.sql.parser;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.sql.catalog.ColumnDef;
import io.runnel.sql.catalog.TableDef;
import org.junit.jupiter.api.Test;

class CreateTableParseTest {
    static final String FULL = """
            CREATE TEMPORARY TABLE IF NOT EXISTS `orders` (
              id BIGINT NOT NULL COMMENT 'the key',
              region STRING,
              payload BYTES,
              amount DECIMAL(10, 2),
              tags ARRAY<STRING>,
              attrs MAP<STRING, INT>,
              buyer ROW<name STRING, age INT NOT NULL>,
              ts TIMESTAMP(3),
              ltz TIMESTAMP_LTZ(3),
              total AS amount * 2,
              `offset` BIGINT METADATA VIRTUAL,
              part INT METADATA FROM 'partition',
              WATERMARK FOR ts AS ts - INTERVAL '5' SECOND,
              PRIMARY KEY (id, region) NOT ENFORCED
            ) COMMENT 'all orders' WITH ('connector' = 'kafka', 'topic' = 'orders', 'format' = 'json')
            """;

    static TableDef table(String sql) {
        return ((SqlCreateTable) RunnelSqlParser.parse(sql)).toTableDef();
    }

    static String type(ColumnDef c) {
        return TypeText.of(c.type());
    }

    @Test
    void readsEveryKindOfColumnAndTheTableClauses() {
        SqlCreateTable node = (SqlCreateTable) RunnelSqlParser.parse(FULL);
        TableDef t = node.toTableDef();
        assertThat(node.ifNotExists()).isTrue();
        assertThat(t.name()).isEqualTo("orders");
        assertThat(t.temporary()).isTrue();
        assertThat(t.comment()).isEqualTo("all orders");
        assertThat(t.columns()).extracting(ColumnDef::name).containsExactly(
                "id", "region", "payload", "amount", "tags", "attrs", "buyer", "ts", "ltz", "total", "offset", "part");
        assertThat(t.columns().stream().filter(ColumnDef::isPhysical).map(CreateTableParseTest::type)).containsExactly(
                "BIGINT NOT NULL", "VARCHAR(2147483647)", "VARBINARY(2147483647)", "DECIMAL(10, 2)",
                "VARCHAR(2147483647) ARRAY", "MAP< VARCHAR(2147483647), INTEGER >",
                "ROW(`name` VARCHAR(2147483647), `age` INTEGER NOT NULL)", "TIMESTAMP(3)",
                "TIMESTAMP(3) WITH LOCAL TIME ZONE");
        assertThat(t.columns().get(0).comment()).isEqualTo("the key");
        assertThat(t.columns().get(0).type().getNullable()).isFalse();
        ColumnDef total = t.columns().get(9);
        assertThat(total.isComputed()).isTrue();
        assertThat(CalciteParsing.unparse(total.expression(), CalciteParsing.DIALECT)).isEqualTo("`amount` * 2");
        ColumnDef offset = t.columns().get(10);
        assertThat(offset.isMetadata()).isTrue();
        assertThat(offset.metadataKey()).isEqualTo("offset");
        assertThat(offset.virtual()).isTrue();
        assertThat(t.columns().get(11).metadataKey()).isEqualTo("partition");
        assertThat(t.columns().get(11).virtual()).isFalse();
        assertThat(t.watermark().rowtimeColumn()).isEqualTo("ts");
        assertThat(CalciteParsing.unparse(t.watermark().expression(), CalciteParsing.DIALECT))
                .isEqualTo("`ts` - INTERVAL '5' SECOND");
        assertThat(t.primaryKey()).containsExactly("id", "region");
        assertThat(t.options()).containsExactly(
                java.util.Map.entry("connector", "kafka"), java.util.Map.entry("topic", "orders"),
                java.util.Map.entry("format", "json"));
        assertThat(t.connector()).isEqualTo("kafka");
    }

    @Test
    void aTableWithoutColumnsTakesThemFromItsConnector() {
        TableDef t = table("CREATE TABLE bid WITH ('connector' = 'nexmark', 'table' = 'bid')");
        assertThat(t.name()).isEqualTo("bid");
        assertThat(t.columns()).isEmpty();
        assertThat(t.watermark()).isNull();
        assertThat(t.primaryKey()).isEmpty();
        assertThat(t.temporary()).isFalse();
        assertThat(t.options()).containsExactly(
                java.util.Map.entry("connector", "nexmark"), java.util.Map.entry("table", "bid"));
    }

    @Test
    void anAnchorStyleNexmarkTableParses() {
        TableDef t = table("""
                CREATE TABLE bid (
                  auction BIGINT, bidder BIGINT, price BIGINT, channel STRING, url STRING,
                  dateTimeMs BIGINT,
                  `dateTime` AS CAST(TO_TIMESTAMP_LTZ(dateTimeMs, 3) AS TIMESTAMP(3)),
                  extra STRING,
                  WATERMARK FOR `dateTime` AS `dateTime` - INTERVAL '0' SECOND
                ) WITH ('connector' = 'nexmark', 'table' = 'bid', 'events' = '1000')""");
        assertThat(t.columns()).extracting(ColumnDef::name).containsExactly(
                "auction", "bidder", "price", "channel", "url", "dateTimeMs", "dateTime", "extra");
        assertThat(CalciteParsing.unparse(t.columns().get(6).expression(), CalciteParsing.DIALECT))
                .isEqualTo("CAST(`TO_TIMESTAMP_LTZ`(`dateTimeMs`, 3) AS TIMESTAMP(3))");
        assertThat(t.watermark().rowtimeColumn()).isEqualTo("dateTime");
    }

    @Test
    void aColumnMayBeItsOwnPrimaryKey() {
        TableDef t = table("CREATE TABLE p (id BIGINT PRIMARY KEY NOT ENFORCED, name STRING) WITH ('connector'='x')");
        assertThat(t.primaryKey()).containsExactly("id");
    }

    @Test
    void unparsedDdlParsesAgainToTheSameDefinition() {
        SqlCreateTable first = (SqlCreateTable) RunnelSqlParser.parse(FULL);
        SqlCreateTable again = (SqlCreateTable) RunnelSqlParser.parse(first.toString());
        assertThat(again.toString()).isEqualTo(first.toString());
        TableDef a = first.toTableDef();
        TableDef b = again.toTableDef();
        assertThat(b.columns()).extracting(ColumnDef::name).isEqualTo(a.columns().stream().map(ColumnDef::name).toList());
        for (int i = 0; i < a.columns().size(); i++) {
            ColumnDef x = a.columns().get(i);
            ColumnDef y = b.columns().get(i);
            if (x.type() != null) {
                assertThat(y.type().equalsDeep(x.type(), org.apache.calcite.util.Litmus.IGNORE)).as(x.name()).isTrue();
                assertThat(type(y)).isEqualTo(type(x));
            } else {
                assertThat(y.expression().equalsDeep(x.expression(), org.apache.calcite.util.Litmus.IGNORE)).isTrue();
            }
            assertThat(y.metadataKey()).isEqualTo(x.metadataKey());
            assertThat(y.virtual()).isEqualTo(x.virtual());
            assertThat(y.comment()).isEqualTo(x.comment());
        }
        assertThat(b.watermark().expression().equalsDeep(a.watermark().expression(),
                org.apache.calcite.util.Litmus.IGNORE)).isTrue();
        assertThat(b.primaryKey()).isEqualTo(a.primaryKey());
        assertThat(b.options()).containsExactlyEntriesOf(a.options());
        assertThat(b.comment()).isEqualTo(a.comment());
        assertThat(b.temporary()).isEqualTo(a.temporary());
    }
}
