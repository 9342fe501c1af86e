package io.gatehouse.smtp;

import io.gatehouse.InvalidInputException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A provider's SMTP host, port and security, so that switching provider is a settings change only. Explicit
 * host, port or security settings win over the preset's.
 *
 * <pre>{@code
 * SmtpSettings settings = SmtpSettings.builder()
 *         .preset(SmtpPreset.gmail())
 *         .username("me@gmail.com")
 *         .password(appPassword)
 *         .build();
 * }</pre>
 *
 * <ul>
 *   <li>{@link #gmail()}: {@code smtp.gmail.com:587}, STARTTLS; with two-factor authentication the password
 *       is an app password;</li>
 *   <li>{@link #naver()}: {@code smtp.naver.com:465}, SSL; SMTP must be enabled in Naver Mail's settings, and
 *       with two-step verification the password is an app password;</li>
 *   <li>{@link #amazonSes(String)}: {@code email-smtp.REGION.amazonaws.com:587}, STARTTLS; the username and
 *       password are SES SMTP credentials, not AWS access keys.</li>
 * </ul>
 *
 * @param name the preset's name as used in properties: {@code gmail}, {@code naver} or {@code ses}
 * @param host the SMTP host
 * @param port the SMTP port
 * @param security the connection security
 */
public record SmtpPreset(String name, String host, int port, SmtpSecurity security) {
    private static final Pattern AWS_REGION = Pattern.compile("[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-[0-9]{1,2}");

    /**
     * Creates a preset.
     *
     * @throws NullPointerException when a component is null
     * @throws IllegalArgumentException when the port is outside 1..65535
     */
    public SmtpPreset {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(security, "security");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("The preset port must be between 1 and 65535, not " + port + ".");
        }
    }

    /**
     * Gmail and Google Workspace: {@code smtp.gmail.com:587} with STARTTLS.
     *
     * @return the preset
     */
    public static SmtpPreset gmail() {
        return new SmtpPreset("gmail", "smtp.gmail.com", 587, SmtpSecurity.STARTTLS);
    }

    /**
     * Naver Mail: {@code smtp.naver.com:465} with SSL.
     *
     * @return the preset
     */
    public static SmtpPreset naver() {
        return new SmtpPreset("naver", "smtp.naver.com", 465, SmtpSecurity.SSL);
    }

    /**
     * Amazon SES in one region: {@code email-smtp.REGION.amazonaws.com:587} with STARTTLS.
     *
     * @param region an AWS region such as {@code us-east-1} or {@code ap-northeast-2}
     * @return the preset
     * @throws InvalidInputException naming {@code region} when it does not look like an AWS region
     */
    public static SmtpPreset amazonSes(String region) {
        return amazonSes(region, "region");
    }

    static SmtpPreset amazonSes(String region, String field) {
        Objects.requireNonNull(region, field);
        String r = region.strip().toLowerCase(Locale.ROOT);
        if (!AWS_REGION.matcher(r).matches()) {
            throw new InvalidInputException(field, "ses_region_invalid", "The Amazon SES region " + field
                    + " must look like us-east-1 or ap-northeast-2 (lower-case letters, dashes and a number), not '"
                    + Text.printable(region) + "'.");
        }
        return new SmtpPreset("ses", "email-smtp." + r + ".amazonaws.com", 587, SmtpSecurity.STARTTLS);
    }
}
