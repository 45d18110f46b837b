package io.runnel.bench.nexmark.sql;

/**
 * Nexmark q14's scalar function {@code count_char(s, c)}: how many times the first character of {@code c} occurs in
 * {@code s} (0 when {@code s} is null). A plain class with a public {@code eval}, as Flink's scalar functions.
 */
public final class CountChar {
    public long eval(String s, String character) {
        if (s == null || character == null || character.isEmpty()) {
            return 0;
        }
        char c = character.charAt(0);
        long count = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                count++;
            }
        }
        return count;
    }
}
