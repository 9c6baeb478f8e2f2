package dev.taskapp.frontend.auth;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Makes the {@link SignedInUser} (or null) available to every page as {@code user}, for the header. */
@ControllerAdvice
class SignedInUserAttribute {

    @ModelAttribute("user")
    SignedInUser user(@AuthenticationPrincipal SignedInUser user) {
        return user;
    }
}
