package dev.taskapp.frontend.auth;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Makes the signed-in user (or null) available to every page as {@code user}, for the header. */
@ControllerAdvice
class CurrentUser {

    @ModelAttribute("user")
    SignedInUser user(@AuthenticationPrincipal SignedInUser user) {
        return user;
    }
}
