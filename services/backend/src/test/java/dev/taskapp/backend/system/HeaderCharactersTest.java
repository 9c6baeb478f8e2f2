package dev.taskapp.backend.system;

import java.util.SplittableRandom;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.springframework.security.web.firewall.StrictHttpFirewall;

import static org.assertj.core.api.Assertions.assertThat;

/** HeaderCharacters answers exactly as StrictHttpFirewall's own predicates, which it replaces. */
class HeaderCharactersTest {

    @Test
    void everyCodePointIsJudgedAsTheFirewallJudgesIt() {
        for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
            String text = new String(Character.toChars(c));
            assertSame(text);
            assertSame("Bearer " + text + "x");
        }
    }

    @Test
    void unpairedSurrogatesAndMixedTextAreJudgedAlike() {
        assertSame("\uD800");
        assertSame("a\uDC00b");
        assertSame("\uD83D\uDE00\uD83D");
        SplittableRandom random = new SplittableRandom(14);
        char[] alphabet = {'a', 'Z', '0', ' ', '\t', '\u0000', '\u001F', '\u007F', '\u0085', '\u00E9', '\u0378',
                '\uD800', '\uDC00', '\uFFFF', '\uFEFF', '|', '='};
        for (int n = 0; n < 200_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int length = random.nextInt(8); length > 0; length--) {
                text.append(alphabet[random.nextInt(alphabet.length)]);
            }
            assertSame(text.toString());
        }
    }

    @Test
    void aTokenPassesAndControlCharactersDoNot() {
        assertThat(HeaderCharacters.allowedInValue("Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig-_=")).isTrue();
        assertThat(HeaderCharacters.allowedInValue("a\tb")).isTrue();
        assertThat(HeaderCharacters.allowedInName("a\tb")).isFalse();
        assertThat(HeaderCharacters.allowedInValue("a\r\nSet-Cookie: x")).isFalse();
        assertThat(HeaderCharacters.allowedInValue("\u0378")).isFalse(); // unassigned
    }

    private static void assertSame(String text) {
        assertThat(HeaderCharacters.allowedInName(text)).as("name %s", codes(text))
                .isEqualTo(StrictHttpFirewall.ALLOWED_HEADER_NAMES.test(text));
        assertThat(HeaderCharacters.allowedInValue(text)).as("value %s", codes(text))
                .isEqualTo(StrictHttpFirewall.ALLOWED_HEADER_VALUES.test(text));
        Predicate<String> parameterNames = StrictHttpFirewall.ALLOWED_PARAMETER_NAMES;
        assertThat(HeaderCharacters.allowedInName(text)).as("parameter name %s", codes(text))
                .isEqualTo(parameterNames.test(text));
    }

    private static String codes(String text) {
        return text.chars().mapToObj(Integer::toHexString).toList().toString();
    }
}
