package io.gatehouse.event;

/**
 * Receives {@link AuthEvent}s. Called synchronously on the thread that caused the event, after the change
 * is stored; an exception it throws is logged and does not undo or fail the operation.
 */
@FunctionalInterface
public interface AuthEventListener {
    /**
     * Handles one event.
     *
     * @param event what happened
     */
    void onEvent(AuthEvent event);
}
