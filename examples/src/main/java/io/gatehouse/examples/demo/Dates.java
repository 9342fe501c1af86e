package io.gatehouse.examples.demo;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** How the demo's pages write times: UTC, to the minute, the same in both languages. */
final class Dates {
    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private Dates() {
    }

    static String format(@Nullable Instant instant) {
        return instant == null ? "" : FORMAT.format(instant);
    }
}
