package io.gatehouse.examples.demo;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * The demo's words in English and Korean, from {@code messages.properties} and {@code messages_ko.properties}
 * beside this class. Only those two languages exist; any other request gets English, whatever the JVM's
 * default locale is. Thread-safe.
 */
final class Messages {
    static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.KOREAN);
    private static final String BUNDLE = "io.gatehouse.examples.demo.messages";
    // Without this control, a JVM whose default locale is Korean would answer English requests in Korean.
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Messages() {
    }

    /**
     * The language to answer in: the first of the client's {@code Accept-Language} choices (in its order of
     * preference) that the demo speaks, else English.
     */
    static Locale choose(Iterable<Locale> preferred) {
        for (Locale locale : preferred) {
            for (Locale supported : SUPPORTED) {
                if (supported.getLanguage().equals(locale.getLanguage())) {
                    return supported;
                }
            }
        }
        return Locale.ENGLISH;
    }

    static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, "ko".equals(locale.getLanguage()) ? Locale.KOREAN : Locale.ROOT,
                Messages.class.getClassLoader(), NO_FALLBACK);
    }

    /** The message, formatted with {@link MessageFormat}; empty when the key is unknown. */
    static Optional<String> find(Locale locale, String key, Object... args) {
        Objects.requireNonNull(key, "key");
        String pattern;
        try {
            pattern = bundle(locale).getString(key);
        } catch (MissingResourceException e) {
            return Optional.empty();
        }
        return Optional.of(args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args));
    }

    /** The message, or {@code ??key??} when the key is unknown (a bug, made visible on the page). */
    static String get(Locale locale, String key, Object... args) {
        return find(locale, key, args).orElse("??" + key + "??");
    }
}
