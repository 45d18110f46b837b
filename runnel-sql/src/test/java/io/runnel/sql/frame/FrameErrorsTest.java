package io.runnel.sql.frame;

import static io.runnel.sql.frame.functions.col;
import static io.runnel.sql.frame.functions.count;
import static io.runnel.sql.frame.functions.session_window;
import static io.runnel.sql.frame.functions.window;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.api.StreamEnvironment;
import io.runnel.sql.StreamWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What frames say when a column, an expression or a combination is wrong; their schema and EXPLAIN. */
class FrameErrorsTest {
    @TempDir
    Path dir;
    FrameTestKit kit;
    StreamingSession s;
    DataFrame orders;

    @BeforeEach
    void session() throws Exception {
        kit = new FrameTestKit(dir);
        s = StreamingSession.create(StreamEnvironment.create());
        orders = kit.orders(s);
    }

    @Test
    void schemaHasThePlannersNamesAndTypes() {
        DataFrame df = orders.withColumn("big", col("amount").gt(3)).withColumnRenamed("product", "Product");
        assertThat(df.columns()).containsExactly("id", "Product", "amount", "ts", "big");
        assertThat(df.schema().fields()).extracting(FrameSchema.Field::type).containsExactly("INTEGER", "STRING", "INTEGER",
                "TIMESTAMP(3)", "BOOLEAN");
        assertThat(orders.groupBy(window(col("ts"), "10 seconds")).count().columns())
                .containsExactly("window_start", "window_end", "count");
        assertThat(orders.groupBy("product").agg(functions.sum("amount"), count("*")).columns())
                .containsExactly("product", "sum(amount)", "count(1)");
    }

    @Test
    void explainIsThePlannersAndWriteStreamTakesTheQuery() {
        DataFrame df = orders.groupBy(window(col("ts"), "10 seconds"), col("product")).agg(count("*"));
        assertThat(df.explain()).contains("== Optimized logical plan ==", "TUMBLE", "WindowAggregate", "Watermarks");
        assertThat(df.sql()).contains("TABLE(TUMBLE((SELECT * FROM `json_1_wm_2`), DESCRIPTOR(`ts`), INTERVAL '10' SECOND))");
        assertThat(df.writeStream()).isInstanceOf(StreamWriter.class);
    }

    @Test
    void unknownColumnsAreNamed() {
        assertThatThrownBy(() -> orders.select("nope").columns()).hasMessageContaining("Column 'nope' not found");
        assertThatThrownBy(() -> orders.drop("nope").sql()).hasMessageContaining("drop: the frame has no column `nope`")
                .hasMessageContaining("[id, product, amount, ts]");
        assertThatThrownBy(() -> orders.withColumnRenamed("nope", "x").sql()).hasMessageContaining("withColumnRenamed: the frame has no column `nope`");
        assertThatThrownBy(() -> orders.dropDuplicates("nope").sql()).hasMessageContaining("dropDuplicates: the frame has no column `nope`");
        assertThatThrownBy(() -> kit.products(s).withWatermark("nope", "1 second")).hasMessageContaining("withWatermark: the frame has no column `nope`");
    }

    @Test
    void badExpressionsComeWithThePlannersMessage() {
        assertThatThrownBy(() -> orders.where("amount >").explain()).hasMessageContaining("SQL parse error");
        assertThatThrownBy(() -> orders.select(col("product").plus(col("ts"))).columns()).hasMessageContaining("Cannot apply '+'");
        assertThatThrownBy(() -> orders.groupBy("product").agg(col("amount")).columns()).hasMessageContaining("'amount' is not being grouped");
        assertThatThrownBy(() -> functions.window(col("ts"), "ten seconds")).hasMessageContaining("window: bad interval 'ten seconds'");
        assertThatThrownBy(() -> functions.window(col("ts").plus(1), "1 second")).hasMessageContaining("window: the time column must be a column");
    }

    @Test
    void unsupportedCombinationsSayWhy() {
        assertThatThrownBy(() -> orders.where("id > 1").withWatermark("ts", "1 second"))
                .hasMessageContaining("withWatermark(ts, ...): it applies to a frame read directly from readStream()");
        assertThatThrownBy(() -> kit.products(s).dropDuplicatesWithinWatermark("name"))
                .hasMessageContaining("dropDuplicatesWithinWatermark needs an event-time column");
        assertThatThrownBy(() -> kit.products(s).groupBy(window(col("price"), "1 second")).count().explain())
                .hasMessageContaining("window(price, INTERVAL '1' SECOND): column `price` is DOUBLE, not a time attribute");
        assertThatThrownBy(() -> s.readStream().schema(FrameTestKit.ORDER_COLUMNS).json(kit.orders.toString())
                .groupBy(window(col("ts"), "1 second")).count().explain()).hasMessageContaining("DESCRIPTOR(ts), ...): the column is not a time attribute");
        assertThatThrownBy(() -> orders.groupBy(window(col("ts"), "1 second"), session_window(col("ts"), "1 second")).count())
                .hasMessageContaining("at most one window");
        assertThatThrownBy(() -> orders.select(window(col("ts"), "1 second"))).hasMessageContaining("use it only in groupBy");
        assertThatThrownBy(() -> orders.join(orders, col("id").equalTo(col("id"))))
                .hasMessageContaining("both sides are named `json_1`");
        assertThatThrownBy(() -> orders.join(kit.products(s), col("product").equalTo(col("name")), "left_anti"))
                .hasMessageContaining("join type 'left_anti' is not supported");
        assertThatThrownBy(() -> orders.orderBy("ts").select("id").sql()).hasMessageContaining("orderBy(`ts`) must be the frame's last operation");
        assertThatThrownBy(() -> orders.groupBy("product").count().toDataStream())
                .hasMessageContaining("the query updates rows it emitted before");
    }

    @Test
    void sourcesThatDoNotExistAreNamed() {
        assertThatThrownBy(() -> s.readStream().format("socket").option("host", "localhost").option("port", 9999)
                .option("includeTimestamp", true).load()).hasMessageContaining("'includeTimestamp' is not supported");
        assertThatThrownBy(() -> s.readStream().format("parquet").load("/x"))
                .hasMessageContaining("unknown source format 'parquet'").hasMessageContaining("filesystem");
        assertThatThrownBy(() -> s.readStream().format("json").load("/x")).hasMessageContaining("needs schema(");
        assertThatThrownBy(() -> s.readStream().format("kafka").option("subscribe", "t").option("startingOffsets", "{\"t\":{\"0\":5}}").load())
                .hasMessageContaining("only earliest and latest");
        assertThatThrownBy(() -> s.readStream().load()).hasMessageContaining("name the source with format(");
        assertThatThrownBy(() -> s.table("nope")).hasMessageContaining("table(nope): the catalog has no table or view of that name");
        assertThatThrownBy(() -> s.readStream().format("rate").option("rampUpTime", "5s").load().explain())
                .hasMessageContaining("rampUpTime");
    }
}
