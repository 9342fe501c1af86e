/**
 * The mail the account flows send, as text: {@link io.gatehouse.mail.template.MailTemplates} turns a user and
 * a link into a {@link io.gatehouse.mail.template.MailContent} (subject, plain text, HTML), in the user's
 * language. {@link io.gatehouse.mail.template.MailTemplates#defaults(String)} gives the built-in mails in English
 * and Korean, with HTML in inline styles and every inserted value escaped. Applications replace or decorate the
 * templates to change the wording.
 */
@NullMarked
package io.gatehouse.mail.template;

import org.jspecify.annotations.NullMarked;
