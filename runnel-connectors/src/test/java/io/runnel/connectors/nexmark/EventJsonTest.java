package io.runnel.connectors.nexmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;

import org.junit.jupiter.api.Test;

class EventJsonTest {
    private final NexmarkGenerator gen = new NexmarkGenerator();

    @Test
    void parseInvertsToJson() {
        for (long i = 0; i < 2_000; i++) {
            Event e = gen.event(i);
            String json = EventJson.toJson(e);
            assertThat(EventJson.parse(json)).as(json).isEqualTo(e);
        }
    }

    @Test
    void stringsAreEscapedAndParsedBack() {
        Bid b = new Bid(1, 2, 3, "a\"b", "c\\d\n", 4, "\u001f");
        String json = EventJson.toJson(Event.of(b));
        assertThat(json).isEqualTo("{\"type\":\"bid\",\"auction\":1,\"bidder\":2,\"price\":3,\"channel\":\"a\\\"b\","
                + "\"url\":\"c\\\\d\\u000a\",\"dateTime\":4,\"extra\":\"\\u001f\"}");
        assertThat(EventJson.parse(json).bid()).isEqualTo(b);
    }

    @Test
    void linesWriterEndsEveryLineWithNewline() throws Exception {
        StringWriter out = new StringWriter();
        try (EventJsonLinesWriter w = new EventJsonLinesWriter(out)) {
            w.writeRange(gen, 0, 3);
        }
        String[] lines = out.toString().split("\n", -1);
        assertThat(lines).hasSize(4);
        assertThat(lines[3]).isEmpty();
        assertThat(lines[0]).isEqualTo(EventJson.toJson(gen.event(0)));
        assertThat(lines[2]).isEqualTo(EventJson.toJson(gen.event(2)));
    }
}
