package io.gatehouse.examples.cli;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A terminal fed from a script of answers, standing in for {@link java.io.Console}. Each answer says whether it is
 * typed at a visible or a hidden prompt; a password asked with a visible prompt fails the test. Running out of
 * answers is end of input.
 */
final class ScriptedTerminal implements Terminal {
    private record Answer(boolean hidden, String text) {
    }

    private final Deque<Answer> answers = new ArrayDeque<>();
    private final List<String> transcript = new ArrayList<>();

    /** Queues an answer to a visible question (username, email). */
    ScriptedTerminal line(String text) {
        answers.add(new Answer(false, text));
        return this;
    }

    /** Queues an answer to a hidden question (password). */
    ScriptedTerminal password(String text) {
        answers.add(new Answer(true, text));
        return this;
    }

    /** The prompts shown, in order; hidden ones marked {@code [hidden]}. */
    List<String> prompts() {
        return List.copyOf(transcript);
    }

    /** Whether every queued answer was asked for. */
    boolean exhausted() {
        return answers.isEmpty();
    }

    @Override
    public @Nullable String readLine(String prompt) {
        transcript.add(prompt);
        Answer next = answers.poll();
        if (next == null) {
            return null;
        }
        if (next.hidden()) {
            throw new AssertionError("A visible prompt '" + prompt + "' was asked where the script expected a hidden "
                    + "password prompt.");
        }
        return next.text();
    }

    @Override
    public char @Nullable [] readPassword(String prompt) {
        transcript.add("[hidden] " + prompt);
        Answer next = answers.poll();
        if (next == null) {
            return null;
        }
        if (!next.hidden()) {
            throw new AssertionError("A hidden prompt '" + prompt + "' was asked where the script expected a "
                    + "visible one.");
        }
        return next.text().toCharArray();
    }
}
