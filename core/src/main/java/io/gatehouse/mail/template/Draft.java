package io.gatehouse.mail.template;

import java.util.ArrayList;
import java.util.List;

/**
 * One mail in one language, before layout: a subject, a heading and blocks of unescaped text. {@link MailLayout}
 * turns it into plain text and HTML, so the two parts always say the same thing.
 */
record Draft(String subject, String heading, List<Block> blocks) {
    Draft {
        blocks = List.copyOf(blocks);
    }

    /** A part of the body. */
    sealed interface Block permits Paragraph, Action, Note {
    }

    /** A paragraph of text. */
    record Paragraph(String text) implements Block {
    }

    /** A link to follow: a button in HTML, the bare link on its own line in text. */
    record Action(String label, String link) implements Block {
    }

    /** Secondary text, such as what to do if the mail was not expected. */
    record Note(String text) implements Block {
    }

    static Builder builder(String subject, String heading) {
        return new Builder(subject, heading);
    }

    /** Collects blocks in order. */
    static final class Builder {
        private final String subject;
        private final String heading;
        private final List<Block> blocks = new ArrayList<>();

        private Builder(String subject, String heading) {
            this.subject = subject;
            this.heading = heading;
        }

        Builder paragraph(String text) {
            blocks.add(new Paragraph(text));
            return this;
        }

        Builder action(String label, String link) {
            blocks.add(new Action(label, link));
            return this;
        }

        Builder note(String text) {
            blocks.add(new Note(text));
            return this;
        }

        Draft build() {
            return new Draft(subject, heading, blocks);
        }
    }
}
