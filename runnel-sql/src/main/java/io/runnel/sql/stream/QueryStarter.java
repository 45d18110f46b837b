package io.runnel.sql.stream;

/** Plans a {@link StreamWriter}'s query with its sink and starts its job. */
final class QueryStarter {
    private QueryStarter() {}

    static StreamingQuery start(StreamWriter w) throws Exception {
        throw new UnsupportedOperationException("writeStream is being built");
    }
}
