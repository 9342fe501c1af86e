/**
 * The mail the account flows send, as text: {@link io.gatehouse.mail.template.MailTemplates} turns a user and
 * a link into a {@link io.gatehouse.mail.template.MailContent} (subject, plain text, HTML), in the user's
 * language. Applications replace or decorate the templates to change the wording.
 */
@NullMarked
package io.gatehouse.mail.template;

import org.jspecify.annotations.NullMarked;
