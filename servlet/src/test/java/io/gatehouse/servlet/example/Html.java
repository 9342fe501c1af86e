package io.gatehouse.servlet.example;

/** The HTML escaper the README's login page calls as {@code escape}: the application's own, in the README. */
final class Html {
    private Html() {
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#x27;");
    }
}
