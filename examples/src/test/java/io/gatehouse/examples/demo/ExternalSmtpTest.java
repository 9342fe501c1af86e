package io.gatehouse.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With SMTP settings the demo sends to that server and has no inbox of its own: a settings change, no code. */
class ExternalSmtpTest {
    @TempDir
    Path dataDir;
    GreenMail provider;

    @BeforeEach
    void startProvider() {
        provider = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        provider.start();
    }

    @AfterEach
    void stopProvider() {
        provider.stop();
    }

    @Test
    void signUpMailGoesToTheConfiguredServerAndTheInboxIsGone() throws Exception {
        try (DemoApp demo = DemoApp.start(RunningDemo.settings(dataDir)
                .with("gatehouse.smtp.host", "127.0.0.1")
                .with("gatehouse.smtp.port", Integer.toString(provider.getSmtp().getPort()))
                .with("gatehouse.smtp.security", "none")
                .with("gatehouse.smtp.from", "Demo <demo@example.com>"), false)) {
            assertThat(demo.inboxPort()).isEmpty();
            DemoClient client = new DemoClient(demo.baseUrl());
            assertThat(client.get("/").body()).doesNotContain("nav-inbox");
            assertThat(client.get("/dev/inbox").statusCode()).isEqualTo(404);

            client.get("/signup");
            client.post("/signup", "username", "eunji", "email", "eunji@example.kr", "password", RunningDemo.PASSWORD);

            Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
            while (provider.getReceivedMessages().length == 0 && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
            }
            MimeMessage[] received = provider.getReceivedMessages();
            assertThat(received).hasSize(1);
            assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("eunji@example.kr");
            assertThat(received[0].getFrom()[0].toString()).contains("demo@example.com");
        }
    }
}
