package dev.taskapp.frontend.system;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

import dev.taskapp.frontend.auth.AuthCookies;
import dev.taskapp.frontend.backend.BackendProblemException;
import dev.taskapp.frontend.backend.BackendUnavailableException;

/**
 * What the user sees when a backend call fails: a 503 page that retries by itself while the backend
 * is down, sign-in again when it rejects the token, a 404 page for a task that is not (or no longer)
 * there. htmx requests get a header making the browser load the whole page instead of a fragment.
 */
@ControllerAdvice
class ErrorPages {

    static final int RETRY_SECONDS = 5;
    private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

    private final Assets assets;

    private final AuthCookies cookies;

    ErrorPages(Assets assets, AuthCookies cookies) {
        this.assets = assets;
        this.cookies = cookies;
    }

    @ExceptionHandler
    ModelAndView backendUnavailable(BackendUnavailableException ex, HttpServletRequest request,
            HttpServletResponse response) {
        log.warn("Backend unavailable for {} {}: {}", request.getMethod(), request.getRequestURI(), ex.getMessage());
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_SECONDS));
        refreshWholePage(request, response);
        ModelAndView page = page("error/503", HttpStatus.SERVICE_UNAVAILABLE);
        page.addObject("retrySeconds", RETRY_SECONDS);
        page.addObject("retryUrl", SecurityConfig.currentPage(request));
        return page;
    }

    @ExceptionHandler
    ModelAndView backendProblem(BackendProblemException ex, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (ex.isTokenRejected()) {
            cookies.signOut(request, response);
            SecurityConfig.redirect(request, response, SecurityConfig.signInUrl(request, true));
            return null;
        }
        refreshWholePage(request, response);
        if (ex.isNotFound()) {
            return notFound();
        }
        ModelAndView page = page("error", HttpStatus.valueOf(ex.status()));
        page.addObject("status", ex.status());
        page.addObject("error", ex.detail());
        return page;
    }

    @ExceptionHandler
    ModelAndView badPathVariable(MethodArgumentTypeMismatchException ex) {
        return notFound();
    }

    private ModelAndView notFound() {
        return page("error/404", HttpStatus.NOT_FOUND);
    }

    /** Pages from exception handlers do not get the @ModelAttribute values: add what the layout needs. */
    private ModelAndView page(String view, HttpStatus status) {
        ModelAndView page = new ModelAndView(view, status);
        page.addObject("assets", assets);
        return page;
    }

    private static void refreshWholePage(HttpServletRequest request, HttpServletResponse response) {
        if (Htmx.isHtmx(request)) {
            response.setHeader("HX-Refresh", "true");
        }
    }
}
