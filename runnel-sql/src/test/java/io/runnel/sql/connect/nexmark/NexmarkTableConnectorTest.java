package io.runnel.sql.connect.nexmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.api.StreamEnvironment;
import io.runnel.connectors.nexmark.Event;
import io.runnel.connectors.nexmark.NexmarkGenerator;
import io.runnel.sql.SqlEnvironment;
import io.runnel.sql.data.Row;
import io.runnel.sql.planner.SqlPlanningException;
import io.runnel.testing.CollectSink;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Nexmark's tables are the generator's events as rows, with the anchor's columns, and share one generator per job. */
@Timeout(60)
class NexmarkTableConnectorTest {
    static final long EVENTS = 5_000;

    private static SqlEnvironment tables(StreamEnvironment env) {
        SqlEnvironment sql = SqlEnvironment.create(env);
        for (String t : new String[] {"person", "auction", "bid"}) {
            sql.executeSql("CREATE TABLE " + t + " WITH ('connector' = 'nexmark', 'table' = '" + t + "', 'events' = '" + EVENTS + "')");
        }
        return sql;
    }

    @Test
    void aTableDeclaredWithoutColumnsHasTheAnchorsColumnsAndAWatermark() {
        SqlEnvironment sql = tables(StreamEnvironment.create());
        assertThat(sql.executeSql("DESCRIBE bid").lines()).anySatisfy(l -> assertThat(l).contains("dateTime", "TIMESTAMP(3) *ROWTIME*"));
        assertThat(sql.planQuery("SELECT * FROM auction").rowType().getFieldNames()).containsExactly("id", "itemName",
                "description", "initialBid", "reserve", "dateTime", "expires", "seller", "category", "extra");
        assertThat(sql.planQuery("SELECT * FROM person").rowType().getFieldNames()).containsExactly("id", "name",
                "emailAddress", "creditCard", "city", "state", "dateTime", "extra");
    }

    @Test
    void rowsAreTheGeneratorsEventsAndOneGeneratorFeedsEveryTable() throws Exception {
        StreamEnvironment env = StreamEnvironment.create().setParallelism(2);
        SqlEnvironment sql = tables(env);
        CollectSink<Row> bids = new CollectSink<>();
        CollectSink<Row> people = new CollectSink<>();
        sql.sqlQuery("SELECT auction, bidder, price, channel, url, `dateTime`, extra FROM bid").sinkTo(bids);
        sql.sqlQuery("SELECT id, name, `dateTime` FROM person").sinkTo(people);
        assertThat(sql.explain("SELECT * FROM bid")).contains("nexmark[bid]");
        env.execute("nexmark tables");
        List<Row> expectedBids = new ArrayList<>();
        List<Row> expectedPeople = new ArrayList<>();
        NexmarkGenerator gen = new NexmarkGenerator();
        for (long i = 0; i < EVENTS; i++) {
            Event e = gen.event(i);
            if (e.isBid()) {
                expectedBids.add(NexmarkTable.BID.row(e));
            } else if (e.isPerson()) {
                expectedPeople.add(Row.insert(e.person().id, e.person().name, e.person().dateTime));
            }
        }
        assertThat(bids.results()).containsExactlyInAnyOrderElementsOf(expectedBids);
        assertThat(people.results()).containsExactlyInAnyOrderElementsOf(expectedPeople);
        bids.clear();
        people.clear();
    }

    @Test
    void badOptionsAreNamed() {
        SqlEnvironment sql = SqlEnvironment.create(StreamEnvironment.create());
        assertThatThrownBy(() -> sql.executeSql("CREATE TABLE b WITH ('connector' = 'nexmark', 'table' = 'bids')"))
                .isInstanceOf(SqlPlanningException.class).hasMessageContaining("'table' = 'bids' is not a Nexmark table");
        assertThatThrownBy(() -> sql.executeSql("CREATE TABLE b WITH ('connector' = 'nexmark', 'table' = 'bid', 'rate' = '5')"))
                .hasMessageContaining("unknown option 'rate'");
        sql.executeSql("CREATE TABLE b WITH ('connector' = 'nexmark', 'table' = 'bid', 'events' = 'lots')");
        assertThatThrownBy(() -> sql.sqlQuery("SELECT * FROM b")).hasMessageContaining("'events' = 'lots' is not a whole number");
    }
}
