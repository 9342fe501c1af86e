/**
 * Sending mail over SMTP with jakarta.mail (Eclipse Angus): {@link io.gatehouse.smtp.SmtpMailer} implements
 * core's {@link io.gatehouse.mail.Mailer} port, configured by {@link io.gatehouse.smtp.SmtpSettings} from code,
 * properties or the environment, with {@link io.gatehouse.smtp.SmtpPreset}s for Gmail, Naver and Amazon SES.
 * TLS is required unless the settings say {@link io.gatehouse.smtp.SmtpSecurity#NONE}, and the server's identity
 * is checked. Passwords, bodies and links never reach a log line, an exception message or a
 * {@code toString()}.
 */
@NullMarked
package io.gatehouse.smtp;

import org.jspecify.annotations.NullMarked;
