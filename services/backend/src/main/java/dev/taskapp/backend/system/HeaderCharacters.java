package dev.taskapp.backend.system;

/**
 * The characters Spring Security's {@code StrictHttpFirewall} allows in header names and values, as
 * a loop over the code points instead of its regular expressions ({@code [\p{IsAssigned}&&[^\p{IsControl}]]*},
 * and the same with a tab for values): the firewall checks each header every time it is read, and
 * the bearer token alone is read several times a request. Same rule, same answers
 * (HeaderCharactersTest compares them with the firewall's own predicates).
 */
final class HeaderCharacters {

    private HeaderCharacters() {
    }

    /** Assigned and not a control character. */
    static boolean allowedInName(String name) {
        return allowed(name, false);
    }

    /** Assigned and not a control character, except the tab. */
    static boolean allowedInValue(String value) {
        return allowed(value, true);
    }

    private static boolean allowed(String text, boolean tab) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            int type = Character.getType(c);
            if (type == Character.UNASSIGNED || type == Character.CONTROL && !(tab && c == '\t')) {
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }
}
