package io.gatehouse.servlet;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One parsed {@code Set-Cookie} header, kept literal: the attribute names as sent (lower-cased for lookup)
 * and their values ({@code ""} for flags such as {@code Secure}).
 *
 * @param name the cookie name
 * @param value the cookie value
 * @param attributes the attributes by lower-cased name
 */
record SetCookieHeader(String name, String value, Map<String, String> attributes) {
    static SetCookieHeader parse(String header) {
        String[] parts = header.split(";");
        int eq = parts[0].indexOf('=');
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i].strip();
            int at = part.indexOf('=');
            String key = (at < 0 ? part : part.substring(0, at)).toLowerCase(Locale.ROOT);
            if (attributes.containsKey(key)) {
                throw new AssertionError("Attribute " + key + " appears twice in " + header);
            }
            attributes.put(key, at < 0 ? "" : part.substring(at + 1));
        }
        return new SetCookieHeader(parts[0].substring(0, eq).strip(), parts[0].substring(eq + 1).strip(), attributes);
    }

    static List<SetCookieHeader> all(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().map(SetCookieHeader::parse).toList();
    }

    static SetCookieHeader named(HttpResponse<?> response, String name) {
        return all(response).stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("No Set-Cookie " + name + " in "
                        + response.headers().allValues("Set-Cookie")));
    }

    boolean has(String attribute) {
        return attributes.containsKey(attribute.toLowerCase(Locale.ROOT));
    }

    String get(String attribute) {
        return attributes.get(attribute.toLowerCase(Locale.ROOT));
    }
}
