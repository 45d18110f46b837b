package io.runnel.broker;

import java.util.Optional;

/**
 * Lets a client suite run against an external broker instead of an embedded Runnel one, to check
 * its expectations against Apache Kafka: {@code -Drunnel.test.bootstrap=host:port} or
 * {@code RUNNEL_TEST_BOOTSTRAP=host:port}.
 */
final class TestBootstrap {
    private TestBootstrap() {
    }

    static Optional<String> external() {
        String v = System.getProperty("runnel.test.bootstrap", System.getenv("RUNNEL_TEST_BOOTSTRAP"));
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }
}
