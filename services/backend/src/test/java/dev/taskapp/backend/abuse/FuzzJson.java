package dev.taskapp.backend.abuse;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

import tools.jackson.databind.json.JsonMapper;

/**
 * Seeded generators of request input: JSON values of every type, hostile strings (NUL, controls,
 * lone surrogates, RTL marks, emoji), huge strings, and text that is not JSON. The same seed gives
 * the same sequence, so a failure can be replayed.
 */
final class FuzzJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String HOSTILE = "\u0000\u0001\t\n\"\\'%_<>&\u202e\u00e9\u4e2d\ud83d\ude00\ufeff";
    private static final String ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final List<String> SCALARS = List.of("null", "true", "false", "0", "-0", "1e400", "-1e400",
            "99999999999999999999999", "2147483648", "-2147483649", "0.5", "\"todo\"", "\"in_progress\"", "\"done\"",
            "\"DONE\"", "\"low\"", "\"high\"", "\"2026-12-01\"", "\"2026-02-30\"", "\"+999999999-12-31\"",
            "\"1999-01-01T00:00:00Z\"", "\"\"", "\"   \"", "\"\\u0000\"", "\"\\ud800\"", "\"a\\udc00b\"");
    private static final List<String> MALFORMED = List.of("", "{", "}", "{\"title\":", "{\"title\":\"unterminated",
            "[1,2", "{'title':'x'}", "{\"title\":\"a\",}", "{\"title\":\"a\"}{\"title\":\"b\"}",
            "{\"title\":\"\\ud800\"}", "{\"title\":\"\\u0000\"}", "\u0000", "NaN", "{\"title\":NaN}",
            "[".repeat(5_000), "{\"a\":".repeat(3_000));

    private final SplittableRandom random;

    FuzzJson(SplittableRandom random) {
        this.random = random;
    }

    /** Strings from the whole of Unicode (NUL, controls, RTL marks, emoji, lone surrogates). */
    String text() {
        return switch (random.nextInt(3)) {
            case 0 -> anyUnicode(random.nextInt(41));
            case 1 -> fromChars(HOSTILE, random.nextInt(21));
            default -> fromChars(ALPHANUMERIC, 1 + random.nextInt(60));
        };
    }

    /** Long strings around the limits (200 title, 10,000 description) and far beyond. */
    String hugeText() {
        int length = pick(List.of(199, 200, 201, 9_999, 10_000, 10_001, 100_000));
        return pick(List.of("x", "é", "😀", "\u0000")).repeat(length);
    }

    String scalar() {
        return switch (random.nextInt(4)) {
            case 0 -> quote(text());
            case 1 -> String.valueOf(random.nextInt(2) == 0 ? random.nextLong() : random.nextLong(-1_000, 1_000));
            case 2 -> finiteDouble();
            default -> pick(SCALARS);
        };
    }

    /** Any JSON value, nested up to three levels. */
    String value() {
        return value(3);
    }

    private String value(int depth) {
        if (depth == 0 || random.nextInt(2) == 0) {
            return scalar();
        }
        int size = random.nextInt(5);
        if (random.nextBoolean()) {
            return random.ints(size, 0, 1).mapToObj(ignored -> value(depth - 1))
                    .collect(Collectors.joining(",", "[", "]"));
        }
        Map<String, String> members = new java.util.LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            members.put(text(), value(depth - 1));
        }
        return object(members);
    }

    /** Values for a field: mostly scalars, sometimes huge strings, arrays or objects. */
    String fieldValue() {
        int roll = random.nextInt(8);
        return roll < 6 ? scalar() : roll == 6 ? quote(hugeText()) : value();
    }

    /** Text that is not (complete) JSON. */
    String malformed() {
        return random.nextBoolean() ? text() : pick(MALFORMED);
    }

    /** An object whose keys are mostly the given fields (and a few strangers), values anything. */
    String objectOf(List<String> fields) {
        Map<String, String> members = new java.util.LinkedHashMap<>();
        int size = random.nextInt(7);
        for (int i = 0; i < size; i++) {
            members.put(random.nextInt(7) < 6 ? pick(fields) : text(), fieldValue());
        }
        return object(members);
    }

    <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    /** The index of the weight chosen, e.g. {@code weighted(4, 2, 1)} gives 0 four times in seven. */
    int weighted(int... weights) {
        int roll = random.nextInt(java.util.Arrays.stream(weights).sum());
        int index = 0;
        while (roll >= weights[index]) {
            roll -= weights[index++];
        }
        return index;
    }

    int below(int bound) {
        return random.nextInt(bound);
    }

    long anyLong() {
        return random.nextLong();
    }

    /** Printable ASCII and below, as an Authorization header may carry. */
    String ascii(int maxLength) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(maxLength + 1);
        for (int i = 0; i < length; i++) {
            text.append((char) random.nextInt(128));
        }
        return text.toString();
    }

    private String anyUnicode(int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            switch (weighted(3, 2, 1)) {
                case 0 -> text.append((char) random.nextInt(0x80));
                case 1 -> text.append((char) random.nextInt(0x80, 0x10000)); // lone surrogates included
                default -> text.appendCodePoint(random.nextInt(0x10000, Character.MAX_CODE_POINT + 1));
            }
        }
        return text.toString();
    }

    private String fromChars(String chars, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(chars.charAt(random.nextInt(chars.length())));
        }
        return text.toString();
    }

    private String finiteDouble() {
        double number;
        do {
            number = random.nextBoolean() ? Double.longBitsToDouble(random.nextLong()) : random.nextDouble(-1e6, 1e6);
        } while (Double.isNaN(number) || Double.isInfinite(number));
        return String.valueOf(number);
    }

    static String object(Map<String, String> members) {
        return members.entrySet().stream().map(member -> quote(member.getKey()) + ":" + member.getValue())
                .collect(Collectors.joining(",", "{", "}"));
    }

    static String quote(String text) {
        return JSON.writeValueAsString(text);
    }
}
