package io.gatehouse.mail.template;

/** Escapes text for HTML element content and for quoted attribute values alike. */
final class Html {
    private Html() {
    }

    /**
     * Replaces the five characters that can end a text run or an attribute value: {@code & < > " '}.
     * Enough for content and for attribute values quoted with either quote, which is all the templates use.
     */
    static String escape(String value) {
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            String entity = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (entity != null) {
                if (out == null) {
                    out = new StringBuilder(value.length() + 16).append(value, 0, i);
                }
                out.append(entity);
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? value : out.toString();
    }
}
