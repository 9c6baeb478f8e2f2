package dev.taskapp.frontend.auth;

import java.net.URI;

/**
 * Where to go after signing in. Only a path on this site is accepted ("/tasks?page=2"), never
 * another origin ("//evil.example", "https://…", "/\evil"), so a sign-in link cannot become an open redirect.
 */
public final class NextPath {

    public static final String DEFAULT = "/tasks";

    private NextPath() {
    }

    public static String orDefault(String next) {
        return isSafe(next) ? next : DEFAULT;
    }

    static boolean isSafe(String next) {
        if (next == null || next.length() > 2000 || !next.startsWith("/") || next.startsWith("//")) {
            return false;
        }
        for (char c : next.toCharArray()) {
            if (c == '\\' || Character.isISOControl(c) || Character.isWhitespace(c)) {
                return false;
            }
        }
        try {
            URI uri = new URI(next);
            return uri.getScheme() == null && uri.getRawAuthority() == null && !next.startsWith("/signin")
                    && !next.startsWith("/signout");
        }
        catch (java.net.URISyntaxException ex) {
            return false;
        }
    }

    /** The path and query of an absolute URL of this site (e.g. htmx's HX-Current-URL), if safe. */
    public static String fromUrl(String url) {
        if (url == null) {
            return DEFAULT;
        }
        try {
            URI uri = new URI(url);
            String path = uri.getRawPath() + (uri.getRawQuery() != null ? "?" + uri.getRawQuery() : "");
            return orDefault(path);
        }
        catch (java.net.URISyntaxException ex) {
            return DEFAULT;
        }
    }
}
