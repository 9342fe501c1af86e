package io.gatehouse.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The README section "Sending mail over SMTP", compiled and checked: its code and its properties. */
class SmtpReadmeTest {
    private static Properties load(String text) throws Exception {
        Properties p = new Properties();
        p.load(new StringReader(text));
        return p;
    }

    @Test
    void gmailFromCode() {
        String appPassword = "abcdefghijklmnop";
        // README: begin
        SmtpSettings gmail = SmtpSettings.builder()
                .preset(SmtpPreset.gmail())
                .username("you@gmail.com")
                .password(appPassword)
                .defaultFrom("Gatehouse <you@gmail.com>")
                .build();
        SmtpMailer mailer = SmtpMailer.create(gmail);
        // README: end
        assertThat(mailer.settings().endpoint()).isEqualTo("smtp.gmail.com:587");
        assertThat(mailer.settings().security()).isEqualTo(SmtpSecurity.STARTTLS);
    }

    @Test
    void naverAndSesFromCode() {
        String naverAppPassword = "n-secret";
        String sesSmtpPassword = "s-secret";
        // README: begin
        SmtpSettings naver = SmtpSettings.builder()
                .preset(SmtpPreset.naver())
                .username("yourid")
                .password(naverAppPassword)
                .defaultFrom("Gatehouse <yourid@naver.com>")
                .build();
        SmtpSettings ses = SmtpSettings.builder()
                .preset(SmtpPreset.amazonSes("ap-northeast-2"))
                .username("AKIAIOSFODNN7EXAMPLE")
                .password(sesSmtpPassword)
                .defaultFrom("Gatehouse <no-reply@example.com>")
                .build();
        // README: end
        assertThat(naver.endpoint()).isEqualTo("smtp.naver.com:465");
        assertThat(naver.security()).isEqualTo(SmtpSecurity.SSL);
        assertThat(ses.endpoint()).isEqualTo("email-smtp.ap-northeast-2.amazonaws.com:587");
    }

    @Test
    void settingsFromPropertiesAndTheTestMail() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer()) {
            Properties properties = load("gatehouse.smtp.host=127.0.0.1\ngatehouse.smtp.port=" + server.port()
                    + "\ngatehouse.smtp.security=none\ngatehouse.smtp.from=Gatehouse <no-reply@example.com>\n");
            // README: begin
            SmtpMailer fromProperties = SmtpMailer.create(SmtpSettings.fromProperties(properties));
            SmtpTestResult check = fromProperties.sendTestMail("you@example.com");
            System.out.println(check.ok() + " " + check.summary());
            // README: end
            assertThat(check.ok()).isTrue();
            assertThat(check.summary()).contains("accepted the test mail", "250 2.0.0 Ok");
        }
    }

    @Test
    void presetsFromProperties() throws Exception {
        SmtpSettings gmail = SmtpSettings.fromProperties(load("""
                gatehouse.smtp.preset=gmail
                gatehouse.smtp.username=you@gmail.com
                gatehouse.smtp.password=abcdefghijklmnop
                gatehouse.smtp.from=Gatehouse <you@gmail.com>
                """));
        SmtpSettings naver = SmtpSettings.fromProperties(load("""
                gatehouse.smtp.preset=naver
                gatehouse.smtp.username=yourid
                gatehouse.smtp.password=your-app-password
                gatehouse.smtp.from=Gatehouse <yourid@naver.com>
                """));
        SmtpSettings ses = SmtpSettings.fromProperties(load("""
                gatehouse.smtp.preset=ses
                gatehouse.smtp.ses.region=ap-northeast-2
                gatehouse.smtp.username=AKIAIOSFODNN7EXAMPLE
                gatehouse.smtp.password=your-ses-smtp-password
                gatehouse.smtp.from=Gatehouse <no-reply@example.com>
                """));
        SmtpSettings own = SmtpSettings.fromProperties(load("""
                gatehouse.smtp.host=mail.example.com
                gatehouse.smtp.port=587
                gatehouse.smtp.security=starttls
                gatehouse.smtp.username=gatehouse
                gatehouse.smtp.password=secret
                gatehouse.smtp.from=Gatehouse <no-reply@example.com>
                gatehouse.smtp.timeout.connect=10s
                gatehouse.smtp.timeout.read=30s
                gatehouse.smtp.timeout.write=30s
                """));

        assertThat(gmail.endpoint()).isEqualTo("smtp.gmail.com:587");
        assertThat(naver.endpoint()).isEqualTo("smtp.naver.com:465");
        assertThat(ses.endpoint()).isEqualTo("email-smtp.ap-northeast-2.amazonaws.com:587");
        assertThat(own.endpoint()).isEqualTo("mail.example.com:587");
    }
}
