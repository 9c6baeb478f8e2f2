package dev.taskapp.frontend.auth;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.taskapp.frontend.backend.BackendClient;
import dev.taskapp.frontend.backend.BackendProblemException;
import dev.taskapp.frontend.backend.Problem.FieldProblem;
import dev.taskapp.frontend.backend.SignIn;

/** Sign up and sign in against the backend; signing out is Spring Security's logout (POST /signout). */
@Controller
class AuthController {

    private final BackendClient backend;
    private final CsrfTokenRepository csrfTokens;

    private final AuthCookies cookies;

    AuthController(BackendClient backend, CsrfTokenRepository csrfTokens, AuthCookies cookies) {
        this.backend = backend;
        this.csrfTokens = csrfTokens;
        this.cookies = cookies;
    }

    @GetMapping("/")
    String home() {
        return "redirect:/tasks";
    }

    @GetMapping("/signin")
    String signInPage(@ModelAttribute("form") CredentialsForm form, @RequestParam(required = false) String next,
            Model model, HttpServletRequest request) {
        model.addAttribute("next", NextPath.orDefault(next));
        // /signin?expired and /signin?signedout: why the user is asked to sign in (again)
        model.addAttribute("expired", request.getParameter("expired") != null);
        model.addAttribute("signedOut", request.getParameter("signedout") != null);
        return "auth/signin";
    }

    @PostMapping("/signin")
    String signIn(@ModelAttribute("form") CredentialsForm form, BindingResult errors,
            @RequestParam(required = false) String next, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        String target = NextPath.orDefault(next);
        try {
            startSession(form, request, response);
            return "redirect:" + target;
        }
        catch (BackendProblemException problem) {
            errors.reject("signin", problem.status() == 401 ? "Wrong user name or password." : problem.detail());
            form.setPassword("");
            model.addAttribute("next", target);
            response.setStatus(problem.status() == 401 || problem.status() == 429 ? problem.status() : 400);
            // a throttled browser (or script) learns when to try again, as a direct API caller does
            problem.retryAfter().filter(after -> problem.status() == 429)
                    .ifPresent(after -> response.setHeader(HttpHeaders.RETRY_AFTER, after));
            return "auth/signin";
        }
    }

    @GetMapping("/signup")
    String signUpPage(@ModelAttribute("form") CredentialsForm form) {
        return "auth/signup";
    }

    @PostMapping("/signup")
    String signUp(@ModelAttribute("form") CredentialsForm form, BindingResult errors, HttpServletRequest request,
            HttpServletResponse response) {
        try {
            backend.register(form.getUsername(), form.getPassword());
            startSession(form, request, response);
            return "redirect:" + NextPath.DEFAULT;
        }
        catch (BackendProblemException problem) {
            if (problem.status() == 409) {
                errors.rejectValue("username", "taken", "This user name is already taken.");
            }
            else if (problem.fieldErrors().isEmpty()) {
                errors.reject("signup", problem.detail());
            }
            for (FieldProblem field : problem.fieldErrors()) {
                if ("username".equals(field.field()) || "password".equals(field.field())) {
                    errors.rejectValue(field.field(), "backend", field.message());
                }
                else {
                    errors.reject("backend", field.message());
                }
            }
            form.setPassword("");
            response.setStatus(problem.status() == 409 ? 409 : 400);
            return "auth/signup";
        }
    }

    private void startSession(CredentialsForm form, HttpServletRequest request, HttpServletResponse response) {
        SignIn signIn = backend.login(form.getUsername(), form.getPassword());
        cookies.signIn(request, response, form.getUsername(), signIn.accessToken(),
                Duration.ofSeconds(signIn.expiresIn()));
        // a new CSRF token for the signed-in user: one planted before sign-in is worth nothing
        csrfTokens.saveToken(null, request, response);
    }
}
