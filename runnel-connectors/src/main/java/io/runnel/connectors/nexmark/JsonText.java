package io.runnel.connectors.nexmark;

/**
 * The few JSON formatting rules shared by events and result rows, written to match the Flink
 * anchor's output byte for byte: no whitespace, integers in plain decimal, strings escaping only
 * '"', '\\' and control characters (backslash, 'u', then 4 lowercase hex digits).
 */
public final class JsonText {
    private JsonText() {}

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** Appends {@code s} as a JSON string literal. */
    public static void appendString(StringBuilder sb, String s) {
        sb.append('"');
        int n = s.length();
        for (int k = 0; k < n; k++) {
            char c = s.charAt(k);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
            } else {
                sb.append(c);
            }
        }
        sb.append('"');
    }

    /**
     * Appends a euro amount with exactly three decimals, as the anchor prints q1's price:
     * {@code m = Math.round(euros * 1000.0)}, then {@code m / 1000 "." |m % 1000|} zero-padded to 3
     * digits (e.g. 2051.172, 2746.700). Kept literally, including that an amount in (-1, 0) would
     * lose its sign, so rows match the anchor's even there (the generator never makes one).
     */
    public static void appendEuro3(StringBuilder sb, double euros) {
        long milli = Math.round(euros * 1000.0);
        long frac = Math.abs(milli % 1000);
        sb.append(milli / 1000).append('.');
        if (frac < 100) sb.append('0');
        if (frac < 10) sb.append('0');
        sb.append(frac);
    }
}
