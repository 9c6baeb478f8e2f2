package dev.taskapp.backend.auth;

import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * The key a client is throttled by: its IPv4 address, or the /64 prefix of its IPv6 address (a
 * single host usually owns a whole /64 and can rotate through it at will). Anything that is not an
 * address literal is used as it is; no name is ever resolved.
 */
final class ClientAddress {

    private ClientAddress() {
    }

    static String key(String remoteAddress) {
        if (remoteAddress == null || remoteAddress.indexOf(':') < 0) {
            return remoteAddress == null ? "" : remoteAddress;
        }
        try {
            InetAddress address = InetAddress.ofLiteral(strip(remoteAddress));
            if (!(address instanceof Inet6Address)) {
                return address.getHostAddress(); // an IPv4-mapped literal
            }
            byte[] bytes = address.getAddress();
            StringBuilder prefix = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
            }
            return prefix.append(":/64").toString();
        } catch (IllegalArgumentException notALiteral) {
            return remoteAddress;
        }
    }

    /** Tomcat may hand over "[2001:db8::1]" or "fe80::1%eth0". */
    private static String strip(String address) {
        String bare = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1)
                : address;
        int zone = bare.indexOf('%');
        return zone < 0 ? bare : bare.substring(0, zone);
    }
}
