package io.gatehouse.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.InvalidInputException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SmtpSettingsTest {
    private static final String SECRET = "Pw-settings-9f3a-secret";

    private static Path trustStoreFile() throws Exception {
        return Path.of(SmtpSettingsTest.class.getResource("/tls/localhost.p12").toURI());
    }

    private static Map<String, String> map(String... keyValues) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put(keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    @Test
    void builderWithOnlyAHostDefaultsToRequiredStartTlsOnPort587WithFiniteTimeouts() {
        SmtpSettings s = SmtpSettings.builder().host("mail.example.com").build();

        assertThat(s.host()).isEqualTo("mail.example.com");
        assertThat(s.security()).isEqualTo(SmtpSecurity.STARTTLS);
        assertThat(s.port()).isEqualTo(587);
        assertThat(s.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.readTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.writeTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.checkServerIdentity()).isTrue();
        assertThat(s.hasCustomTrust()).isFalse();
        assertThat(s.username()).isEmpty();
        assertThat(s.hasPassword()).isFalse();
        assertThat(s.defaultFrom()).isEmpty();
        assertThat(s.presetName()).isEmpty();
    }

    @Test
    void eachSecurityHasItsDefaultPort() {
        assertThat(SmtpSettings.builder().host("h").security(SmtpSecurity.NONE).build().port()).isEqualTo(25);
        assertThat(SmtpSettings.builder().host("h").security(SmtpSecurity.SSL).build().port()).isEqualTo(465);
        assertThat(SmtpSettings.builder().host("h").security(SmtpSecurity.SSL).port(2465).build().port()).isEqualTo(2465);
    }

    @Test
    void presetsGiveTheProvidersHostPortAndSecurity() {
        assertThat(SmtpPreset.gmail()).isEqualTo(new SmtpPreset("gmail", "smtp.gmail.com", 587, SmtpSecurity.STARTTLS));
        assertThat(SmtpPreset.naver()).isEqualTo(new SmtpPreset("naver", "smtp.naver.com", 465, SmtpSecurity.SSL));
        assertThat(SmtpPreset.amazonSes("ap-northeast-2")).isEqualTo(
                new SmtpPreset("ses", "email-smtp.ap-northeast-2.amazonaws.com", 587, SmtpSecurity.STARTTLS));
        assertThat(SmtpPreset.amazonSes("us-gov-west-1").host()).isEqualTo("email-smtp.us-gov-west-1.amazonaws.com");

        SmtpSettings naver = SmtpSettings.builder().preset(SmtpPreset.naver()).username("minsu").password(SECRET).build();
        assertThat(naver.endpoint()).isEqualTo("smtp.naver.com:465");
        assertThat(naver.security()).isEqualTo(SmtpSecurity.SSL);
        assertThat(naver.presetName()).contains("naver");
    }

    @ParameterizedTest
    @CsvSource({"us east 1", "useast1", "us-east-1;rm", "email-smtp.us-east-1", "''", "us-east-"})
    void anAmazonSesRegionThatIsNotARegionIsRefusedNamingTheRegion(String region) {
        assertThatThrownBy(() -> SmtpPreset.amazonSes(region))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("region"))
                .hasMessageContaining("us-east-1");
    }

    @Test
    void explicitHostPortOrSecurityWinOverThePresetWhateverTheOrder() {
        SmtpSettings s = SmtpSettings.builder().host("relay.example.com").preset(SmtpPreset.gmail()).build();
        assertThat(s.endpoint()).isEqualTo("relay.example.com:587");

        SmtpSettings ssl = SmtpSettings.builder().security(SmtpSecurity.SSL).preset(SmtpPreset.gmail()).build();
        assertThat(ssl.endpoint()).isEqualTo("smtp.gmail.com:465");
    }

    @Test
    void propertiesSetEveryKey() throws Exception {
        Properties p = new Properties();
        p.setProperty("gatehouse.smtp.host", "mail.example.com");
        p.setProperty("gatehouse.smtp.port", "2525");
        p.setProperty("gatehouse.smtp.security", "ssl");
        p.setProperty("gatehouse.smtp.username", "gatehouse");
        p.setProperty("gatehouse.smtp.password", SECRET);
        p.setProperty("gatehouse.smtp.from", "Gatehouse <no-reply@example.com>");
        p.setProperty("gatehouse.smtp.timeout.connect", "500ms");
        p.setProperty("gatehouse.smtp.timeout.read", "45s");
        p.setProperty("gatehouse.smtp.timeout.write", "PT2M");
        p.setProperty("gatehouse.smtp.check-server-identity", "false");
        p.setProperty("gatehouse.smtp.truststore", trustStoreFile().toString());
        p.setProperty("gatehouse.smtp.truststore.password", "changeit");
        p.setProperty("gatehouse.jdbc.url", "jdbc:h2:mem:ignored");

        SmtpSettings s = SmtpSettings.fromProperties(p);

        assertThat(s.endpoint()).isEqualTo("mail.example.com:2525");
        assertThat(s.security()).isEqualTo(SmtpSecurity.SSL);
        assertThat(s.username()).contains("gatehouse");
        assertThat(s.hasPassword()).isTrue();
        assertThat(s.defaultFrom().orElseThrow().displayName()).isEqualTo("Gatehouse");
        assertThat(s.connectTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(s.readTimeout()).isEqualTo(Duration.ofSeconds(45));
        assertThat(s.writeTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(s.checkServerIdentity()).isFalse();
        assertThat(s.hasCustomTrust()).isTrue();
    }

    @Test
    void propertiesWithAPresetAndItsRegion() {
        SmtpSettings ses = SmtpSettings.fromMap(map("gatehouse.smtp.preset", "ses", "gatehouse.smtp.ses.region",
                "eu-west-1", "gatehouse.smtp.username", "AKIAEXAMPLE", "gatehouse.smtp.password", SECRET));
        assertThat(ses.endpoint()).isEqualTo("email-smtp.eu-west-1.amazonaws.com:587");
        assertThat(ses.security()).isEqualTo(SmtpSecurity.STARTTLS);

        SmtpSettings gmail = SmtpSettings.fromMap(map("gatehouse.smtp.preset", "Gmail"));
        assertThat(gmail.endpoint()).isEqualTo("smtp.gmail.com:587");
        assertThat(SmtpSettings.fromMap(map("gatehouse.smtp.preset", "naver")).endpoint()).isEqualTo("smtp.naver.com:465");
    }

    @Test
    void environmentSetsEveryKeyAndIgnoresOtherVariables() throws Exception {
        Map<String, String> env = map(
                "GATEHOUSE_SMTP_PRESET", "ses", "GATEHOUSE_SMTP_SES_REGION", "ap-northeast-2",
                "GATEHOUSE_SMTP_PORT", "2587", "GATEHOUSE_SMTP_SECURITY", "STARTTLS",
                "GATEHOUSE_SMTP_USERNAME", "ses-user", "GATEHOUSE_SMTP_PASSWORD", SECRET,
                "GATEHOUSE_SMTP_FROM", "no-reply@example.kr", "GATEHOUSE_SMTP_TIMEOUT_CONNECT", "3s",
                "GATEHOUSE_SMTP_TIMEOUT_READ", "1m", "GATEHOUSE_SMTP_TIMEOUT_WRITE", "20 s",
                "GATEHOUSE_SMTP_CHECK_SERVER_IDENTITY", "true",
                "GATEHOUSE_SMTP_TRUSTSTORE", trustStoreFile().toString(),
                "GATEHOUSE_SMTP_TRUSTSTORE_PASSWORD", "changeit",
                "PATH", "/usr/bin", "HOME", "/root");

        SmtpSettings s = SmtpSettings.fromEnvironment(env);

        assertThat(s.endpoint()).isEqualTo("email-smtp.ap-northeast-2.amazonaws.com:2587");
        assertThat(s.username()).contains("ses-user");
        assertThat(s.defaultFrom().orElseThrow().address()).isEqualTo("no-reply@example.kr");
        assertThat(s.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(s.readTimeout()).isEqualTo(Duration.ofMinutes(1));
        assertThat(s.writeTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(s.checkServerIdentity()).isTrue();
        assertThat(s.hasCustomTrust()).isTrue();
        assertThat(s.presetName()).contains("ses");
    }

    @Test
    void blankValuesCountAsAbsent() {
        SmtpSettings s = SmtpSettings.fromMap(map("gatehouse.smtp.host", "mail.example.com",
                "gatehouse.smtp.username", " ", "gatehouse.smtp.password", "", "gatehouse.smtp.port", ""));

        assertThat(s.username()).isEmpty();
        assertThat(s.hasPassword()).isFalse();
        assertThat(s.port()).isEqualTo(587);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "gatehouse.smtp.port|abc|gatehouse.smtp.port",
        "gatehouse.smtp.port|70000|gatehouse.smtp.port",
        "gatehouse.smtp.port|0|gatehouse.smtp.port",
        "gatehouse.smtp.security|tls|gatehouse.smtp.security",
        "gatehouse.smtp.host|mail example.com|gatehouse.smtp.host",
        "gatehouse.smtp.timeout.connect|10|gatehouse.smtp.timeout.connect",
        "gatehouse.smtp.timeout.read|0s|gatehouse.smtp.timeout.read",
        "gatehouse.smtp.timeout.write|11m|gatehouse.smtp.timeout.write",
        "gatehouse.smtp.timeout.read|ten seconds|gatehouse.smtp.timeout.read",
        "gatehouse.smtp.check-server-identity|yes|gatehouse.smtp.check-server-identity",
        "gatehouse.smtp.from|not a mailbox|gatehouse.smtp.from",
        "gatehouse.smtp.preset|outlook|gatehouse.smtp.preset",
        "gatehouse.smtp.passwd|x|gatehouse.smtp.passwd",
        "gatehouse.smtp.truststore|/no/such/file.p12|gatehouse.smtp.truststore",
        "gatehouse.smtp.ses.region|eu-west-1|gatehouse.smtp.ses.region",
        "gatehouse.smtp.truststore.password|changeit|gatehouse.smtp.truststore.password",
    })
    void aBadPropertyIsRefusedNamingItsKey(String key, String value, String field) {
        Map<String, String> m = map("gatehouse.smtp.host", "mail.example.com");
        m.put(key, value);

        assertThatThrownBy(() -> SmtpSettings.fromMap(m))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo(field))
                .hasMessageContaining(field);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "GATEHOUSE_SMTP_PORT|587x|GATEHOUSE_SMTP_PORT",
        "GATEHOUSE_SMTP_SECURITY|ssl3|GATEHOUSE_SMTP_SECURITY",
        "GATEHOUSE_SMTP_TIMEOUT_READ|-5s|GATEHOUSE_SMTP_TIMEOUT_READ",
        "GATEHOUSE_SMTP_USERNAME|only-a-user|GATEHOUSE_SMTP_PASSWORD",
        "GATEHOUSE_SMTP_PRESET|ses|GATEHOUSE_SMTP_SES_REGION",
        "GATEHOUSE_SMTP_HOSTNAME|mail.example.com|GATEHOUSE_SMTP_HOSTNAME",
    })
    void aBadVariableIsRefusedNamingTheVariable(String name, String value, String field) {
        Map<String, String> env = map("GATEHOUSE_SMTP_HOST", "mail.example.com");
        env.put(name, value);

        assertThatThrownBy(() -> SmtpSettings.fromEnvironment(env))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo(field))
                .hasMessageContaining(field);
    }

    @Test
    void aMissingHostIsNamedByTheKeyOfItsSource() {
        assertThatThrownBy(() -> SmtpSettings.fromMap(map()))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("gatehouse.smtp.host"))
                .hasMessageContaining("preset");
        assertThatThrownBy(() -> SmtpSettings.fromEnvironment(map("PATH", "/bin")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("GATEHOUSE_SMTP_HOST"));
        assertThatThrownBy(() -> SmtpSettings.builder().build())
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("host"));
    }

    @Test
    void aPasswordWithoutAUsernameIsRefusedNamingTheUsername() {
        assertThatThrownBy(() -> SmtpSettings.fromMap(map("gatehouse.smtp.host", "h", "gatehouse.smtp.password", SECRET)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("gatehouse.smtp.username"))
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void aPasswordWithALineBreakIsRefusedWithoutRepeatingIt() {
        assertThatThrownBy(() -> SmtpSettings.builder().host("h").username("u").password(SECRET + "\r\n").build())
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("password"))
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void aWrongTrustStorePasswordIsNamedWithoutRepeatingIt() throws Exception {
        Map<String, String> m = map("gatehouse.smtp.host", "h", "gatehouse.smtp.truststore", trustStoreFile().toString(),
                "gatehouse.smtp.truststore.password", SECRET);

        assertThatThrownBy(() -> SmtpSettings.fromMap(m))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("gatehouse.smtp.truststore"))
                .hasMessageContaining("gatehouse.smtp.truststore.password")
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void toStringShowsThatAPasswordIsSetButNeverThePassword() throws Exception {
        SmtpSettings s = SmtpSettings.fromMap(map("gatehouse.smtp.preset", "gmail", "gatehouse.smtp.username",
                "me@gmail.com", "gatehouse.smtp.password", SECRET, "gatehouse.smtp.truststore",
                trustStoreFile().toString(), "gatehouse.smtp.truststore.password", "changeit"));

        assertThat(s.toString()).contains("smtp.gmail.com:587", "STARTTLS", "me@gmail.com", "password=(set)",
                "preset=gmail", "customTrust=true").doesNotContain(SECRET).doesNotContain("changeit");
        assertThat(SmtpMailer.create(s).toString()).doesNotContain(SECRET);
        assertThat(SmtpSettings.builder().host("h").build().toString()).contains("password=(none)");
    }
}
