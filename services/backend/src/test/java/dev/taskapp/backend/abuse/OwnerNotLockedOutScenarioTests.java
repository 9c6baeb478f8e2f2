package dev.taskapp.backend.abuse;

import java.util.ArrayList;
import java.util.List;

import dev.taskapp.backend.Api;
import dev.taskapp.backend.Api.Response;
import dev.taskapp.backend.IntegrationTest;
import dev.taskapp.backend.Scorecard;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scorecard row 17 (issue 13): a guesser cannot lock the owner out. Failures count per (username,
 * address), so the owner's right password from another address works while the guesser stays
 * throttled; an IPv6 client rotating through its /64 is still one address. Test settings (see
 * {@link IntegrationTest}): 3 failures per username and address, 6 per address, 8 s window.
 */
@IntegrationTest
class OwnerNotLockedOutScenarioTests {

    private static final String TITLE = "Owner not locked out by a password guesser";
    private static final String PASSWORD = "correct-horse";

    @LocalServerPort
    int port;
    private final List<String> failures = new ArrayList<>();

    @Test
    void theOwnerSignsInFromAnotherAddressWhileTheGuesserStaysThrottled() {
        String figure = "not finished";
        try {
            Api guesser = new Api(port, "127.0.0.91");
            Api owner = new Api(port, "127.0.0.92");
            Api proxy = new Api(port, "127.0.0.93"); // a trusted peer, like the frontend
            String victim = "owner" + System.nanoTime();
            check("register", guesser.send("POST", "/api/auth/register", null, Api.credentials(victim, PASSWORD))
                    .status() == 201);

            int refused = 0;
            for (int i = 0; i < 20; i++) {
                refused += guesser.login(victim, "guess-" + i).status() == 429 ? 1 : 0;
            }
            check("17 of 20 guesses refused with 429", refused == 17);
            check("the owner signs in from a second address", owner.login(victim, PASSWORD).status() == 200);
            check("the guesser's right password is still refused", guesser.login(victim, PASSWORD).status() == 429);

            // Behind the frontend: the guesser's browser is throttled, the owner's is not.
            for (int i = 0; i < 5; i++) {
                proxy.loginVia("203.0.113.9", victim, "guess-proxied-" + i);
            }
            int ownerViaProxy = proxy.loginVia("203.0.113.10", victim, PASSWORD).status();
            check("the owner's browser behind the proxy signs in", ownerViaProxy == 200);

            // One IPv6 client rotating through its /64 counts as one address: 6 failures over 6
            // usernames and 6 addresses of 2001:db8:1:2::/64, then the 7th is refused.
            for (int i = 1; i <= 6; i++) {
                proxy.loginVia("2001:db8:1:2::" + i, "nobody" + i + victim, "guess");
            }
            int rotated = proxy.loginVia("2001:db8:1:2:ffff::7", victim, PASSWORD).status();
            check("the 7th attempt from the same /64 is 429", rotated == 429);
            int otherPrefix = proxy.loginVia("2001:db8:1:3::1", victim, PASSWORD).status();
            check("another /64 signs in", otherPrefix == 200);

            figure = "guesser: %d/20 attempts refused (429); owner from a second address: 200; via proxy: %d;"
                    .formatted(refused, ownerViaProxy)
                    + " IPv6 /64 rotation: 7th attempt %d, other /64: %d".formatted(rotated, otherPrefix);
            assertThat(failures).as(figure).isEmpty();
        } finally {
            Scorecard.record(17, TITLE, failures.isEmpty() && !figure.equals("not finished"),
                    failures.isEmpty() ? figure : figure + "; failed: " + String.join(", ", failures));
        }
    }

    private void check(String probe, boolean held) {
        if (!held) {
            failures.add(probe);
        }
    }
}
