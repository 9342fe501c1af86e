package io.gatehouse.examples.cli;

import java.util.regex.Pattern;

/**
 * Masks passwords that a JDBC URL or a driver's message may carry ({@code ;PASSWORD=...},
 * {@code ?password=...}, {@code //user:secret@host}) before either is shown.
 */
final class Redaction {
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)(password\\s*=\\s*)[^;&\\s]*");
    private static final Pattern USER_INFO = Pattern.compile("(//[^/@:\\s]*):[^/@\\s]*@");

    private Redaction() {
    }

    /**
     * The text with password values replaced by {@code ****}.
     *
     * @param text a JDBC URL or a message that may quote one
     * @return the masked text
     */
    static String mask(String text) {
        String masked = PASSWORD_PARAMETER.matcher(text).replaceAll("$1****");
        return USER_INFO.matcher(masked).replaceAll("$1:****@");
    }
}
