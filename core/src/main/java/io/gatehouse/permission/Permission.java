package io.gatehouse.permission;

import io.gatehouse.InvalidInputException;
import java.util.List;
import java.util.Objects;

/**
 * A named permission such as {@code blog.change_post}: an app label, a dot, and a codename, both lower-case
 * ASCII letters, digits and underscores starting with a letter, at most {@value #MAX_LENGTH} characters in
 * all. {@link #defaultsFor(String, String)} gives the add/change/delete/view set Django creates per model.
 *
 * @param name the full name, e.g. {@code blog.change_post}
 */
public record Permission(String name) implements Comparable<Permission> {
    /** The longest permission name. */
    public static final int MAX_LENGTH = 255;
    /** The actions every registered resource gets, in Django's order. */
    public static final List<String> DEFAULT_ACTIONS = List.of("add", "change", "delete", "view");

    /**
     * Validates the name.
     *
     * @throws InvalidInputException naming {@code permission} when the name is malformed
     */
    public Permission {
        Objects.requireNonNull(name, "permission");
        if (!isWellFormed(name)) {
            throw new InvalidInputException("permission", "permission_invalid",
                    "The permission \"" + printable(name) + "\" is not valid: it must look like "
                            + "app.action_resource (for example blog.change_post), in lower-case letters, "
                            + "digits and underscores, at most " + MAX_LENGTH + " characters.");
        }
    }

    // Stores build several of these for every request, so this is a plain scan rather than a regex over two
    // substrings: exactly one dot, and on each side [a-z][a-z0-9_]*.
    private static boolean isWellFormed(String name) {
        int length = name.length();
        if (length > MAX_LENGTH) {
            return false;
        }
        boolean seenDot = false;
        boolean partStart = true;
        for (int i = 0; i < length; i++) {
            char c = name.charAt(i);
            if (c >= 'a' && c <= 'z') {
                partStart = false;
            } else if ((c >= '0' && c <= '9') || c == '_') {
                if (partStart) {
                    return false;
                }
            } else if (c == '.') {
                if (seenDot || partStart) {
                    return false;
                }
                seenDot = true;
                partStart = true;
            } else {
                return false;
            }
        }
        return seenDot && !partStart;
    }

    /**
     * Parses a permission name.
     *
     * @param name e.g. {@code blog.change_post}
     * @return the permission
     * @throws InvalidInputException naming {@code permission} when the name is malformed
     */
    public static Permission of(String name) {
        return new Permission(name);
    }

    /**
     * The four default permissions of a resource: {@code app.add_resource}, {@code app.change_resource},
     * {@code app.delete_resource}, {@code app.view_resource}.
     *
     * @param app the app label, e.g. {@code blog}
     * @param resource the resource (model) name, e.g. {@code post}
     * @return the four permissions
     * @throws InvalidInputException when the app or resource name is malformed
     */
    public static List<Permission> defaultsFor(String app, String resource) {
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(resource, "resource");
        return DEFAULT_ACTIONS.stream().map(action -> new Permission(app + "." + action + "_" + resource)).toList();
    }

    /**
     * The app label, the part before the dot.
     *
     * @return e.g. {@code blog}
     */
    public String app() {
        return name.substring(0, name.indexOf('.'));
    }

    /**
     * The codename, the part after the dot.
     *
     * @return e.g. {@code change_post}
     */
    public String codename() {
        return name.substring(name.indexOf('.') + 1);
    }

    @Override
    public int compareTo(Permission other) {
        return name.compareTo(other.name);
    }

    @Override
    public String toString() {
        return name;
    }

    // \p{Cntrl} alone is ASCII-only: C1 controls such as U+009B (a terminal's CSI), bidi overrides and line
    // separators would reach logs raw. Cutting by code point keeps surrogate pairs whole.
    private static String printable(String value) {
        int limit = 80;
        boolean cut = value.codePointCount(0, value.length()) > limit;
        String head = cut ? value.substring(0, value.offsetByCodePoints(0, limit)) : value;
        StringBuilder out = new StringBuilder(head.length() + 3);
        head.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            boolean unsafe = Character.isISOControl(cp) || type == Character.FORMAT || type == Character.SURROGATE
                    || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
            out.appendCodePoint(unsafe ? '?' : cp);
        });
        return cut ? out.append("...").toString() : out.toString();
    }
}
