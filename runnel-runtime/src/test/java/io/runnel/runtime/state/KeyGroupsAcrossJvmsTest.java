package io.runnel.runtime.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A second JVM puts the same keys in the same key groups; keys that could not be placed the same
 * way (an enum, a record holding one) are rejected in both.
 */
class KeyGroupsAcrossJvmsTest {
    enum Color { RED, GREEN, BLUE }

    record Paint(Color color, String name) {}

    record UserBucket(String user, long bucket) {}

    static List<Object> keys() {
        return List.of("user-7", 42, 9_000_000_123L, new UserBucket("u", 3), List.of("x", 1), 'c', 2.5d);
    }

    /** One line per key: its key group; then whether each identity-hashed key is rejected. */
    static List<String> describe() {
        List<String> lines = new ArrayList<>();
        for (Object k : keys()) lines.add(k + " -> " + KeyGroups.keyGroupOf(k, 128) + " of 128, " + KeyGroups.keyGroupOf(k, 4096) + " of 4096");
        lines.add("enum rejected: " + (StableKeys.problemOf(Color.class) != null));
        lines.add("record with enum rejected: " + (StableKeys.problemOf(Paint.class) != null));
        return lines;
    }

    public static void main(String[] args) {
        for (String line : describe()) System.out.println(line);
    }

    @Test
    void anotherJvmComputesTheSameKeyGroupsAndRejectsTheSameKeys() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"), KeyGroupsAcrossJvmsTest.class.getName())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        List<String> here = describe();
        assertThat(out.lines().toList()).isEqualTo(here);
        assertThat(here).contains("enum rejected: true", "record with enum rejected: true");
    }
}
