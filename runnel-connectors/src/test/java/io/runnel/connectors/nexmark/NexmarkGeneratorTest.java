package io.runnel.connectors.nexmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The generator against GENERATOR.md: spelled-out events and the per-field rules. */
class NexmarkGeneratorTest {
    private static final long T0 = 1_767_225_605_000L;

    /** GENERATOR.md §6: the first six events, verbatim. */
    private static final String[] FIRST_EVENTS = {
        "{\"type\":\"person\",\"id\":1000,\"name\":\"Luke Jones\",\"emailAddress\":\"rawqagp@idwjl.com\","
                + "\"creditCard\":\"3888 1491 8777 6343\",\"city\":\"Los Angeles\",\"state\":\"WA\","
                + "\"dateTime\":1767225605000,\"extra\":\"\"}",
        "{\"type\":\"auction\",\"id\":1000,\"itemName\":\"pirvchbanuha\","
                + "\"description\":\"gfosdztyvomfcqisnekcduznqxskqdamksut\",\"initialBid\":2773,\"reserve\":6411,"
                + "\"dateTime\":1767225605000,\"expires\":1767225605025,\"seller\":1000,\"category\":13,\"extra\":\"\"}",
        "{\"type\":\"auction\",\"id\":1001,\"itemName\":\"hcnahssxj\",\"description\":\"evcurnbyhzgflgmbcozccwiwje"
                + "pnqsdzoppxubeblgshvnhnklmsplxjbxeubfgkvsvyrjsqjcskpaviliyytfaoxnrtodft\",\"initialBid\":2286955,"
                + "\"reserve\":11986449,\"dateTime\":1767225605000,\"expires\":1767225605008,\"seller\":1000,"
                + "\"category\":10,\"extra\":\"\"}",
        "{\"type\":\"auction\",\"id\":1002,\"itemName\":\"stecwxvdhsuivhkzz\",\"description\":\"amdlxqishaehklot"
                + "fybwonimnxhpvxahubswdmjuabeprtyqnopjprqjiagnejwmxpqdnpjjyjbyprhph\",\"initialBid\":343841,"
                + "\"reserve\":529226,\"dateTime\":1767225605000,\"expires\":1767225605014,\"seller\":1000,"
                + "\"category\":10,\"extra\":\"\"}",
        "{\"type\":\"bid\",\"auction\":1000,\"bidder\":1001,\"price\":656,\"channel\":\"channel-6147\","
                + "\"url\":\"https://www.nexmark.com/item.htm?query=1&channel_id=6147\",\"dateTime\":1767225605000,"
                + "\"extra\":\"\"}",
        "{\"type\":\"bid\",\"auction\":1008,\"bidder\":1001,\"price\":72504256,\"channel\":\"channel-8986\","
                + "\"url\":\"https://www.nexmark.com/item.htm?query=1&channel_id=8986\",\"dateTime\":1767225605000,"
                + "\"extra\":\"\"}",
    };

    private final NexmarkGenerator gen = new NexmarkGenerator();

    @Test
    void firstEventsAreTheSpecsLines() {
        for (int i = 0; i < FIRST_EVENTS.length; i++) {
            assertThat(EventJson.toJson(gen.event(i))).as("event %d", i).isEqualTo(FIRST_EVENTS[i]);
        }
    }

    @Test
    void event0AsObjects() {
        Event e = gen.event(0);
        assertThat(e.kind()).isEqualTo(Event.Kind.PERSON);
        assertThat(e.person()).isEqualTo(new Person(1000, "Luke Jones", "rawqagp@idwjl.com", "3888 1491 8777 6343",
                "Los Angeles", "WA", T0, ""));
        assertThat(e.auction()).isNull();
        assertThat(e.bid()).isNull();
        assertThat(e.eventTime()).isEqualTo(T0);
        assertThat(gen.event(4).bid()).isEqualTo(new Bid(1000, 1001, 656, "channel-6147",
                "https://www.nexmark.com/item.htm?query=1&channel_id=6147", T0, ""));
    }

    @Test
    void event50IsTheSecondPerson() {
        assertThat(EventJson.toJson(gen.event(50))).startsWith("{\"type\":\"person\",\"id\":1001,\"name\":\"Sarah White\",");
    }

