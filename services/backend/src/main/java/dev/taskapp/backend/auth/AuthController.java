package dev.taskapp.backend.auth;

import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import dev.taskapp.backend.system.CurrentUser;
import dev.taskapp.backend.system.ProblemResponses;
import dev.taskapp.backend.user.User;
import dev.taskapp.backend.user.UserRepository;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/auth")
class AuthController {

    private final UserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final TokenIssuer tokenIssuer;
    private final LoginThrottle loginThrottle;
    private final TokenVersions tokenVersions;
    /** Compared against when the user does not exist, so both cases take as long (made on first use). */
    private volatile String unknownUserHash;

    AuthController(UserRepository users, PasswordEncoder passwordEncoder, TokenIssuer tokenIssuer,
            LoginThrottle loginThrottle, TokenVersions tokenVersions) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.tokenIssuer = tokenIssuer;
        this.loginThrottle = loginThrottle;
        this.tokenVersions = tokenVersions;
    }

    @PostMapping("/register")
    @ResponseStatus(HttpStatus.CREATED)
    Account register(@Valid @RequestBody Registration registration) {
        if (users.findByUsername(registration.username()).isPresent()) {
            throw usernameTaken();
        }
        try {
            User user = users.save(User.create(registration.username(),
                    passwordEncoder.encode(registration.password()), Instant.now()));
            return Account.of(user);
        } catch (DuplicateKeyException raceWithAnotherRegistration) {
            throw usernameTaken();
        }
    }

    @PostMapping("/login")
    AccessToken login(@Valid @RequestBody Credentials credentials, HttpServletRequest request) {
        // The TCP peer, or the X-Forwarded-For address when that peer is a trusted proxy (application.properties).
        LoginThrottle.Attempt attempt = loginThrottle.begin(credentials.username(), request.getRemoteAddr());
        User user = users.findByUsername(credentials.username()).orElse(null);
        String hash = user == null ? unknownUserHash() : user.passwordHash();
        boolean matches = passwordEncoder.matches(credentials.password(), hash);
        if (user == null || !matches) {
            throw new BadCredentialsException("Invalid username or password");
        }
        attempt.succeeded();
        return tokenIssuer.issue(user);
    }

    /** Ends every token of the caller (all their devices), on every replica: see TokenVersions. */
    @PostMapping("/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void logout(CurrentUser currentUser) {
        tokenVersions.signOut(currentUser.id());
    }

    @GetMapping("/me")
    Account me(CurrentUser currentUser) {
        return users.findById(currentUser.id()).map(Account::of)
                .orElseThrow(() -> new BadCredentialsException("The account of this token no longer exists"));
    }

    private String unknownUserHash() {
        if (unknownUserHash == null) {
            unknownUserHash = passwordEncoder.encode("no-such-user-password");
        }
        return unknownUserHash;
    }

    private static ErrorResponseException usernameTaken() {
        return ProblemResponses.exception(HttpStatus.CONFLICT, "Username taken", "Username is already taken");
    }
}
