package io.gatehouse.testing;

import io.gatehouse.InvalidInputException;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Test support: what a call did, as a value two implementations can be compared by: the returned value, or the
 * exception's class, message and, for {@link InvalidInputException}, field and code.
 *
 * @param value the returned value, or {@code null} when the call threw
 * @param exception the thrown exception's class name, or {@code null} when it returned
 * @param message the exception's message
 * @param field the {@link InvalidInputException#field()}
 * @param code the {@link InvalidInputException#code()}
 */
public record Outcome(@Nullable Object value, @Nullable String exception, @Nullable String message,
        @Nullable String field, @Nullable String code) {

    /**
     * Runs a call and records what it did.
     *
     * @param call the call
     * @return its outcome
     */
    public static Outcome of(Supplier<?> call) {
        try {
            return new Outcome(call.get(), null, null, null, null);
        } catch (InvalidInputException e) {
            return new Outcome(null, e.getClass().getName(), e.getMessage(), e.field(), e.code());
        } catch (RuntimeException e) {
            return new Outcome(null, e.getClass().getName(), e.getMessage(), null, null);
        }
    }

    /**
     * Whether the call returned normally.
     *
     * @return true when it did not throw
     */
    public boolean accepted() {
        return exception == null;
    }
}
