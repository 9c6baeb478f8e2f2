package dev.taskapp.backend.auth;

import dev.taskapp.backend.Api;
import dev.taskapp.backend.Api.Response;
import dev.taskapp.backend.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Register, log in and ask who I am, against the real database. */
@IntegrationTest
class AuthIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void registerLoginMe() {
        Api api = new Api(port);
        String username = "carol" + System.nanoTime();
        String credentials = "{\"username\":\"" + username + "\",\"password\":\"correct-horse\"}";

        Response registered = api.send("POST", "/api/auth/register", null, credentials);
        assertThat(registered.status()).isEqualTo(201);
        long id = registered.json().get("id").asLong();
        assertThat(registered.json().get("username").asString()).isEqualTo(username);

        assertThat(api.send("POST", "/api/auth/register", null, credentials).status()).isEqualTo(409);

        String stored = jdbc.sql("SELECT password_hash FROM users WHERE id = ?").param(id).query(String.class).single();
        assertThat(stored).startsWith("{bcrypt}$2").doesNotContain("correct-horse");

        Response login = api.send("POST", "/api/auth/login", null, credentials);
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.json().get("token_type").asString()).isEqualTo("Bearer");
        assertThat(login.json().get("expires_in").asInt()).isEqualTo(3600);

        Response me = api.get("/api/auth/me", login.json().get("access_token").asString());
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("id").asLong()).isEqualTo(id);
        assertThat(me.json().get("username").asString()).isEqualTo(username);

        Response wrong = api.send("POST", "/api/auth/login", null,
                "{\"username\":\"" + username + "\",\"password\":\"wrong-horse\"}");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.header("Content-Type")).isEqualTo("application/problem+json");
    }

    /**
     * Issue 13: signing out ends the token on the server too, so a copied token stops working; a new
     * sign-in works. (The cached verification of the token does not hide the sign-out.)
     */
    @Test
    void signOutEndsTheTokenServerSide() {
        Api api = new Api(port);
        String username = "leaver" + System.nanoTime();
        String copied = api.signUp(username);
        assertThat(api.get("/api/tasks", copied).status()).isEqualTo(200);

        Response signedOut = api.send("POST", "/api/auth/logout", copied, "");
        assertThat(signedOut.status()).isEqualTo(204);
        Response refused = api.get("/api/tasks", copied);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("WWW-Authenticate")).contains("invalid_token");

        String fresh = api.send("POST", "/api/auth/login", null,
                "{\"username\":\"" + username + "\",\"password\":\"correct-horse\"}").json()
                .get("access_token").asString();
        assertThat(api.get("/api/tasks", fresh).status()).isEqualTo(200);
        assertThat(api.get("/api/tasks", copied).status()).isEqualTo(401);
    }
}
