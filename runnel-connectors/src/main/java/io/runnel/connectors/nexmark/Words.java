package io.runnel.connectors.nexmark;

/** The generator's fixed word lists (GENERATOR.md §3, §5), plus precomputed combinations. */
final class Words {
    private Words() {}

    static final String[] FIRST_NAMES = {
        "Peter", "Paul", "Luke", "John", "Saul", "Vicky", "Kate", "Julie", "Sarah", "Deiter", "Walter"};
    static final String[] LAST_NAMES = {
        "Shultz", "Abrams", "Spencer", "White", "Bartels", "Walton", "Smith", "Jones", "Noris"};
    static final String[] CITIES = {
        "Phoenix", "Los Angeles", "San Francisco", "Boise", "Portland", "Bend", "Redmond", "Seattle", "Kent",
        "Cheyenne"};
    static final String[] STATES = {"AZ", "CA", "ID", "OR", "WA", "WY"};
    static final String[] HOT_CHANNELS = {"Google", "Facebook", "Baidu", "Apple"};
    static final String[] HOT_URLS = {
        "https://www.google.com/search", "https://www.facebook.com/search",
        "https://www.baidu.com/s", "https://www.apple.com/search"};
    static final int CHANNELS = 10_000;
    static final String CHANNEL_PREFIX = "channel-";
    static final String CHANNEL_URL_PREFIX = "https://www.nexmark.com/item.htm?query=1&channel_id=";

    /** All 99 "First Last" names, index first * 9 + last, so a person's name costs no allocation. */
    static final String[] NAMES = new String[FIRST_NAMES.length * LAST_NAMES.length];

    static {
        for (int f = 0; f < FIRST_NAMES.length; f++) {
            for (int l = 0; l < LAST_NAMES.length; l++) {
                NAMES[f * LAST_NAMES.length + l] = FIRST_NAMES[f] + " " + LAST_NAMES[l];
            }
        }
    }

    static String channel(int n) { return ChannelTable.CHANNEL[n]; }

    static String channelUrl(int n) { return ChannelTable.URL[n]; }

    /**
     * "channel-n" and its url for every n: half of all bids use one, and a table (~1.5 MB, built on
     * first use by the JVM's lazy class initialisation) is far cheaper than formatting per bid.
     */
    private static final class ChannelTable {
        static final String[] CHANNEL = new String[CHANNELS];
        static final String[] URL = new String[CHANNELS];

        static {
            for (int n = 0; n < CHANNELS; n++) {
                CHANNEL[n] = CHANNEL_PREFIX + n;
                URL[n] = CHANNEL_URL_PREFIX + n;
            }
        }
    }
}
