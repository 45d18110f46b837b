package io.runnel.connectors.nexmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Events as one-line JSON objects, byte-identical to the Flink anchor's event file
 * (GENERATOR.md §6): a "type" key first, then the fields in a fixed order, no whitespace.
 */
public final class EventJson {
    private EventJson() {}

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public static String toJson(Event e) {
        StringBuilder sb = new StringBuilder(256);
        append(sb, e);
        return sb.toString();
    }

    /** Appends the JSON object of {@code e} (no newline). */
    public static void append(StringBuilder sb, Event e) {
        switch (e.kind()) {
            case PERSON: appendPerson(sb, e.person()); break;
            case AUCTION: appendAuction(sb, e.auction()); break;
            default: appendBid(sb, e.bid());
        }
    }

    public static void appendPerson(StringBuilder sb, Person p) {
        sb.append("{\"type\":\"person\",\"id\":").append(p.id);
        sb.append(",\"name\":");
        JsonText.appendString(sb, p.name);
        sb.append(",\"emailAddress\":");
        JsonText.appendString(sb, p.emailAddress);
        sb.append(",\"creditCard\":");
        JsonText.appendString(sb, p.creditCard);
        sb.append(",\"city\":");
        JsonText.appendString(sb, p.city);
        sb.append(",\"state\":");
        JsonText.appendString(sb, p.state);
        sb.append(",\"dateTime\":").append(p.dateTime);
        sb.append(",\"extra\":");
        JsonText.appendString(sb, p.extra);
        sb.append('}');
    }

    public static void appendAuction(StringBuilder sb, Auction a) {
        sb.append("{\"type\":\"auction\",\"id\":").append(a.id);
        sb.append(",\"itemName\":");
        JsonText.appendString(sb, a.itemName);
        sb.append(",\"description\":");
        JsonText.appendString(sb, a.description);
        sb.append(",\"initialBid\":").append(a.initialBid);
        sb.append(",\"reserve\":").append(a.reserve);
        sb.append(",\"dateTime\":").append(a.dateTime);
        sb.append(",\"expires\":").append(a.expires);
        sb.append(",\"seller\":").append(a.seller);
        sb.append(",\"category\":").append(a.category);
        sb.append(",\"extra\":");
        JsonText.appendString(sb, a.extra);
        sb.append('}');
    }

    public static void appendBid(StringBuilder sb, Bid b) {
        sb.append("{\"type\":\"bid\",\"auction\":").append(b.auction);
        sb.append(",\"bidder\":").append(b.bidder);
        sb.append(",\"price\":").append(b.price);
        sb.append(",\"channel\":");
        JsonText.appendString(sb, b.channel);
        sb.append(",\"url\":");
        JsonText.appendString(sb, b.url);
        sb.append(",\"dateTime\":").append(b.dateTime);
        sb.append(",\"extra\":");
        JsonText.appendString(sb, b.extra);
        sb.append('}');
    }

    /**
     * Parses one line of the event file (e.g. the anchor's data/nexmark-1m.jsonl) back into an event.
     * Not for the hot path: it goes through a Jackson tree.
     */
    public static Event parse(String line) {
        JsonNode n;
        try {
            n = MAPPER.readTree(line);
        } catch (IOException ex) {
            throw new UncheckedIOException("bad event JSON: " + line, ex);
        }
        String type = n.path("type").asText();
        switch (type) {
            case "person":
                return Event.of(new Person(n.get("id").asLong(), n.get("name").asText(), n.get("emailAddress").asText(),
                        n.get("creditCard").asText(), n.get("city").asText(), n.get("state").asText(),
                        n.get("dateTime").asLong(), n.get("extra").asText()));
            case "auction":
                return Event.of(new Auction(n.get("id").asLong(), n.get("itemName").asText(),
                        n.get("description").asText(), n.get("initialBid").asLong(), n.get("reserve").asLong(),
                        n.get("dateTime").asLong(), n.get("expires").asLong(), n.get("seller").asLong(),
                        n.get("category").asLong(), n.get("extra").asText()));
            case "bid":
                return Event.of(new Bid(n.get("auction").asLong(), n.get("bidder").asLong(), n.get("price").asLong(),
                        n.get("channel").asText(), n.get("url").asText(), n.get("dateTime").asLong(),
                        n.get("extra").asText()));
            default:
                throw new IllegalArgumentException("unknown event type '" + type + "' in: " + line);
        }
    }
}
