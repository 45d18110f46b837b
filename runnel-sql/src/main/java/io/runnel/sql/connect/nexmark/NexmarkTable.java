package io.runnel.sql.connect.nexmark;

import io.runnel.connectors.nexmark.Auction;
import io.runnel.connectors.nexmark.Bid;
import io.runnel.connectors.nexmark.Event;
import io.runnel.connectors.nexmark.Person;
import io.runnel.sql.catalog.ColumnDef;
import io.runnel.sql.data.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The three Nexmark tables: their columns (names, order and types as the Flink SQL anchor's views: ids, prices and
 * categories BIGINT, text STRING, {@code dateTime} and {@code expires} TIMESTAMP(3)) and an event's row.
 */
enum NexmarkTable {
    PERSON(Event.Kind.PERSON, "id BIGINT", "name STRING", "emailAddress STRING", "creditCard STRING", "city STRING",
            "state STRING", "dateTime TIMESTAMP", "extra STRING"),
    AUCTION(Event.Kind.AUCTION, "id BIGINT", "itemName STRING", "description STRING", "initialBid BIGINT", "reserve BIGINT",
            "dateTime TIMESTAMP", "expires TIMESTAMP", "seller BIGINT", "category BIGINT", "extra STRING"),
    BID(Event.Kind.BID, "auction BIGINT", "bidder BIGINT", "price BIGINT", "channel STRING", "url STRING",
            "dateTime TIMESTAMP", "extra STRING");

    final Event.Kind kind;
    private final String[] columns;

    NexmarkTable(Event.Kind kind, String... columns) {
        this.kind = kind;
        this.columns = columns;
    }

    /** The table named {@code name} (person, auction, bid; any case), or null. */
    static NexmarkTable named(String name) {
        for (NexmarkTable t : values()) {
            if (t.name().equalsIgnoreCase(name)) {
                return t;
            }
        }
        return null;
    }

    String tableName() {
        return name().toLowerCase(Locale.ROOT);
    }

    List<String> columnNames() {
        List<String> names = new ArrayList<>();
        for (String c : columns) {
            names.add(c.split(" ")[0]);
        }
        return names;
    }

    List<ColumnDef> columns() {
        List<ColumnDef> out = new ArrayList<>();
        for (String c : columns) {
            String[] nt = c.split(" ");
            SqlBasicTypeNameSpec spec = switch (nt[1]) {
                case "BIGINT" -> new SqlBasicTypeNameSpec(SqlTypeName.BIGINT, SqlParserPos.ZERO);
                case "STRING" -> new SqlBasicTypeNameSpec(SqlTypeName.VARCHAR, Integer.MAX_VALUE, SqlParserPos.ZERO);
                default -> new SqlBasicTypeNameSpec(SqlTypeName.TIMESTAMP, 3, SqlParserPos.ZERO);
            };
            out.add(ColumnDef.physical(nt[0], new SqlDataTypeSpec(spec, null, true, SqlParserPos.ZERO)));
        }
        return out;
    }

    /** The event's row, all columns (Calcite's representation: TIMESTAMP as epoch milliseconds). */
    Row row(Event e) {
        return switch (this) {
            case PERSON -> {
                Person p = e.person();
                yield Row.insert(p.id, p.name, p.emailAddress, p.creditCard, p.city, p.state, p.dateTime, p.extra);
            }
            case AUCTION -> {
                Auction a = e.auction();
                yield Row.insert(a.id, a.itemName, a.description, a.initialBid, a.reserve, a.dateTime, a.expires, a.seller,
                        a.category, a.extra);
            }
            case BID -> {
                Bid b = e.bid();
                yield Row.insert(b.auction, b.bidder, b.price, b.channel, b.url, b.dateTime, b.extra);
            }
        };
    }
}
