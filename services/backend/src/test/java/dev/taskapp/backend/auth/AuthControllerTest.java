package dev.taskapp.backend.auth;

import java.time.Instant;
import java.util.Optional;

import dev.taskapp.backend.TestTokens;
import dev.taskapp.backend.system.ProblemResponses;
import dev.taskapp.backend.system.SecurityConfig;
import dev.taskapp.backend.user.User;
import dev.taskapp.backend.user.UserRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(AuthController.class)
@Import({SecurityConfig.class, JwtConfig.class, TokenIssuer.class, ProblemResponses.class, LoginThrottle.class})
class AuthControllerTest {

    /** Mocked: version 0 for every user, as the tokens of TestTokens carry (no "tv" claim). */
    @MockitoBean
    TokenVersions tokenVersions;

    @Autowired
    MockMvc mvc;
    @Autowired
    PasswordEncoder passwordEncoder;
    @MockitoBean
    UserRepository users;

    @Test
    void registerCreatesAnAccountWithAHashedPassword() throws Exception {
        given(users.findByUsername("alice")).willReturn(Optional.empty());
        given(users.save(any())).willAnswer(call -> {
            User user = call.getArgument(0);
            org.assertj.core.api.Assertions.assertThat(user.passwordHash()).startsWith("{bcrypt}")
                    .doesNotContain("secret-password");
            return new User(1L, user.username(), user.passwordHash(), user.createdAt());
        });

        mvc.perform(post("/api/auth/register").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"alice\",\"password\":\"secret-password\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").value(1))
                .andExpect(jsonPath("$.username").value("alice"))
                .andExpect(jsonPath("$.password_hash").doesNotExist());
    }

    @Test
    void registerRefusesATakenUsername() throws Exception {
        given(users.findByUsername("alice")).willReturn(Optional.of(alice()));

        mvc.perform(post("/api/auth/register").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"alice\",\"password\":\"secret-password\"}"))
                .andExpect(status().isConflict())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("Username is already taken"));
        verify(users, never()).save(any());
    }

    @Test
    void registerRefusesATakenUsernameEvenWhenRacing() throws Exception {
        given(users.findByUsername("alice")).willReturn(Optional.empty());
        given(users.save(any())).willThrow(new DuplicateKeyException("users_username_unique"));

        mvc.perform(post("/api/auth/register").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"alice\",\"password\":\"secret-password\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("Username is already taken"))
                .andExpect(content().string(not(containsString("users_username_unique"))));
    }

    @Test
    void registerNamesEveryInvalidField() throws Exception {
        mvc.perform(post("/api/auth/register").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"a b\",\"password\":\"short\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", hasItem("username")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("password")));
        verify(users, never()).save(any());
    }

    @Test
    void registerRefusesPasswordsLongerThanBcryptReads() throws Exception {
        String tooLong = "é".repeat(40); // 40 characters, 80 bytes
        mvc.perform(post("/api/auth/register").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"alice\",\"password\":\"" + tooLong + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("password"))
                .andExpect(jsonPath("$.errors[0].message").value("must be at most 72 bytes"));
    }

    @Test
    void loginReturnsABearerTokenThatTheApiAccepts() throws Exception {
        given(users.findByUsername("alice")).willReturn(Optional.of(alice()));
        given(users.findById(7L)).willReturn(Optional.of(alice()));

        String body = mvc.perform(post("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"alice\",\"password\":\"secret-password\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.token_type").value("Bearer"))
                .andExpect(jsonPath("$.expires_in").value(3600))
                .andReturn().getResponse().getContentAsString();
        String token = body.replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");

        mvc.perform(get("/api/auth/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(7))
                .andExpect(jsonPath("$.username").value("alice"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"wrong-password", ""})
    void loginRefusesBadCredentials(String password) throws Exception {
        given(users.findByUsername("alice")).willReturn(Optional.of(alice()));

        mvc.perform(post("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"alice\",\"password\":\"" + password + "\"}"))
                .andExpect(status().is4xxClientError())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.access_token").doesNotExist());
    }

    @Test
    void loginRefusesAWrongPasswordWith401() throws Exception {
        given(users.findByUsername("alice")).willReturn(Optional.of(alice()));

        mvc.perform(post("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"alice\",\"password\":\"wrong-password\"}"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value("Invalid username or password"));
    }

    @Test
    void loginRefusesAnUnknownUserLikeAWrongPassword() throws Exception {
        given(users.findByUsername("nobody")).willReturn(Optional.empty());

        mvc.perform(post("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"nobody\",\"password\":\"secret-password\"}"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value("Invalid username or password"));
    }

    @Test
    void meWithoutATokenIs401() throws Exception {
        mvc.perform(get("/api/auth/me"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Bearer"))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.detail").value("Authentication required"));
    }

    @ParameterizedTest(name = "{0} token")
    @ValueSource(strings = {"expired", "bad-signature", "alg-none", "wrong-issuer", "garbage"})
    void meWithAnUnacceptableTokenIs401(String kind) throws Exception {
        String token = switch (kind) {
            case "expired" -> TestTokens.expired(7);
            case "bad-signature" -> TestTokens.badSignature(7);
            case "alg-none" -> TestTokens.algNone(7);
            case "wrong-issuer" -> TestTokens.wrongIssuer(7);
            default -> "not.a.jwt";
        };
        mvc.perform(get("/api/auth/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", startsWith("Bearer error=\"invalid_token\"")))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("The bearer token is invalid or expired"));
        verify(users, never()).findById(any());
    }

    private User alice() {
        return new User(7L, "alice", passwordEncoder.encode("secret-password"), Instant.now());
    }
}
