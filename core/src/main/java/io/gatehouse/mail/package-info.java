/**
 * Sending mail: the immutable {@link io.gatehouse.mail.EmailMessage} (plain text with an optional HTML
 * alternative), the {@link io.gatehouse.mail.Mailer} port with its per-message
 * {@link io.gatehouse.mail.SendOutcome}, and three backends that need no mail server:
 * {@link io.gatehouse.mail.InMemoryMailer} for tests, {@link io.gatehouse.mail.ConsoleMailer} and
 * {@link io.gatehouse.mail.FileMailer} for development. Every header value is checked for line breaks when a
 * message is built, so no backend can be used to smuggle headers.
 */
@NullMarked
package io.gatehouse.mail;

import org.jspecify.annotations.NullMarked;
