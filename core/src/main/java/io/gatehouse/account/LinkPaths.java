package io.gatehouse.account;

import java.util.Objects;

/**
 * The paths of the pages the account mails link to, each appended to the base URL. The three token paths hold
 * {@code {uid}} and {@code {token}}, which are replaced by URL-safe text.
 */
record LinkPaths(String verifyEmail, String resetPassword, String confirmEmailChange, String login,
        String requestReset) {
    static final int MAX_LENGTH = 512;
    static final String UID = "{uid}";
    static final String TOKEN = "{token}";

    LinkPaths {
        checkTokenPath(verifyEmail, "verifyEmailPath");
        checkTokenPath(resetPassword, "resetPasswordPath");
        checkTokenPath(confirmEmailChange, "confirmEmailChangePath");
        checkPlainPath(login, "loginPath");
        checkPlainPath(requestReset, "requestResetPath");
    }

    /**
     * Checks a path with {@code {uid}} and {@code {token}} once each.
     *
     * @throws IllegalArgumentException naming {@code field}
     */
    static String checkTokenPath(String path, String field) {
        checkPlainPath(path, field);
        if (count(path, UID) != 1 || count(path, TOKEN) != 1) {
            throw new IllegalArgumentException(field + " must hold {uid} and {token} once each, as in "
                    + AccountFlowSettings.DEFAULT_VERIFY_EMAIL_PATH + "; was \"" + path + "\".");
        }
        return path;
    }

    /**
     * Checks a path that is appended to the base URL: it starts with exactly one slash (so it can never name
     * another host), and holds no backslash, fragment, blank or control character.
     *
     * @throws IllegalArgumentException naming {@code field}
     */
    static String checkPlainPath(String path, String field) {
        Objects.requireNonNull(path, field);
        if (path.isEmpty() || path.length() > MAX_LENGTH || path.charAt(0) != '/' || path.startsWith("//")) {
            throw new IllegalArgumentException(field + " must be a path of at most " + MAX_LENGTH
                    + " characters starting with a single /, such as /login; was \"" + shown(path) + "\".");
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c <= ' ' || c >= 127 || c == '\\' || c == '#' || c == '"' || c == '<' || c == '>') {
                throw new IllegalArgumentException(field + " may hold only printable ASCII without blanks, "
                        + "backslashes, #, \", < or >; was \"" + shown(path) + "\".");
            }
        }
        return path;
    }

    private static int count(String path, String placeholder) {
        int n = 0;
        for (int i = path.indexOf(placeholder); i >= 0; i = path.indexOf(placeholder, i + 1)) {
            n++;
        }
        return n;
    }

    private static String shown(String path) {
        String cut = path.length() > 100 ? path.substring(0, 100) + "..." : path;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
