package io.gatehouse.smtp;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** Text helpers for messages: printable values, cleaned server replies, durations as people write them. */
final class Text {
    private static final int MAX_VALUE = 100;
    private static final int MAX_REPLY = 500;

    private Text() {
    }

    /** A value safe to quote in an error message: control characters replaced, long values cut. */
    static String printable(String value) {
        String clean = value.replaceAll("\\p{Cntrl}", "?");
        return clean.length() <= MAX_VALUE ? clean : clean.substring(0, MAX_VALUE) + "...";
    }

    /**
     * A server reply on one line, at most 500 characters, with the secret (the password) blanked out should a
     * server ever echo it.
     */
    static String reply(@Nullable String reply, @Nullable String secret) {
        if (reply == null || reply.isBlank()) {
            return "";
        }
        String oneLine = reply.strip().replaceAll("[\\r\\n]+", " ").replaceAll("\\p{Cntrl}", "?");
        if (secret != null && !secret.isEmpty()) {
            oneLine = oneLine.replace(secret, "******");
        }
        return oneLine.length() <= MAX_REPLY ? oneLine : oneLine.substring(0, MAX_REPLY) + "...";
    }

    /** The three-digit code at the start of a reply, or -1. */
    static int code(String reply) {
        if (reply.length() < 3) {
            return -1;
        }
        for (int i = 0; i < 3; i++) {
            if (!Character.isDigit(reply.charAt(i))) {
                return -1;
            }
        }
        return Integer.parseInt(reply.substring(0, 3));
    }

    /** A duration as in settings: {@code 500ms}, {@code 10s}, {@code 2m}. */
    static String duration(Duration d) {
        if (d.toMillis() % 60_000 == 0) {
            return d.toMinutes() + "m";
        }
        if (d.toMillis() % 1000 == 0) {
            return d.toSeconds() + "s";
        }
        return d.toMillis() + "ms";
    }
}