    @Test
    void kindsIdsTimesAndRangesFollowTheRules() {
        Event e = new Event();
        Set<String> hotChannels = new HashSet<>(Arrays.asList("Google", "Facebook", "Baidu", "Apple"));
        for (long i = 0; i < 200_000; i++) {
            gen.fill(i, e);
            long r = i % 50;
            long epoch = i / 50;
            long t = T0 + i / 100;
            assertThat(NexmarkGenerator.kindOf(i)).isEqualTo(e.kind());
            assertThat(NexmarkGenerator.dateTimeOf(i)).isEqualTo(t);
            assertThat(e.eventTime()).isEqualTo(t);
            if (r == 0) {
                Person p = e.person();
                assertThat(e.kind()).isEqualTo(Event.Kind.PERSON);
                assertThat(p.id).isEqualTo(1000 + epoch);
                assertThat(p.name).matches("[A-Z][a-z]+ [A-Z][a-z]+");
                assertThat(p.emailAddress).matches("[a-z]{7}@[a-z]{5}\\.com");
                assertThat(p.creditCard).matches("\\d{4} \\d{4} \\d{4} \\d{4}");
                assertThat(p.extra).isEmpty();
            } else if (r <= 3) {
                Auction a = e.auction();
                assertThat(e.kind()).isEqualTo(Event.Kind.AUCTION);
                assertThat(a.id).isEqualTo(1000 + 3 * epoch + r - 1);
                long hotSeller = 1000 + (epoch / 100) * 100;
                long oldest = 1000 + epoch + 1 - Math.min(epoch + 1, 1000); // randomPerson0 reaches newest + 10
                assertThat(a.seller == hotSeller || (a.seller >= oldest && a.seller <= 1000 + epoch + 10))
                        .as("seller of %d", i).isTrue();
                assertThat(a.category).isBetween(10L, 14L);
                assertThat(a.initialBid).isBetween(100L, 99_999_999L);
                assertThat(a.reserve - a.initialBid).isBetween(100L, 99_999_999L);
                assertThat(a.itemName).matches("[a-z]{3,20}");
                assertThat(a.description).matches("[a-z]{3,100}");
                assertThat(a.expires - t).isBetween(1L, 33L);
                assertThat(a.extra).isEmpty();
            } else {
                Bid b = e.bid();
                assertThat(e.kind()).isEqualTo(Event.Kind.BID);
                long last0 = 3 * epoch + 2;
                long hotAuction = 1000 + (last0 / 100) * 100;
                assertThat(b.auction == hotAuction
                        || (b.auction >= 1000 + Math.max(last0 - 100, 0) && b.auction <= 1000 + last0 + 10))
                        .as("auction of %d", i).isTrue();
                long hotBidder = 1000 + (epoch / 100) * 100 + 1;
                long oldest = 1000 + epoch + 1 - Math.min(epoch + 1, 1000); // randomPerson0 reaches newest + 10
                assertThat(b.bidder == hotBidder || (b.bidder >= oldest && b.bidder <= 1000 + epoch + 10))
                        .as("bidder of %d", i).isTrue();
                assertThat(b.price).isBetween(100L, 99_999_999L);
                if (hotChannels.contains(b.channel)) {
                    assertThat(b.url).startsWith("https://www." + b.channel.toLowerCase());
                } else {
                    assertThat(b.channel).matches("channel-\\d{1,4}");
                    assertThat(b.url).isEqualTo("https://www.nexmark.com/item.htm?query=1&channel_id="
                            + b.channel.substring("channel-".length()));
                }
                assertThat(b.extra).isEmpty();
            }
        }
    }

    @Test
    void fillReusesPayloadsAndEqualsAFreshEvent() {
        Event reused = new Event();
        gen.fill(4, reused);
        Bid firstBid = reused.bid();
        gen.fill(0, reused);
        assertThat(reused.bid()).isNull();
        assertThat(reused.person()).isNotNull();
        for (long i = 0; i < 500; i++) {
            gen.fill(i, reused);
            assertThat(reused).isEqualTo(new NexmarkGenerator().event(i));
            assertThat(reused.hashCode()).isEqualTo(gen.event(i).hashCode());
        }
        gen.fill(5, reused);
        assertThat(reused.bid()).isSameAs(firstBid);
    }

    @Test
    void eventsDependOnlyOnTheirNumber() {
        NexmarkGenerator other = new NexmarkGenerator();
        for (long i = 123_456_789; i > 0; i /= 3) {
            other.event(i + 1); // disturb the other instance's state between calls
            assertThat(other.event(i)).isEqualTo(gen.event(i));
        }
    }

    @Test
    void copyIsDeepAndEqual() {
        Event e = gen.event(1);
        Event c = e.copy();
        assertThat(c).isEqualTo(e);
        assertThat(c.auction()).isNotSameAs(e.auction());
    }
}
