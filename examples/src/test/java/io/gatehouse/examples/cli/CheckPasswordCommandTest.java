package io.gatehouse.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check-password} against hashes made by Django 3.2.25 itself: cases of core's
 * {@code vectors/django-password-hashes.json} (case ids in the comments).
 */
class CheckPasswordCommandTest {
    /** Case 136/137: pbkdf2_sha256, 1000 iterations, password "password". */
    static final String PBKDF2_SHA256 =
            "pbkdf2_sha256$1000$XyagKJm6TyR9ljwAvGvGlr$hQSjwasXSBMSpCtaG0jtKZg9wXDIoUXlXfIaGSMnHe4=";
    /** Case 406: pbkdf2_sha1, 1000 iterations, password "password". */
    static final String PBKDF2_SHA1 = "pbkdf2_sha1$1000$9HhL5AeVArJ1a914l23Czw$2yMEfHcuFYmcyLF+34KS2kwM2Io=";
    /** Case 676: bcrypt_sha256, cost 4, password "password". */
    static final String BCRYPT_SHA256 =
            "bcrypt_sha256$$2b$04$lUtYoBaMgdqToVr4ar3JxOmvja.LdHTOcec0qvSfMG6HWTbZ2rgXm";
    /** Case 940: bcrypt, cost 4, password "password". */
    static final String BCRYPT = "bcrypt$$2b$04$m1ilngzhuGpN8pM0zROefem8PVSoq9WTIDY5iF8glvBhLK1eJ8jl6";
    /** Case 153: pbkdf2_sha256, 1000 iterations, password "пароль". */
    static final String PBKDF2_CYRILLIC =
            "pbkdf2_sha256$1000$vVhh1HiVcOIjAZqnwCKnLD$3Mcnvhq0Qi1zuu1ikRzTSDGYNW/AurTdOaYB5yZFDQE=";

    @TempDir
    Path dir;

    @Test
    void theseVectorsAreDjangosFromCoresVectorFile() throws IOException {
        String json;
        try (InputStream in = Objects.requireNonNull(
                getClass().getResourceAsStream("/vectors/django-password-hashes.json"), "core's test-jar")) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(json).contains(PBKDF2_SHA256, PBKDF2_SHA1, BCRYPT_SHA256, BCRYPT, PBKDF2_CYRILLIC);
    }

    @ParameterizedTest(name = "{0} with the right password: exit 0")
    @CsvSource({
        "pbkdf2_sha256, pbkdf2_sha256$1000$XyagKJm6TyR9ljwAvGvGlr$hQSjwasXSBMSpCtaG0jtKZg9wXDIoUXlXfIaGSMnHe4=",
        "pbkdf2_sha1, pbkdf2_sha1$1000$9HhL5AeVArJ1a914l23Czw$2yMEfHcuFYmcyLF+34KS2kwM2Io=",
        "bcrypt_sha256, bcrypt_sha256$$2b$04$lUtYoBaMgdqToVr4ar3JxOmvja.LdHTOcec0qvSfMG6HWTbZ2rgXm",
        "bcrypt, bcrypt$$2b$04$m1ilngzhuGpN8pM0zROefem8PVSoq9WTIDY5iF8glvBhLK1eJ8jl6",
    })
    void djangoHashWithTheRightPasswordMatches(String algorithm, String hash) {
        TestCli.Result result = new TestCli(dir).runWithStdin("password\n", "check-password", hash,
                "--password-stdin");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).startsWith("The password matches.").contains("re-hashes it");
        assertThat(result.all()).doesNotContain(hash).doesNotContain("password\n");
    }

    @ParameterizedTest(name = "{0} with a wrong password: exit 1")
    @CsvSource({
        "passwordx, pbkdf2_sha256$1000$XyagKJm6TyR9ljwAvGvGlr$hQSjwasXSBMSpCtaG0jtKZg9wXDIoUXlXfIaGSMnHe4=",
        "PASSWORD, pbkdf2_sha1$1000$9HhL5AeVArJ1a914l23Czw$2yMEfHcuFYmcyLF+34KS2kwM2Io=",
        "passwor, bcrypt_sha256$$2b$04$lUtYoBaMgdqToVr4ar3JxOmvja.LdHTOcec0qvSfMG6HWTbZ2rgXm",
        "passwordx, bcrypt$$2b$04$m1ilngzhuGpN8pM0zROefem8PVSoq9WTIDY5iF8glvBhLK1eJ8jl6",
    })
    void djangoHashWithAWrongPasswordDoesNotMatch(String wrong, String hash) {
        TestCli.Result result = new TestCli(dir).runWithStdin(wrong + "\n", "check-password", hash,
                "--password-stdin");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.out()).isEqualTo("The password does not match.\n");
    }

    @Test
    void hashAndPasswordMayBothComeFromStandardInput() {
        TestCli.Result result = new TestCli(dir).runWithStdin(PBKDF2_CYRILLIC + "\nпароль\n", "check-password",
                "--password-stdin");

        assertThat(result.exitCode()).as(result.toString()).isZero();
    }

    @Test
    void hashFromStandardInputAndPasswordFromAHiddenPrompt() {
        ScriptedTerminal terminal = new ScriptedTerminal().password("password");

        TestCli.Result result = new TestCli(dir).terminal(terminal).runWithStdin(BCRYPT_SHA256 + "\n",
                "check-password");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(terminal.prompts()).containsExactly("[hidden] Password: ");
    }

    @Test
    void malformedHashIsAUsageErrorListingTheFormats() {
        TestCli.Result result = new TestCli(dir).runWithStdin("password\n", "check-password",
                "pbkdf2_sha256$1000$only-three-parts", "--password-stdin");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("The hash is not one Gatehouse can check", "pbkdf2_sha256$<iterations>",
                "bcrypt_sha256$").doesNotContain("only-three-parts");
    }

    @Test
    void unknownAlgorithmIsAUsageError() {
        TestCli.Result result = new TestCli(dir).runWithStdin("password\n", "check-password",
                "argon2$argon2id$v=19$m=102400,t=2,p=8$c29tZXNhbHQ$aGFzaA", "--password-stdin");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("The hash is not one Gatehouse can check");
    }

    @Test
    void unusablePasswordMarkerMatchesNothing() {
        TestCli.Result result = new TestCli(dir).runWithStdin("password\n", "check-password",
                "!Xp0y8ZtCw3ShnMq7ThoBoQ1aVzrZzrCzk3gHuRtA", "--password-stdin");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).contains("unusable-password marker");
    }

    @Test
    void noHashAtAllIsAUsageError() {
        TestCli.Result result = new TestCli(dir).run("check-password", "--password-stdin");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("No hash given");
    }

    @Test
    void freshGatehouseHashesCheckToo() {
        TestCli cli = new TestCli(dir);
        String hash = cli.runWithStdin("Tr0ub4dor&3\n", "hash-password", "--password-stdin").out().strip();

        TestCli.Result result = cli.runWithStdin("Tr0ub4dor&3\n", "check-password", hash, "--password-stdin");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("The password matches.\n");
    }
}
