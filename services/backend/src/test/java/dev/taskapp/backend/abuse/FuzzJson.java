package dev.taskapp.backend.abuse;

import java.util.Map;
import java.util.stream.Collectors;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import tools.jackson.databind.json.JsonMapper;

/** jqwik generators of JSON text: values of every type, hostile strings, and text that is not JSON. */
final class FuzzJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private FuzzJson() {
    }

    /** Strings from the whole of Unicode (NUL, controls, RTL marks, emoji, lone surrogates). */
    static Arbitrary<String> text() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.strings().withChars("\u0000\u0001\t\n\"\\'%_<>&\u202e\u00e9\u4e2d\ud83d\ude00\ufeff")
                        .ofMaxLength(20),
                Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(60));
    }

    /** Long strings around the limits (200 title, 10,000 description) and far beyond. */
    static Arbitrary<String> hugeText() {
        return Arbitraries.of(199, 200, 201, 9_999, 10_000, 10_001, 100_000)
                .flatMap(length -> Arbitraries.of("x", "é", "😀", "\u0000").map(unit -> unit.repeat(length)));
    }

    static Arbitrary<String> scalars() {
        return Arbitraries.oneOf(
                text().map(FuzzJson::quote),
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.doubles().map(String::valueOf).filter(number -> !number.contains("N") && !number.contains("I")),
                Arbitraries.of("null", "true", "false", "0", "-0", "1e400", "-1e400", "99999999999999999999999",
                        "2147483648", "-2147483649", "0.5", "\"todo\"", "\"in_progress\"", "\"done\"", "\"DONE\"",
                        "\"low\"", "\"high\"", "\"2026-12-01\"", "\"2026-02-30\"", "\"+999999999-12-31\"",
                        "\"1999-01-01T00:00:00Z\"", "\"\"", "\"   \""));
    }

    /** Any JSON value, nested up to three levels. */
    static Arbitrary<String> values() {
        return Arbitraries.recursive(FuzzJson::scalars, inner -> Arbitraries.oneOf(
                inner.list().ofMaxSize(4).map(items -> "[" + String.join(",", items) + "]"),
                Arbitraries.maps(text(), inner).ofMaxSize(4).map(FuzzJson::object)), 0, 3);
    }

    /** Values for a field: mostly scalars, sometimes huge strings, arrays or objects. */
    static Arbitrary<String> fieldValues() {
        return Arbitraries.frequencyOf(ApiFuzzingPropertyTests.weighted(6, scalars()),
                ApiFuzzingPropertyTests.weighted(1, hugeText().map(FuzzJson::quote)),
                ApiFuzzingPropertyTests.weighted(1, values()));
    }

    /** Text that is not (complete) JSON. */
    static Arbitrary<String> malformed() {
        return Arbitraries.oneOf(
                text(),
                Arbitraries.of("", "{", "}", "{\"title\":", "{\"title\":\"unterminated", "[1,2", "{'title':'x'}",
                        "{\"title\":\"a\",}", "{\"title\":\"a\"}{\"title\":\"b\"}", "{\"title\":\"\\ud800\"}",
                        "{\"title\":\"\\u0000\"}", "\u0000", "NaN", "{\"title\":NaN}", "[" .repeat(5_000),
                        "{\"a\":".repeat(3_000)));
    }

    static String object(Map<String, String> members) {
        return members.entrySet().stream().map(member -> quote(member.getKey()) + ":" + member.getValue())
                .collect(Collectors.joining(",", "{", "}"));
    }

    static String quote(String text) {
        return JSON.writeValueAsString(text);
    }
}
