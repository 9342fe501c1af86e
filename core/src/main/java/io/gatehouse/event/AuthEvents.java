package io.gatehouse.event;

import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers events to every registered listener in order; a failing listener is logged and skipped so one
 * bad audit hook cannot break logins. Immutable and thread-safe.
 */
public final class AuthEvents {
    private static final Logger LOG = LoggerFactory.getLogger(AuthEvents.class);

    private final List<AuthEventListener> listeners;

    /**
     * Creates a dispatcher.
     *
     * @param listeners the listeners, called in this order
     */
    public AuthEvents(List<AuthEventListener> listeners) {
        this.listeners = List.copyOf(Objects.requireNonNull(listeners, "listeners"));
    }

    /**
     * Delivers an event to every listener.
     *
     * @param event the event
     */
    public void publish(AuthEvent event) {
        Objects.requireNonNull(event, "event");
        for (AuthEventListener listener : listeners) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                LOG.warn("Auth event listener {} failed on {}; the operation itself went through.",
                        listener.getClass().getName(), event.getClass().getSimpleName(), e);
            }
        }
    }
}
