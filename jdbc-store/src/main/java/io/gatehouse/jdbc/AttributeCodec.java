package io.gatehouse.jdbc;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Session attributes as one text column: a JSON object of strings, written in key order, so an operator can
 * read it and PostgreSQL could cast it to {@code jsonb}. Every control character is escaped, NUL included,
 * which PostgreSQL text cannot hold. The reader accepts exactly what the writer produces.
 */
final class AttributeCodec {
    private AttributeCodec() {
    }

    static String encode(Map<String, String> attributes) {
        StringBuilder out = new StringBuilder(attributes.size() * 16 + 2).append('{');
        boolean first = true;
        for (Map.Entry<String, String> e : new TreeMap<>(attributes).entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            quote(out, e.getKey());
            out.append(':');
            quote(out, e.getValue());
        }
        return out.append('}').toString();
    }

    static Map<String, String> decode(String text) {
        Reader reader = new Reader(text);
        Map<String, String> attributes = new TreeMap<>();
        reader.expect('{');
        if (reader.peek() != '}') {
            do {
                String key = reader.string();
                reader.expect(':');
                attributes.put(key, reader.string());
            } while (reader.skipIf(','));
        }
        reader.expect('}');
        reader.end();
        return attributes;
    }

    private static void quote(StringBuilder out, String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** Reads the subset of JSON {@link #encode} writes. */
    private static final class Reader {
        private final String text;
        private int pos;

        Reader(String text) {
            this.text = text;
        }

        char peek() {
            if (pos >= text.length()) {
                throw malformed();
            }
            return text.charAt(pos);
        }

        void expect(char c) {
            if (peek() != c) {
                throw malformed();
            }
            pos++;
        }

        boolean skipIf(char c) {
            if (pos < text.length() && text.charAt(pos) == c) {
                pos++;
                return true;
            }
            return false;
        }

        void end() {
            if (pos != text.length()) {
                throw malformed();
            }
        }

        String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (true) {
                char c = peek();
                pos++;
                if (c == '"') {
                    return out.toString();
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char escaped = peek();
                pos++;
                switch (escaped) {
                    case '"', '\\', '/' -> out.append(escaped);
                    case 'u' -> {
                        if (pos + 4 > text.length()) {
                            throw malformed();
                        }
                        try {
                            out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                        } catch (NumberFormatException e) {
                            throw malformed();
                        }
                        pos += 4;
                    }
                    default -> throw malformed();
                }
            }
        }

        private IllegalStateException malformed() {
            return new IllegalStateException("The stored session attributes are not in Gatehouse's format at "
                    + "character " + pos + "; was the column written by something else?");
        }
    }
}
