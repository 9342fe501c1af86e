package io.gatehouse.mail.template;

import io.gatehouse.user.User;
import io.gatehouse.user.UserBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Users, the six rendered mails, and HTML inspection for the template tests. */
final class MailFixtures {
    static final String HASH = "pbkdf2_sha256$870000$SaltSaltSalt$HashMarkerDoNotLeakXyZ0123456789abcdefghijk=";
    static final String NEW_EMAIL = "minsu.new@example.kr";
    private static final Pattern HREF = Pattern.compile("href=\"([^\"]*)\"");
    private static final Pattern TAG = Pattern.compile("<([a-zA-Z][a-zA-Z0-9]*)([^>]*)>");

    private MailFixtures() {
    }

    static User user(Locale locale) {
        return UserBuilder.create("minsu", "minsu@example.kr", HASH, Instant.parse("2026-01-01T00:00:00Z"))
                .firstName("Minsu").lastName("Kim").locale(locale).build().withId(42);
    }

    /** The six mails, named by method; every link parameter gets {@code link} with a distinct suffix. */
    static Map<String, MailContent> all(MailTemplates templates, User user, String link) {
        Map<String, MailContent> mails = new LinkedHashMap<>();
        mails.put("verifyEmail", templates.verifyEmail(user, link));
        mails.put("accountExists", templates.accountExists(user, link, link + "&reset"));
        mails.put("resetPassword", templates.resetPassword(user, link));
        mails.put("passwordChanged", templates.passwordChanged(user));
        mails.put("confirmEmailChange", templates.confirmEmailChange(user, NEW_EMAIL, link));
        mails.put("emailChanged", templates.emailChanged(user, NEW_EMAIL));
        return mails;
    }

    /** The links each mail is given. */
    static List<String> linksOf(String mail, String link) {
        return switch (mail) {
            case "verifyEmail", "resetPassword", "confirmEmailChange" -> List.of(link);
            case "accountExists" -> List.of(link, link + "&reset");
            default -> List.of();
        };
    }

    /** Every href in the HTML, with the five entities the templates write turned back into characters. */
    static List<String> hrefs(String html) {
        List<String> out = new ArrayList<>();
        Matcher m = HREF.matcher(html);
        while (m.find()) {
            out.add(unescape(m.group(1)));
        }
        return out;
    }

    static String unescape(String escaped) {
        return escaped.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }

    /** Every start tag: name and the text of its attributes. */
    static List<String[]> startTags(String html) {
        List<String[]> out = new ArrayList<>();
        Matcher m = TAG.matcher(html);
        while (m.find()) {
            out.add(new String[] {m.group(1).toLowerCase(Locale.ROOT), m.group(2)});
        }
        return out;
    }
}
