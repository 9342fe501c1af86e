package io.gatehouse.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.gatehouse.user.User;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The demo end to end in headless Chromium, as a person would use it: sign up, read the mail in the demo's inbox,
 * click its link, log in, see the members page, be refused the reports page, get the permission from a superuser
 * in the admin, see the reports, change the password (which logs out a second browser of the same user), log out.
 * A screenshot of each step goes to {@code target/screenshots/}.
 *
 * <p>Uses Debian's {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver}; the driver is named explicitly,
 * so Selenium Manager never runs or downloads anything. Without them the test is skipped with its reason, unless
 * {@code GATEHOUSE_REQUIRE_BROWSER=true} (CI), where it fails instead.
 */
class DemoBrowserE2ETest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String NEW_PASSWORD = "a brand new passphrase 42";

    @TempDir
    static Path dataDir;
    @TempDir
    static Path profiles;
    static DemoApp demo;
    static final List<WebDriver> browsers = new ArrayList<>();
    private int step;

    @BeforeAll
    static void start() throws IOException {
        String missing = !Files.isExecutable(CHROMIUM) ? CHROMIUM + " is missing"
                : !Files.isExecutable(CHROMEDRIVER) ? CHROMEDRIVER + " is missing" : null;
        if (missing != null) {
            if ("true".equalsIgnoreCase(System.getenv("GATEHOUSE_REQUIRE_BROWSER"))) {
                fail("GATEHOUSE_REQUIRE_BROWSER=true but " + missing + " (apt-get install chromium chromium-driver).");
            }
            System.out.println("Skipping the browser end-to-end test: " + missing
                    + " (apt-get install chromium chromium-driver).");
            Assumptions.abort(missing);
        }
        Files.createDirectories(SCREENSHOTS);
        demo = RunningDemo.start(dataDir);
    }

    @AfterAll
    static void stop() {
        browsers.forEach(WebDriver::quit);
        if (demo != null) {
            demo.close();
        }
    }

    @Test
    void aPersonSignsUpVerifiesLogsInGetsAPermissionChangesThePasswordAndLogsOut() throws IOException {
        User boss = demo.createSuperuser("boss", "boss@example.com", RunningDemo.PASSWORD);
        assertThat(boss.superuser()).isTrue();
        WebDriver alice = browser("alice");

        alice.get(demo.baseUrl() + "/signup");
        alice.findElement(By.id("username")).sendKeys("alice");
        alice.findElement(By.id("email")).sendKeys("alice@example.com");
        alice.findElement(By.id("password")).sendKeys(RunningDemo.PASSWORD);
        alice.findElement(By.cssSelector("#signup-form button")).click();
        assertThat(flash(alice)).contains("we sent a link to confirm your address");
        shot(alice, "signed-up");

        alice.findElement(By.id("nav-inbox")).click();
        WebElement mail = waitFor(alice, () -> {
            alice.navigate().refresh();
            return alice.findElements(By.cssSelector("#inbox a")).stream().findFirst().orElse(null);
        });
        shot(alice, "inbox");
        mail.click();
        assertThat(alice.findElement(By.id("mail-to")).getText()).contains("alice@example.com");
        shot(alice, "verification-mail");

        alice.switchTo().frame("mail-html");
        alice.findElement(By.cssSelector("a[href*='/verify/']")).click();
        alice.switchTo().defaultContent();
        wait(alice).until(ExpectedConditions.urlContains("/verify/"));
        shot(alice, "verify-page");
        alice.findElement(By.id("verify")).click();
        assertThat(flash(alice)).contains("Your address is confirmed");
        assertThat(alice.getCurrentUrl()).endsWith("/login");

        logIn(alice, "alice", RunningDemo.PASSWORD);
        alice.get(demo.baseUrl() + "/members");
        assertThat(alice.findElement(By.id("members")).getText()).contains("Welcome, alice");
        shot(alice, "members");

        alice.get(demo.baseUrl() + "/reports");
        assertThat(alice.findElement(By.id("error-403")).getText()).contains("Permission denied");
        shot(alice, "reports-forbidden");

        WebDriver second = browser("second");
        second.get(demo.baseUrl() + "/login");
        logIn(second, "boss", RunningDemo.PASSWORD);
        second.findElement(By.linkText("Admin")).click();
        second.findElement(By.id("admin-users")).click();
        second.findElement(By.id("q")).sendKeys("alice");
        second.findElement(By.id("search")).click();
        second.findElement(By.cssSelector("#user-alice input[type=checkbox]")).click();
        new Select(second.findElement(By.id("action"))).selectByValue("grant_permission");
        new Select(second.findElement(By.id("permission"))).selectByValue("demo.view_report");
        shot(second, "admin-grant");
        second.findElement(By.id("apply")).click();
        assertThat(flash(second)).isEqualTo("1 user granted the permission.");
        shot(second, "admin-granted");

        alice.get(demo.baseUrl() + "/reports");
        assertThat(alice.findElement(By.id("reports")).getText()).contains("demo.view_report");
        shot(alice, "reports-allowed");

        second.findElement(By.id("logout")).click();
        assertThat(flash(second)).isEqualTo("You are logged out.");
        second.get(demo.baseUrl() + "/login");
        logIn(second, "alice", RunningDemo.PASSWORD);
        second.get(demo.baseUrl() + "/members");
        assertThat(second.findElement(By.id("members")).getText()).contains("Welcome, alice");
        shot(second, "second-session");

        alice.get(demo.baseUrl() + "/password/change");
        alice.findElement(By.id("current_password")).sendKeys(RunningDemo.PASSWORD);
        alice.findElement(By.id("new_password")).sendKeys(NEW_PASSWORD);
        alice.findElement(By.cssSelector("#password-change-form button")).click();
        assertThat(flash(alice)).contains("Your password was changed");
        shot(alice, "password-changed");

        second.get(demo.baseUrl() + "/members");
        wait(second).until(ExpectedConditions.urlContains("/login?next="));
        assertThat(second.findElements(By.id("members"))).isEmpty();
        shot(second, "second-session-logged-out");

        alice.findElement(By.id("logout")).click();
        assertThat(flash(alice)).isEqualTo("You are logged out.");
        alice.get(demo.baseUrl() + "/members");
        wait(alice).until(ExpectedConditions.urlContains("/login?next="));
        shot(alice, "logged-out");
        try (var files = Files.list(SCREENSHOTS)) {
            assertThat(files.filter(p -> p.toString().endsWith(".png")).count()).isGreaterThanOrEqualTo(step);
        }
    }

    private void logIn(WebDriver browser, String login, String password) {
        browser.findElement(By.id("login")).sendKeys(login);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("#login-form button")).click();
        assertThat(flash(browser)).isEqualTo("You are logged in.");
    }

    private static String flash(WebDriver browser) {
        return wait(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("flash"))).getText();
    }

    private static WebDriverWait wait(WebDriver browser) {
        return new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    private static <T> T waitFor(WebDriver browser, java.util.function.Supplier<T> probe) {
        return wait(browser).pollingEvery(Duration.ofMillis(500)).until(b -> probe.get());
    }

    private void shot(WebDriver browser, String name) throws IOException {
        step++;
        Path file = SCREENSHOTS.resolve(String.format("%02d-%s.png", step, name));
        Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private static WebDriver browser(String name) throws IOException {
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,1000", "--lang=en-US",
                "--user-data-dir=" + Files.createDirectories(profiles.resolve(name)));
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
        // Naming the driver here is what keeps Selenium Manager (which would download drivers) out of the way.
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        browsers.add(driver);
        return driver;
    }
}
