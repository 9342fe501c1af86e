package io.gatehouse.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.testing.ReadmeBlocks;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The README section "Sending mail over SMTP", compiled and checked: each region between the markers is a Java
 * block of the README, character for character, and every properties block of the README makes valid settings.
 */
class SmtpReadmeTest {
    private static Properties load(String text) throws IOException {
        Properties p = new Properties();
        p.load(new StringReader(text));
        return p;
    }

    @Test
    void theReadmeShowsExactlyTheseExamples() {
        assertThat(ReadmeBlocks.assertReadmeShows(Path.of("src/test/java/io/gatehouse/smtp/SmtpReadmeTest.java")))
                .isEqualTo(2);
    }

    @Test
    void gmailFromCode() {
        String appPassword = "abcdefghijklmnop";
        // README:start
        SmtpSettings gmail = SmtpSettings.builder()
                .preset(SmtpPreset.gmail())          // smtp.gmail.com:587, STARTTLS
                .username("you@gmail.com")
                .password(appPassword)
                .defaultFrom("Gatehouse <you@gmail.com>")
                .build();
        SmtpMailer mailer = SmtpMailer.create(gmail);
        // README:end
        assertThat(mailer.settings().endpoint()).isEqualTo("smtp.gmail.com:587");
        assertThat(mailer.settings().security()).isEqualTo(SmtpSecurity.STARTTLS);
    }

    @Test
    void settingsFromPropertiesAndTheTestMail() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer()) {
            Properties properties = load("gatehouse.smtp.host=127.0.0.1\ngatehouse.smtp.port=" + server.port()
                    + "\ngatehouse.smtp.security=none\ngatehouse.smtp.from=Gatehouse <no-reply@example.com>\n");
            // README:start
            SmtpMailer fromProperties = SmtpMailer.create(SmtpSettings.fromProperties(properties));
            SmtpTestResult check = fromProperties.sendTestMail("you@example.com");
            System.out.println(check.ok() + " " + check.summary());
            // README:end
            assertThat(check.ok()).isTrue();
            assertThat(check.summary()).contains("accepted the test mail", "250 2.0.0 Ok");
        }
    }

    @Test
    void everyPropertiesBlockOfTheReadmeMakesTheSettingsItPromises() throws Exception {
        List<String> blocks = ReadmeBlocks.readmeBlocks("properties").stream()
                .filter(block -> block.contains("gatehouse.smtp.")).toList();
        assertThat(blocks).hasSize(2);

        SmtpSettings ses = SmtpSettings.fromProperties(load(blocks.get(0)));
        SmtpSettings own = SmtpSettings.fromProperties(load(blocks.get(1)));

        assertThat(ses.endpoint()).isEqualTo("email-smtp.ap-northeast-2.amazonaws.com:587");
        assertThat(ses.security()).isEqualTo(SmtpSecurity.STARTTLS);
        assertThat(own.endpoint()).isEqualTo("mail.example.com:587");
        assertThat(own.security()).isEqualTo(SmtpSecurity.STARTTLS);
    }

    @Test
    void theOtherPresetsFromCodeAndFromProperties() throws Exception {
        SmtpSettings naver = SmtpSettings.builder()
                .preset(SmtpPreset.naver())
                .username("yourid")
                .password("n-secret")
                .defaultFrom("Gatehouse <yourid@naver.com>")
                .build();
        SmtpSettings gmail = SmtpSettings.fromProperties(load("""
                gatehouse.smtp.preset=gmail
                gatehouse.smtp.username=you@gmail.com
                gatehouse.smtp.password=abcdefghijklmnop
                """));
        SmtpSettings fromEnvironment = SmtpSettings.fromEnvironment(Map.of("GATEHOUSE_SMTP_PRESET", "naver",
                "GATEHOUSE_SMTP_USERNAME", "yourid", "GATEHOUSE_SMTP_PASSWORD", "n-secret", "PATH", "/usr/bin"));

        assertThat(fromEnvironment.endpoint()).isEqualTo("smtp.naver.com:465");
        assertThat(naver.endpoint()).isEqualTo("smtp.naver.com:465");
        assertThat(naver.security()).isEqualTo(SmtpSecurity.SSL);
        assertThat(gmail.endpoint()).isEqualTo("smtp.gmail.com:587");
        assertThat(SmtpPreset.amazonSes("ap-northeast-2").host()).isEqualTo("email-smtp.ap-northeast-2.amazonaws.com");
    }
}
