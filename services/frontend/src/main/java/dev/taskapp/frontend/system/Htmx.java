package dev.taskapp.frontend.system;

import jakarta.servlet.http.HttpServletRequest;

/** What htmx tells the server about a request (https://htmx.org/reference/#request_headers). */
public final class Htmx {

    private Htmx() {
    }

    public static boolean isHtmx(HttpServletRequest request) {
        return "true".equals(request.getHeader("HX-Request"))
                && !"true".equals(request.getHeader("HX-History-Restore-Request"));
    }

    /** True when htmx asked for just the element with this id (hx-target="#id"). */
    public static boolean targets(HttpServletRequest request, String id) {
        return isHtmx(request) && id.equals(request.getHeader("HX-Target"));
    }
}
