package io.gatehouse.account;

import io.gatehouse.mail.MailAddress;
import io.gatehouse.mail.template.MailTemplates;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the account flows (sign-up, verification, password reset, email change) need to know about the site:
 * the base URL every link starts with, the paths of the link targets, the sender of the mail, the mail
 * templates, whether answers hide which addresses have accounts, and the cool-down between mails to one
 * address. Immutable and thread-safe.
 *
 * <p>Unless other templates are set, the mails are {@link MailTemplates#defaults(String)} for the
 * {@linkplain Builder#siteName site name}: the one set, else the display name of the sender, else the host of the
 * base URL.
 *
 * <pre>{@code
 * AccountFlowSettings flows = AccountFlowSettings.builder("https://example.com", "Example <no-reply@example.com>")
 *         .siteName("Example Shop")
 *         .build();
 * Gatehouse gatehouse = Gatehouse.builder(keys).accountFlows(flows).build();
 * }</pre>
 *
 * <p>Security note: links are built only from the configured base URL, never from a request's Host header,
 * so a forged Host cannot send a victim's reset token to an attacker's site. The base URL must be
 * {@code https}, except on {@code localhost}, {@code 127.0.0.1} and {@code [::1]}, where {@code http} is
 * allowed for development.
 */
public final class AccountFlowSettings {
    /** The default cool-down between two mails of one kind to one address: 3 minutes. */
    public static final Duration DEFAULT_RESEND_COOLDOWN = Duration.ofMinutes(3);
    /** The default path of the email verification page. */
    public static final String DEFAULT_VERIFY_EMAIL_PATH = "/verify/{uid}/{token}";
    /** The default path of the page that takes the new password of a reset link. */
    public static final String DEFAULT_RESET_PASSWORD_PATH = "/password/reset/{uid}/{token}";
    /** The default path of the page that confirms a change of email address. */
    public static final String DEFAULT_CONFIRM_EMAIL_CHANGE_PATH = "/account/email/confirm/{uid}/{token}";
    /** The default path of the login page. */
    public static final String DEFAULT_LOGIN_PATH = "/login";
    /** The default path of the page that asks for a password reset mail. */
    public static final String DEFAULT_REQUEST_RESET_PATH = "/password/reset";

    private final String baseUrl;
    private final MailAddress from;
    private final MailTemplates templates;
    private final LinkPaths paths;
    private final boolean enumerationProtection;
    private final Duration resendCooldown;

    private AccountFlowSettings(Builder b) {
        baseUrl = b.baseUrl;
        from = b.from;
        templates = b.templates != null ? b.templates : MailTemplates.defaults(b.siteName());
        paths = new LinkPaths(b.verifyEmailPath, b.resetPasswordPath, b.confirmEmailChangePath, b.loginPath,
                b.requestResetPath);
        enumerationProtection = b.enumerationProtection;
        resendCooldown = b.resendCooldown;
    }

    /**
     * Starts the settings.
     *
     * @param baseUrl the site's absolute URL, e.g. {@code https://example.com} or {@code https://example.com/app/};
     *     a trailing slash is ignored
     * @param from the sender of every account mail, e.g. {@code Example <no-reply@example.com>}
     * @return a builder
     * @throws IllegalArgumentException naming {@code baseUrl} or {@code from} when it breaks a rule
     */
    public static Builder builder(String baseUrl, String from) {
        return new Builder(BaseUrls.check(baseUrl), MailAddress.parse(Objects.requireNonNull(from, "from")));
    }

    /**
     * The base URL every link starts with, without a trailing slash.
     *
     * @return e.g. {@code https://example.com}
     */
    public String baseUrl() {
        return baseUrl;
    }

    /**
     * The sender of every account mail.
     *
     * @return the From address
     */
    public MailAddress from() {
        return from;
    }

    /**
     * The templates the mails are rendered with.
     *
     * @return the templates
     */
    public MailTemplates templates() {
        return templates;
    }

    /**
     * Whether sign-up, resend-verification and password reset answer alike for known and unknown addresses.
     *
     * @return true unless turned off
     */
    public boolean enumerationProtection() {
        return enumerationProtection;
    }

    /**
     * The shortest time between two mails of one kind (verification, password reset, email change) to one
     * address.
     *
     * @return the cool-down
     */
    public Duration resendCooldown() {
        return resendCooldown;
    }

    /**
     * The path of the email verification page.
     *
     * @return a path with {@code {uid}} and {@code {token}}
     */
    public String verifyEmailPath() {
        return paths.verifyEmail();
    }

    /**
     * The path of the page where a user chooses a new password after following a reset link.
     *
     * @return a path with {@code {uid}} and {@code {token}}
     */
    public String resetPasswordPath() {
        return paths.resetPassword();
    }

    /**
     * The path of the page that confirms a change of email address.
     *
     * @return a path with {@code {uid}} and {@code {token}}
     */
    public String confirmEmailChangePath() {
        return paths.confirmEmailChange();
    }

    /**
     * The path of the login page.
     *
     * @return a path
     */
    public String loginPath() {
        return paths.login();
    }

    /**
     * The path of the page where a user asks for a password reset mail.
     *
     * @return a path
     */
    public String requestResetPath() {
        return paths.requestReset();
    }

    LinkPaths paths() {
        return paths;
    }

    @Override
    public String toString() {
        return "AccountFlowSettings[baseUrl=" + baseUrl + ", from=" + from + ", enumerationProtection="
                + enumerationProtection + ", resendCooldown=" + resendCooldown + ", paths=" + paths + "]";
    }

    /** Collects the settings. Not thread-safe. */
    public static final class Builder {
        private final String baseUrl;
        private final MailAddress from;
        private @Nullable MailTemplates templates;
        private @Nullable String siteName;
        private String verifyEmailPath = DEFAULT_VERIFY_EMAIL_PATH;
        private String resetPasswordPath = DEFAULT_RESET_PASSWORD_PATH;
        private String confirmEmailChangePath = DEFAULT_CONFIRM_EMAIL_CHANGE_PATH;
        private String loginPath = DEFAULT_LOGIN_PATH;
        private String requestResetPath = DEFAULT_REQUEST_RESET_PATH;
        private boolean enumerationProtection = true;
        private Duration resendCooldown = DEFAULT_RESEND_COOLDOWN;

        private Builder(String baseUrl, MailAddress from) {
            this.baseUrl = baseUrl;
            this.from = from;
        }

        /**
         * Sets the mail templates, replacing {@link MailTemplates#defaults(String)}.
         *
         * @param value the templates
         * @return this builder
         */
        public Builder templates(MailTemplates value) {
            templates = Objects.requireNonNull(value, "templates");
            return this;
        }

        /**
         * Sets the name users know the site by, for the default templates' subjects and signatures. Without it,
         * the sender's display name is used, or else the base URL's host. Ignored when
         * {@link #templates(MailTemplates) templates} are set.
         *
         * @param value one line, at most 100 characters, e.g. {@code "Example Shop"}
         * @return this builder
         */
        public Builder siteName(String value) {
            siteName = Objects.requireNonNull(value, "siteName");
            return this;
        }

        private String siteName() {
            if (siteName != null) {
                return siteName;
            }
            if (from.hasDisplayName()) {
                return from.displayName();
            }
            String host = baseUrl.substring(baseUrl.indexOf("://") + 3);
            int end = host.indexOf('/');
            return end < 0 ? host : host.substring(0, end);
        }

        /**
         * Sets whether answers hide which addresses have accounts (on by default). Off, sign-up reports a
         * taken email as a field error and resend-verification says "not registered" or "already verified";
         * the password reset request answers alike either way.
         *
         * @param value true to hide
         * @return this builder
         */
        public Builder enumerationProtection(boolean value) {
            enumerationProtection = value;
            return this;
        }

        /**
         * Sets the shortest time between two mails of one kind to one address (3 minutes by default).
         *
         * @param value a positive duration
         * @return this builder
         * @throws IllegalArgumentException naming {@code resendCooldown} when it is not positive
         */
        public Builder resendCooldown(Duration value) {
            Objects.requireNonNull(value, "resendCooldown");
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("resendCooldown must be positive, was " + value + ".");
            }
            resendCooldown = value;
            return this;
        }

        /**
         * Sets the path of the verification page (default {@value AccountFlowSettings#DEFAULT_VERIFY_EMAIL_PATH}).
         *
         * @param value a path starting with one {@code /}, holding {@code {uid}} and {@code {token}} once each
         * @return this builder
         * @throws IllegalArgumentException naming {@code verifyEmailPath} when it breaks a rule
         */
        public Builder verifyEmailPath(String value) {
            verifyEmailPath = LinkPaths.checkTokenPath(value, "verifyEmailPath");
            return this;
        }

        /**
         * Sets the path of the new-password page of a reset link (default
         * {@value AccountFlowSettings#DEFAULT_RESET_PASSWORD_PATH}).
         *
         * @param value a path starting with one {@code /}, holding {@code {uid}} and {@code {token}} once each
         * @return this builder
         * @throws IllegalArgumentException naming {@code resetPasswordPath} when it breaks a rule
         */
        public Builder resetPasswordPath(String value) {
            resetPasswordPath = LinkPaths.checkTokenPath(value, "resetPasswordPath");
            return this;
        }

        /**
         * Sets the path of the email-change confirmation page (default
         * {@value AccountFlowSettings#DEFAULT_CONFIRM_EMAIL_CHANGE_PATH}).
         *
         * @param value a path starting with one {@code /}, holding {@code {uid}} and {@code {token}} once each
         * @return this builder
         * @throws IllegalArgumentException naming {@code confirmEmailChangePath} when it breaks a rule
         */
        public Builder confirmEmailChangePath(String value) {
            confirmEmailChangePath = LinkPaths.checkTokenPath(value, "confirmEmailChangePath");
            return this;
        }

        /**
         * Sets the path of the login page (default {@value AccountFlowSettings#DEFAULT_LOGIN_PATH}).
         *
         * @param value a path starting with one {@code /}
         * @return this builder
         * @throws IllegalArgumentException naming {@code loginPath} when it breaks a rule
         */
        public Builder loginPath(String value) {
            loginPath = LinkPaths.checkPlainPath(value, "loginPath");
            return this;
        }

        /**
         * Sets the path of the page that asks for a reset mail (default {@value AccountFlowSettings#DEFAULT_REQUEST_RESET_PATH}).
         *
         * @param value a path starting with one {@code /}
         * @return this builder
         * @throws IllegalArgumentException naming {@code requestResetPath} when it breaks a rule
         */
        public Builder requestResetPath(String value) {
            requestResetPath = LinkPaths.checkPlainPath(value, "requestResetPath");
            return this;
        }

        /**
         * Builds the settings.
         *
         * @return the settings
         * @throws io.gatehouse.InvalidInputException naming {@code siteName} when the default templates are used
         *     and the site name is blank, longer than 100 characters or not one line
         */
        public AccountFlowSettings build() {
            return new AccountFlowSettings(this);
        }
    }
}
