package io.gatehouse.mail.template;

import static io.gatehouse.mail.template.MailFixtures.HASH;
import static io.gatehouse.mail.template.MailFixtures.NEW_EMAIL;
import static io.gatehouse.mail.template.MailFixtures.all;
import static io.gatehouse.mail.template.MailFixtures.hrefs;
import static io.gatehouse.mail.template.MailFixtures.linksOf;
import static io.gatehouse.mail.template.MailFixtures.startTags;
import static io.gatehouse.mail.template.MailFixtures.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.InvalidInputException;
import io.gatehouse.mail.EmailMessage;
import io.gatehouse.token.TokenPurpose;
import io.gatehouse.user.User;
import io.gatehouse.user.UserBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DefaultMailTemplatesTest {
    private static final String LINK = "https://shop.example.com/accounts/verify/42/c7x9qk-AbCdEfGh_ij?next=%2F&x=1";
    private static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.KOREAN);

    private final MailTemplates templates = MailTemplates.defaults("Example Shop");

    @Test
    void everyMailInBothLanguagesCarriesEachLinkExactlyAsGivenInTextAndHref() {
        for (Locale locale : LANGUAGES) {
            all(templates, user(locale), LINK).forEach((name, mail) -> {
                List<String> links = linksOf(name, LINK);
                for (String link : links) {
                    assertThat(mail.text()).as(name + " " + locale).contains("\n" + link + "\n");
                }
                // Each link twice: the button and the same link shown as text.
                List<String> hrefs = hrefs(mail.html());
                assertThat(hrefs).as(name + " " + locale).hasSize(2 * links.size());
                assertThat(Set.copyOf(hrefs)).as(name + " " + locale).isEqualTo(Set.copyOf(links));
            });
        }
    }

    @Test
    void everyMailHasTextAndHtmlAndGreetsTheUserByUsername() {
        all(templates, user(Locale.ENGLISH), LINK).forEach((name, mail) -> {
            assertThat(mail.htmlBody()).as(name).isPresent();
            assertThat(mail.text()).as(name).startsWith("Hello minsu,\n\n").endsWith("-- \nThe Example Shop team\n");
            assertThat(mail.html()).as(name).contains("Hello minsu,", "Example Shop");
            assertThat(mail.subject()).as(name).startsWith("[Example Shop] ");
        });
        all(templates, user(Locale.KOREAN), LINK).forEach((name, mail) -> {
            assertThat(mail.text()).as(name).startsWith("minsu님, 안녕하세요.\n\n").endsWith("-- \nExample Shop 드림\n");
            assertThat(mail.subject()).as(name).startsWith("[Example Shop] ");
        });
    }

    @Test
    void koreanMailsAreWrittenInNaturalKoreanAndSurviveTheMessageRules() {
        User minsu = user(Locale.forLanguageTag("ko-KR"));
        MailContent verify = templates.verifyEmail(minsu, LINK);

        assertThat(verify.subject()).isEqualTo("[Example Shop] 이메일 주소를 확인해 주세요");
        assertThat(verify.text()).contains("Example Shop에 가입해 주셔서 감사합니다.", "이 링크는 3일 동안 유효합니다.",
                "가입하신 적이 없다면 이 메일을 무시하셔도 됩니다.");
        assertThat(verify.html()).contains("<html lang=\"ko\">", "이메일 주소 확인하기",
                "버튼이 동작하지 않으면 아래 링크를 복사해 브라우저 주소창에 붙여 넣어 주세요.");
        assertThat(templates.resetPassword(minsu, LINK).subject()).isEqualTo("[Example Shop] 비밀번호 재설정 안내");
        assertThat(templates.passwordChanged(minsu).text()).contains("비밀번호가 방금 변경되었습니다.");
        assertThat(templates.confirmEmailChange(minsu, NEW_EMAIL, LINK).text())
                .contains("새 이메일 주소: " + NEW_EMAIL, "이 링크는 24시간 동안 유효합니다.");
        // Every subject passes the header rules (no code point whose low byte is CR or LF, among others).
        for (Locale locale : LANGUAGES) {
            all(templates, user(locale), LINK).forEach((name, mail) -> {
                EmailMessage message = EmailMessage.builder().from("noreply@example.com").to("minsu@example.kr")
                        .subject(mail.subject()).text(mail.text()).html(mail.html()).build();
                assertThat(message.subject()).isEqualTo(mail.subject());
                assertThat(message.text()).isEqualTo(mail.text());
            });
        }
    }

    @Test
    void englishMailsStateTheDefaultLinkLifetimesOfTokenPurpose() {
        User alice = user(Locale.ENGLISH);

        assertThat(templates.verifyEmail(alice, LINK).text()).contains("The link is valid for 3 days.");
        assertThat(templates.resetPassword(alice, LINK).text()).contains("The link is valid for 3 days");
        assertThat(templates.confirmEmailChange(alice, NEW_EMAIL, LINK).text())
                .contains("The link is valid for 24 hours.");
    }

    @Test
    void linkLifetimesFollowThePurposesTheApplicationConfigured() {
        MailTemplates custom = MailTemplates.defaults("Example Shop",
                TokenPurpose.EMAIL_VERIFICATION.withTimeout(Duration.ofDays(7)),
                TokenPurpose.PASSWORD_RESET.withTimeout(Duration.ofHours(1)),
                TokenPurpose.EMAIL_CHANGE.withTimeout(Duration.ofMinutes(30)));

        assertThat(custom.verifyEmail(user(Locale.ENGLISH), LINK).text()).contains("valid for 7 days.");
        assertThat(custom.resetPassword(user(Locale.ENGLISH), LINK).text()).contains("valid for 1 hour and");
        assertThat(custom.confirmEmailChange(user(Locale.ENGLISH), NEW_EMAIL, LINK).text())
                .contains("valid for 30 minutes.");
        assertThat(custom.verifyEmail(user(Locale.KOREAN), LINK).text()).contains("이 링크는 7일 동안 유효합니다.");
        assertThat(custom.resetPassword(user(Locale.KOREAN), LINK).text()).contains("이 링크는 1시간 동안 유효하며");
        assertThat(custom.confirmEmailChange(user(Locale.KOREAN), NEW_EMAIL, LINK).text())
                .contains("이 링크는 30분 동안 유효합니다.");
    }

    @Test
    void durationsUseTheLargestExactUnit() {
        assertThat(EnglishWording.duration(Duration.ofSeconds(1))).isEqualTo("1 second");
        assertThat(EnglishWording.duration(Duration.ofSeconds(90))).isEqualTo("90 seconds");
        assertThat(EnglishWording.duration(Duration.ofMinutes(1))).isEqualTo("1 minute");
        assertThat(EnglishWording.duration(Duration.ofDays(1))).isEqualTo("24 hours");
        assertThat(EnglishWording.duration(Duration.ofHours(36))).isEqualTo("36 hours");
        assertThat(EnglishWording.duration(Duration.ofDays(2))).isEqualTo("2 days");
        assertThat(KoreanWording.duration(Duration.ofSeconds(45))).isEqualTo("45초");
        assertThat(KoreanWording.duration(Duration.ofDays(1))).isEqualTo("24시간");
        assertThat(KoreanWording.duration(Duration.ofDays(14))).isEqualTo("14일");
    }

    @Test
    void localesOtherThanKoreanFallBackToEnglish() {
        for (Locale locale : List.of(Locale.FRENCH, Locale.forLanguageTag("fr-CA"), Locale.ROOT, Locale.JAPANESE,
                Locale.US)) {
            MailContent mail = templates.verifyEmail(user(locale), LINK);
            assertThat(mail.subject()).as(locale.toString())
                    .isEqualTo("[Example Shop] Please confirm your email address");
            assertThat(mail.html()).as(locale.toString()).contains("<html lang=\"en\">");
        }
        for (Locale locale : List.of(Locale.KOREAN, Locale.KOREA, Locale.forLanguageTag("ko-KR"))) {
            assertThat(templates.verifyEmail(user(locale), LINK).subject()).as(locale.toString())
                    .isEqualTo("[Example Shop] 이메일 주소를 확인해 주세요");
        }
    }

    @Test
    void aLinkWithQuotesAndAngleBracketsCannotBreakOutOfTheHref() {
        String attack = "https://shop.example.com/v?t=\"><script>alert(1)</script><a href='x'>&amp;";
        for (Locale locale : LANGUAGES) {
            all(templates, user(locale), attack).forEach((name, mail) -> {
                String html = mail.html();
                assertThat(html).as(name).doesNotContain("<script", "\"><script", "href='x'");
                List<String> links = linksOf(name, attack);
                assertThat(Set.copyOf(hrefs(html))).as(name).isEqualTo(Set.copyOf(links));
                for (String link : links) {
                    assertThat(mail.text()).as(name).contains(link);
                    assertThat(html).as(name).contains(">" + Html.escape(link) + "</a>");
                }
            });
        }
    }

    @Test
    void namesAddressesAndTheSiteNameAreEscapedInHtmlAndPlainInText() {
        MailTemplates shop = MailTemplates.defaults("<b>Shop</b> & \"Co\" 'Ltd'");
        User mallory = UserBuilder.create("mallory", "o'brien&co@example.com", HASH, Instant.EPOCH)
                .firstName("<script>alert(1)</script>").lastName("\"><img src=x onerror=alert(1)>")
                .locale(Locale.ENGLISH).build().withId(7);
        String newEmail = "x'y&z@example.com";

        for (Locale locale : LANGUAGES) {
            User user = mallory.toBuilder().locale(locale).buildUser();
            Map<String, MailContent> mails = all(shop, user, LINK);
            mails.put("confirmEmailChange", shop.confirmEmailChange(user, newEmail, LINK));
            mails.put("emailChanged", shop.emailChanged(user, newEmail));
            mails.forEach((name, mail) -> {
                String html = mail.html();
                assertThat(html).as(name).doesNotContain("<script", "<img", "<b>", "onerror=alert(1)>", "\"Co\"",
                        "'Ltd'");
                assertThat(html).as(name).contains("&lt;b&gt;Shop&lt;/b&gt; &amp; &quot;Co&quot; &#39;Ltd&#39;");
                assertThat(mail.text()).as(name).contains("<b>Shop</b> & \"Co\" 'Ltd'");
                assertThat(mail.subject()).as(name).startsWith("[<b>Shop</b> & \"Co\" 'Ltd'] ");
            });
            assertThat(mails.get("emailChanged").html()).contains("x&#39;y&amp;z@example.com");
            assertThat(mails.get("emailChanged").text()).contains(newEmail);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"<script>", "a<b", "＜script＞", "a\"b", "a'b", "a&b"})
    void aUsernameCannotCarryMarkupInTheFirstPlace(String username) {
        assertThatThrownBy(() -> UserBuilder.create(username, "a@example.com", HASH, Instant.EPOCH))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("username");
    }

    @Test
    void htmlUsesInlineStylesOnlyWithoutStyleBlocksScriptsImagesOrExternalResources() {
        Set<String> styled = Set.of("body", "table", "td", "h1", "p", "a", "div", "span");
        for (Locale locale : LANGUAGES) {
            all(templates, user(locale), LINK).forEach((name, mail) -> {
                String html = mail.html().toLowerCase(Locale.ROOT);
                assertThat(html).as(name).doesNotContain("<style", "<script", "<link", "<img", "<font", "<center",
                        "class=", "bgcolor=", " align=", " color=", "src=", "url(", "@import", "javascript:");
                for (String[] tag : startTags(mail.html())) {
                    if (styled.contains(tag[0])) {
                        assertThat(tag[1]).as(name + " <" + tag[0] + ">").contains(" style=\"");
                    }
                }
                assertThat(startTags(mail.html())).extracting(t -> t[0])
                        .as(name).contains("table", "td", "h1", "p").isSubsetOf(
                                "html", "head", "meta", "title", "body", "table", "tr", "td", "h1", "p", "a", "br");
            });
        }
    }

    @Test
    void noMailEverContainsThePasswordHash() {
        for (Locale locale : LANGUAGES) {
            all(templates, user(locale), LINK).forEach((name, mail) -> {
                assertThat(mail.subject() + mail.text() + mail.html()).as(name)
                        .doesNotContain(HASH, "HashMarkerDoNotLeak", "SaltSaltSalt", "pbkdf2");
            });
        }
    }

    @Test
    void subjectsAreOneLine() {
        for (Locale locale : LANGUAGES) {
            all(templates, user(locale), LINK).forEach((name, mail) ->
                    assertThat(mail.subject()).as(name).doesNotContain("\r", "\n").hasSizeLessThan(200));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "Shop\r\nBcc: victim@example.com", "Shop\nX", "Shop\rX", "Shop\u0000",
            "Shop\u0085", "Shop\u2028", "Shop\u2029", "Shop\u010A", "Shop\u560D", "Shop\t"})
    void aSiteNameThatCouldBreakASubjectIsRefusedAtConstruction(String siteName) {
        assertThatThrownBy(() -> MailTemplates.defaults(siteName))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("siteName")
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("siteName"));
    }

    @Test
    void aSiteNameIsAtMostOneHundredCharacters() {
        assertThat(MailTemplates.defaults("가".repeat(100)).verifyEmail(user(Locale.KOREAN), LINK).subject())
                .startsWith("[" + "가".repeat(100) + "]");
        assertThatThrownBy(() -> MailTemplates.defaults("a".repeat(101)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("siteName").hasMessageContaining("100");
        assertThatThrownBy(() -> MailTemplates.defaults(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("siteName");
    }

    @Test
    void blankLinksAndLinksWithLineBreaksAreWiringMistakes() {
        User user = user(Locale.ENGLISH);

        assertThatThrownBy(() -> templates.verifyEmail(user, " ")).hasMessageContaining("link");
        assertThatThrownBy(() -> templates.resetPassword(user, "https://x.example/\r\nBcc: y"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("link");
        assertThatThrownBy(() -> templates.accountExists(user, LINK, ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("resetLink");
        assertThatThrownBy(() -> templates.confirmEmailChange(user, "not an address", LINK))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("newEmail");
        assertThatThrownBy(() -> templates.verifyEmail(null, LINK)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void anApplicationOverridesOneMailAndDelegatesTheRestToTheDefaults() {
        MailTemplates defaults = MailTemplates.defaults("Example Shop");
        MailTemplates mine = new MailTemplates() {
            @Override
            public MailContent verifyEmail(User user, String link) {
                return new MailContent("Welcome to Example Shop!", "Hi " + user.username()
                        + ", one click and you are in: " + link, null);
            }

            @Override
            public MailContent accountExists(User user, String loginLink, String resetLink) {
                return defaults.accountExists(user, loginLink, resetLink);
            }

            @Override
            public MailContent resetPassword(User user, String link) {
                return defaults.resetPassword(user, link);
            }

            @Override
            public MailContent passwordChanged(User user) {
                return defaults.passwordChanged(user);
            }

            @Override
            public MailContent confirmEmailChange(User user, String newEmail, String link) {
                return defaults.confirmEmailChange(user, newEmail, link);
            }

            @Override
            public MailContent emailChanged(User user, String newEmail) {
                return defaults.emailChanged(user, newEmail);
            }
        };
        User minsu = user(Locale.KOREAN);

        MailContent verify = mine.verifyEmail(minsu, LINK);
        assertThat(verify.subject()).isEqualTo("Welcome to Example Shop!");
        assertThat(verify.text()).isEqualTo("Hi minsu, one click and you are in: " + LINK);
        assertThat(verify.htmlBody()).isEmpty();
        assertThat(mine.resetPassword(minsu, LINK)).isEqualTo(defaults.resetPassword(minsu, LINK));
        assertThat(mine.emailChanged(minsu, NEW_EMAIL).subject()).isEqualTo("[Example Shop] 이메일 주소가 변경되었습니다");
    }

    @Test
    void toStringNamesTheSiteAndLifetimes() {
        assertThat(templates).hasToString(
                "MailTemplates.defaults[siteName=Example Shop, verification=PT72H, reset=PT72H, emailChange=PT24H]");
    }
}
