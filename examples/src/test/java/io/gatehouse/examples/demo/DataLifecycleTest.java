package io.gatehouse.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file database keeps data across restarts; {@code --reset} starts clean but keeps the secret key. */
class DataLifecycleTest {
    @TempDir
    Path dataDir;

    @Test
    void dataSurvivesARestartAndLoginStillWorks() {
        try (DemoApp first = RunningDemo.start(dataDir)) {
            first.gatehouse().accounts().createUser("seoyeon", "seoyeon@example.kr", RunningDemo.PASSWORD);
        }
        try (DemoApp second = RunningDemo.start(dataDir)) {
            assertThat(second.gatehouse().users().findByUsername("seoyeon")).isPresent();
            assertThat(new DemoClient(second.baseUrl()).login("seoyeon", RunningDemo.PASSWORD).body())
                    .contains("You are logged in.");
        }
    }

    @Test
    void resetDeletesTheDatabaseButKeepsTheSecretKey() throws Exception {
        try (DemoApp first = RunningDemo.start(dataDir)) {
            first.gatehouse().accounts().createUser("seoyeon", "seoyeon@example.kr", RunningDemo.PASSWORD);
        }
        String key = Files.readString(dataDir.resolve("secret.key"));
        assertThat(dataDir.resolve("gatehouse.mv.db")).exists();

        try (DemoApp reset = DemoApp.start(RunningDemo.settings(dataDir), true)) {
            assertThat(reset.gatehouse().users().findByUsername("seoyeon")).isEmpty();
            assertThat(reset.gatehouse().permissionStore().registered()).contains(DemoApp.VIEW_REPORT);
        }
        assertThat(Files.readString(dataDir.resolve("secret.key"))).isEqualTo(key);
    }

    @Test
    void resetRefusesToTouchADatabaseThatIsNotTheDemosOwn() {
        assertThatThrownBy(() -> DemoApp.start(RunningDemo.settings(dataDir)
                .with("gatehouse.db.url", "jdbc:h2:mem:other"), true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("--reset only deletes the demo's own H2 database");
    }

    @Test
    void theWelcomeTellsTheUrlAndHowToCreateASuperuserUntilOneExists() {
        try (DemoApp demo = RunningDemo.start(dataDir)) {
            String first = welcome(demo);
            assertThat(first).contains("Gatehouse demo running at " + demo.baseUrl(), demo.baseUrl() + "/dev/inbox",
                    DemoApp.CREATE_SUPERUSER_COMMAND);

            demo.createSuperuser("admin", "admin@example.com", RunningDemo.PASSWORD);
            assertThat(welcome(demo)).doesNotContain("createsuperuser");
        }
    }

    @Test
    void closingTwiceIsHarmlessAndFreesThePort() {
        DemoApp demo = RunningDemo.start(dataDir);
        int port = demo.port();
        demo.close();
        demo.close();
        assertThat(port).isPositive();
        try (DemoApp again = DemoApp.start(RunningDemo.settings(dataDir).with("gatehouse.http.port",
                Integer.toString(port)), false)) {
            assertThat(again.port()).isEqualTo(port);
        }
    }

    private static String welcome(DemoApp demo) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        demo.printWelcome(new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }
}
