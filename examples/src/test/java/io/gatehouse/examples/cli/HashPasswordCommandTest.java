package io.gatehouse.examples.cli;

import static io.gatehouse.examples.cli.TestCli.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.password.PasswordHashers;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hash-password}: the only command that prints a hash, and it prints nothing else to standard output. */
class HashPasswordCommandTest {
    @TempDir
    Path dir;

    @Test
    void passwordStdinPrintsABcryptSha256HashThatVerifies() {
        TestCli.Result result = new TestCli(dir).runWithStdin(PASSWORD + "\n", "hash-password", "--password-stdin");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        String hash = result.out().strip();
        assertThat(result.out()).isEqualTo(hash + "\n");
        assertThat(hash).startsWith("bcrypt_sha256$$2b$11$");
        assertThat(PasswordHashers.defaults().matches(PASSWORD, hash)).isTrue();
        assertThat(result.all()).doesNotContain(PASSWORD);
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void pbkdf2AlgorithmPrintsDjangosDefaultFormat() {
        TestCli.Result result = new TestCli(dir).runWithStdin(PASSWORD + "\r\n", "hash-password", "--algorithm",
                "pbkdf2_sha256", "--password-stdin");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        String hash = result.out().strip();
        assertThat(hash).startsWith("pbkdf2_sha256$600000$");
        assertThat(PasswordHashers.defaults().matches(PASSWORD, hash)).isTrue();
    }

    @Test
    void algorithmNamesAreCaseInsensitive() {
        TestCli.Result result = new TestCli(dir).runWithStdin(PASSWORD + "\n", "hash-password", "--algorithm",
                "BCRYPT_SHA256", "--password-stdin");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("bcrypt_sha256$");
    }

    @Test
    void unknownAlgorithmIsAUsageErrorNamingTheOptionAndTheChoices() {
        TestCli.Result result = new TestCli(dir).runWithStdin(PASSWORD + "\n", "hash-password", "--algorithm", "md5",
                "--password-stdin");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--algorithm", "md5", "bcrypt_sha256", "pbkdf2_sha256");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void promptAsksHiddenTwiceAndRepeatsOnMismatch() {
        ScriptedTerminal terminal = new ScriptedTerminal().password(PASSWORD).password("other")
                .password("Tr0ub4dor&3").password("Tr0ub4dor&3");

        TestCli.Result result = new TestCli(dir).terminal(terminal).run("hash-password");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(terminal.prompts()).containsExactly("[hidden] Password: ", "[hidden] Password (again): ",
                "[hidden] Password: ", "[hidden] Password (again): ");
        assertThat(result.err()).contains("Your passwords didn't match.");
        assertThat(PasswordHashers.defaults().matches("Tr0ub4dor&3", result.out().strip())).isTrue();
    }

    @Test
    void unicodePasswordsOnStandardInputAreReadAsUtf8() {
        TestCli.Result result = new TestCli(dir).runWithStdin("비밀번호-пароль-密码\n", "hash-password",
                "--password-stdin");

        assertThat(PasswordHashers.defaults().matches("비밀번호-пароль-密码", result.out().strip())).isTrue();
    }

    @Test
    void aLineLongerThanAnyPasswordIsRefusedNotTruncated() {
        TestCli.Result result = new TestCli(dir).runWithStdin("x".repeat(StdinLines.MAX_LENGTH + 1) + "\n",
                "hash-password", "--password-stdin");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("longer than 8192 characters");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void emptyStandardInputIsAUsageError() {
        TestCli.Result result = new TestCli(dir).run("hash-password", "--password-stdin");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("No password on standard input");
        assertThat(result.out()).isEmpty();
    }
}
