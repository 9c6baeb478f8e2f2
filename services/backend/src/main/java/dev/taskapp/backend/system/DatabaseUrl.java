package dev.taskapp.backend.system;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * A database address as deployments write it: the seed's {@code postgresql://user:pass@host:port/db}
 * (user and password percent-encoded) or a plain {@code jdbc:postgresql://...} URL.
 */
record DatabaseUrl(String jdbcUrl, String username, String password) {

    /** A DNS name or IPv4 address (letters, digits, '.', '-', '_') or a bracketed IPv6 literal; a port. */
    private static final Pattern VALID_HOST_AND_PORT = Pattern.compile(
            "([A-Za-z0-9_](?:[A-Za-z0-9._-]*[A-Za-z0-9_])?|\\[[0-9A-Fa-f:.]+])(:[0-9]{1,5})?");

    static DatabaseUrl parse(String value) {
        String url = value.trim();
        if (url.startsWith("jdbc:")) {
            return new DatabaseUrl(url, null, null);
        }
        if (!url.startsWith("postgresql://") && !url.startsWith("postgres://")) {
            throw new IllegalArgumentException(
                    "DATABASE_URL must start with postgresql://, postgres:// or jdbc:postgresql://");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException ex) {
            // Never echo the value: it holds the password.
            throw new IllegalArgumentException(
                    "DATABASE_URL is not a valid URL (percent-encode special characters in user and password)");
        }
        // The authority is split here, not by URI: URI drops the host of names that are valid for DNS
        // and Docker but not RFC 2396 hostnames, e.g. Compose service names with '_'.
        String authority = uri.getRawAuthority() == null ? "" : uri.getRawAuthority();
        int at = authority.lastIndexOf('@');
        String userInfo = at < 0 ? null : authority.substring(0, at);
        String hostAndPort = authority.substring(at + 1);
        if (!VALID_HOST_AND_PORT.matcher(hostAndPort).matches()) {
            throw new IllegalArgumentException("DATABASE_URL has no valid host[:port]");
        }
        StringBuilder jdbc = new StringBuilder("jdbc:postgresql://").append(hostAndPort);
        jdbc.append(uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath());
        if (uri.getRawQuery() != null) {
            jdbc.append('?').append(uri.getRawQuery());
        }
        String username = null;
        String password = null;
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            username = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            password = colon < 0 ? null : decode(userInfo.substring(colon + 1));
        }
        return new DatabaseUrl(jdbc.toString(), username, password);
    }

    /** Percent-decoding only: in a URL's user part '+' is a plus, not a space. */
    private static String decode(String raw) {
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
