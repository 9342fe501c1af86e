package io.gatehouse.password.validation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

/**
 * Refuses passwords on Django's list of 20,000 common passwords (19,727 distinct entries in the shipped file), compared as
 * Django compares them: lower-cased, then stripped of surrounding whitespace.
 */
final class CommonPasswordValidator implements PasswordValidator {

    static final String RESOURCE = "/io/gatehouse/password/validation/common-passwords.txt.gz";

    /** Loaded on first use, once, by the class-holder idiom (thread-safe without locking). */
    private static final class Holder {
        static final Set<String> PASSWORDS = load();
    }

    @Override
    public List<PasswordViolation> validate(CharSequence password, PasswordContext context) {
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(context, "context");
        if (!Holder.PASSWORDS.contains(password.toString().toLowerCase(Locale.ROOT).strip())) {
            return List.of();
        }
        return List.of(new PasswordViolation("password_too_common",
                "This password is too common.",
                "너무 흔한 비밀번호입니다."));
    }

    static Set<String> commonPasswords() {
        return Holder.PASSWORDS;
    }

    private static Set<String> load() {
        InputStream raw = CommonPasswordValidator.class.getResourceAsStream(RESOURCE);
        if (raw == null) {
            throw new IllegalStateException("The common password list " + RESOURCE
                    + " is missing from the classpath; the gatehouse-core jar is incomplete.");
        }
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8))) {
            return reader.lines().map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the common password list " + RESOURCE + ".", e);
        }
    }

    @Override
    public String toString() {
        return "CommonPasswordValidator";
    }
}
