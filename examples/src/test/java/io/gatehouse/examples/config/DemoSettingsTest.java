package io.gatehouse.examples.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.InvalidInputException;
import io.gatehouse.smtp.SmtpSecurity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoSettingsTest {
    @TempDir
    Path dir;

    private DemoSettings settings(Map<String, String> env, String... props) {
        Properties p = new Properties();
        p.setProperty("gatehouse.data.dir", dir.toString());
        for (int i = 0; i < props.length; i += 2) {
            p.setProperty(props[i], props[i + 1]);
        }
        return DemoSettings.from(p, env);
    }

    @Test
    void defaultsNeedNoSetup() {
        DemoSettings s = settings(Map.of());

        assertThat(s.databaseUrl()).isEqualTo("jdbc:h2:file:" + dir.resolve("gatehouse") + ";AUTO_SERVER=TRUE");
        assertThat(s.databaseUser()).isEqualTo("sa");
        assertThat(s.httpPort()).isEqualTo(8080);
        assertThat(s.baseUrl()).isEqualTo("http://localhost:8080");
        assertThat(s.usesExternalSmtp()).isFalse();
        assertThat(s.smtp().host()).isEqualTo("127.0.0.1");
        assertThat(s.smtp().port()).isEqualTo(2525);
        assertThat(s.smtp().security()).isEqualTo(SmtpSecurity.NONE);
    }

    @Test
    void propertiesWinOverTheEnvironment() {
        DemoSettings s = settings(Map.of("GATEHOUSE_HTTP_PORT", "9090", "GATEHOUSE_BASE_URL", "https://env.example"),
                "gatehouse.http.port", "9191");

        assertThat(s.httpPort()).isEqualTo(9191);
        assertThat(s.baseUrl()).isEqualTo("https://env.example");
        assertThat(s.with("gatehouse.http.port", "7070").httpPort()).isEqualTo(7070);
    }

    @Test
    void anSmtpSettingSwitchesToTheExternalServer() {
        DemoSettings s = settings(Map.of("GATEHOUSE_SMTP_PRESET", "naver", "GATEHOUSE_SMTP_USERNAME", "me@naver.com",
                "GATEHOUSE_SMTP_PASSWORD", "app-password"));

        assertThat(s.usesExternalSmtp()).isTrue();
        assertThat(s.smtp().host()).isEqualTo("smtp.naver.com");
        assertThat(s.smtp().security()).isEqualTo(SmtpSecurity.SSL);
        assertThat(s.toString()).doesNotContain("app-password");
    }

    @Test
    void smtpVariablesWithUnderscoresInTheirNamesAreUnderstood() {
        DemoSettings s = settings(Map.of("GATEHOUSE_SMTP_HOST", "mail.example.com",
                "GATEHOUSE_SMTP_CHECK_SERVER_IDENTITY", "false", "GATEHOUSE_SMTP_FROM", "Demo <demo@example.com>"));

        assertThat(s.smtp().host()).isEqualTo("mail.example.com");
        assertThat(s.smtp().checkServerIdentity()).isFalse();
    }

    @Test
    void smtpPropertiesWinOverSmtpVariables() {
        DemoSettings s = settings(Map.of("GATEHOUSE_SMTP_HOST", "env.example.com"),
                "gatehouse.smtp.host", "props.example.com");

        assertThat(s.smtp().host()).isEqualTo("props.example.com");
    }

    @Test
    void badValuesNameTheSetting() {
        assertThatThrownBy(() -> settings(Map.of(), "gatehouse.http.port", "eighty").httpPort())
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("gatehouse.http.port"));
        assertThatThrownBy(() -> settings(Map.of(), "gatehouse.base.url", "ftp://example.com").baseUrl())
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("gatehouse.base.url"));
        assertThatThrownBy(() -> settings(Map.of(), "gatehouse.secret.key", "c2hvcnQ=").secretKey(new SecureRandom()))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("gatehouse.secret.key"));
    }

    @Test
    void theSecretKeyIsCreatedOnceReadableByItsOwnerOnlyAndReused() throws Exception {
        DemoSettings s = settings(Map.of());
        var first = s.secretKey(new SecureRandom());
        Path file = dir.resolve("secret.key");

        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        String stored = Files.readString(file);
        var second = s.secretKey(new SecureRandom());
        byte[] signed = first.sign("test", "message".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(Files.readString(file)).isEqualTo(stored);
        assertThat(second.verify("test", "message".getBytes(java.nio.charset.StandardCharsets.UTF_8), signed)).isTrue();
        assertThat(s.toString()).doesNotContain(stored.strip());
    }
}
