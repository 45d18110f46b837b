package io.runnel.connectors.nexmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/** Result rows print exactly the anchor's JSON (QUERIES.md, RESULTS.md "Output format"). */
class ResultRowsTest {
    private static final Bid BID = new Bid(1000, 1001, 2259, "Google", "https://www.google.com/search",
            1_767_225_605_000L, "");

    @Test
    void q1PriceHasExactlyThreeDecimals() {
        assertThat(Q1Row.of(BID).toJson())
                .isEqualTo("{\"auction\":1000,\"bidder\":1001,\"price\":2051.172,\"dateTime\":1767225605000}");
        assertThat(new Q1Row(1, 2, 3025 * Q1Row.DOLLAR_TO_EURO, 3).toJson())
                .isEqualTo("{\"auction\":1,\"bidder\":2,\"price\":2746.700,\"dateTime\":3}");
        assertThat(new Q1Row(1, 2, 0.908 * 100, 3).toJson()).contains("\"price\":90.800,");
        assertThat(new Q1Row(1, 2, 5.0, 3).toJson()).contains("\"price\":5.000,");
    }

    /** RESULTS.md: for generated prices the printed amount is exactly price * 908 thousandths. */
    @Test
    void q1PriceIsExactlyPriceTimes908ForGeneratedBids() {
        NexmarkGenerator gen = new NexmarkGenerator();
        Event e = new Event();
        StringBuilder sb = new StringBuilder();
        for (long i = 0; i < 200_000; i++) {
            Bid b = gen.fill(i, e).bid();
            if (b == null) continue;
            sb.setLength(0);
            JsonText.appendEuro3(sb, Q1Row.of(b).price);
            assertThat(sb.toString()).isEqualTo(BigDecimal.valueOf(b.price * 908, 3).toPlainString());
        }
    }

    @Test
    void rowJsonHasTheAnchorsKeyOrder() {
        assertThat(new Q2Row(10086, 155076).toJson()).isEqualTo("{\"auction\":10086,\"price\":155076}");
        assertThat(new Q5Row(1767225596000L, 1767225606000L, 1000, 46).toJson()).isEqualTo(
                "{\"windowStart\":1767225596000,\"windowEnd\":1767225606000,\"auction\":1000,\"count\":46}");
        assertThat(Q7Row.of(1767225600000L, 1767225610000L, BID).toJson()).isEqualTo(
                "{\"windowStart\":1767225600000,\"windowEnd\":1767225610000,\"auction\":1000,\"bidder\":1001,"
                        + "\"price\":2259,\"dateTime\":1767225605000}");
        Person p = new Person(1000, "Luke Jones", "x@y.com", "0000 0000 0000 0000", "Kent", "WA", 5, "");
        Auction a = new Auction(1002, "i", "d", 1, 6411, 5, 6, 1000, 10, "");
        assertThat(Q8Row.of(1767225600000L, 1767225610000L, p, a).toJson()).isEqualTo(
                "{\"windowStart\":1767225600000,\"windowEnd\":1767225610000,\"personId\":1000,"
                        + "\"name\":\"Luke Jones\",\"auctionId\":1002,\"reserve\":6411}");
        assertThat(new CountRow(1000, 7).toJson()).isEqualTo("{\"key\":1000,\"count\":7}");
    }

    @Test
    void q8NameIsEscapedLikeTheAnchor() {
        assertThat(new Q8Row(0, 1, 2, "a\"b\\c\u0001", 3, 4).toJson())
                .isEqualTo("{\"windowStart\":0,\"windowEnd\":1,\"personId\":2,\"name\":\"a\\\"b\\\\c\\u0001\","
                        + "\"auctionId\":3,\"reserve\":4}");
    }

    @Test
    void rowsHaveValueEquality() {
        assertThat(new Q2Row(1, 2)).isEqualTo(new Q2Row(1, 2)).hasSameHashCodeAs(new Q2Row(1, 2))
                .isNotEqualTo(new Q2Row(1, 3));
        assertThat(new Q5Row(1, 2, 3, 4)).isEqualTo(new Q5Row(1, 2, 3, 4)).isNotEqualTo(new Q5Row(1, 2, 3, 5));
        assertThat(Q7Row.of(1, 2, BID)).isEqualTo(Q7Row.of(1, 2, BID.copy())).isNotEqualTo(Q7Row.of(0, 2, BID));
        assertThat(new Q8Row(1, 2, 3, "n", 4, 5)).isEqualTo(new Q8Row(1, 2, 3, "n", 4, 5))
                .hasSameHashCodeAs(new Q8Row(1, 2, 3, "n", 4, 5)).isNotEqualTo(new Q8Row(1, 2, 3, "m", 4, 5));
        assertThat(new CountRow(1, 2)).isEqualTo(new CountRow(1, 2)).isNotEqualTo(new CountRow(2, 1));
        assertThat(Q1Row.of(BID)).isEqualTo(Q1Row.of(BID.copy())).hasSameHashCodeAs(Q1Row.of(BID));
        assertThat(new CountRow(1, 2).toString()).contains("\"key\":1");
    }

    @Test
    void rowsAndEventsSurviveJavaSerialization() throws Exception {
        NexmarkGenerator gen = new NexmarkGenerator();
        Object[] values = {
            Q1Row.of(BID), new Q2Row(1, 2), new Q5Row(1, 2, 3, 4), Q7Row.of(1, 2, BID),
            new Q8Row(1, 2, 3, "n", 4, 5), new CountRow(1, 2), gen.event(0), gen.event(1), gen.event(4),
            new StrideCursor(1, 2, 10)
        };
        for (Object v : values) {
            Object back = roundTrip(v);
            if (v instanceof StrideCursor) {
                assertThat(back.toString()).isEqualTo(v.toString());
            } else {
                assertThat(back).isEqualTo(v);
            }
        }
    }

    @Test
    void reusedEventSerializesOnlyItsCurrentPayload() throws Exception {
        NexmarkGenerator gen = new NexmarkGenerator();
        Event e = new Event();
        gen.fill(0, e);
        gen.fill(1, e);
        gen.fill(4, e);
        Event back = (Event) roundTrip(e);
        assertThat(back).isEqualTo(gen.event(4));
        assertThat(back.person()).isNull();
        back.setPerson(new Person()); // switching kind must not expose a stale auction either
        assertThat(back.auction()).isNull();
    }

    private static Object roundTrip(Object v) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(v);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return in.readObject();
        }
    }
}
