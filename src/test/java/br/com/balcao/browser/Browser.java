package br.com.balcao.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstanceFactoryContext;
import org.junit.jupiter.api.extension.TestInstancePreConstructCallback;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

/**
 * Debian's headless Chromium for the browser tests, one fresh browser (and profile) per test.
 * <p>
 * Register it as a static field: {@code @RegisterExtension static final Browser browser = new Browser();}.
 * When Chromium or its driver is not installed each test is skipped before the application context
 * starts. The driver's path is always given explicitly, so Selenium Manager never runs and nothing is
 * downloaded. A failing test leaves a screenshot and the page's HTML in {@code target/browser-screenshots/}.
 */
public final class Browser implements TestInstancePreConstructCallback, BeforeEachCallback,
        AfterTestExecutionCallback, AfterEachCallback {

    /** Overridable with {@code -Dbalcao.browser.chromium=...}, mainly to check the skip path. */
    static final Path CHROMIUM = Path.of(System.getProperty("balcao.browser.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("balcao.browser.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");
    static final Duration TIMEOUT = Duration.ofSeconds(20);

    private WebDriver driver;
    private Path profile;

    public static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    /**
     * Checked before each test's instance exists, so a machine without Chromium skips every test (each one
     * reported as skipped, with this message) without starting the application context.
     */
    @Override
    public void preConstructTestInstance(TestInstanceFactoryContext factoryContext, ExtensionContext context) {
        Assumptions.assumeTrue(installed(),
                "Chromium not installed: apt-get install chromium chromium-driver (looked for "
                        + CHROMIUM + " and " + CHROMEDRIVER + ")");
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        profile = Files.createTempDirectory("balcao-chromium-");

        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(SCREENSHOTS.resolve("chromedriver.log").toFile())
                .withAppendLog(true)
                .build();

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--window-size=1280,900",
                // A fake microphone (a beep) that needs no permission prompt, for the composer's voice notes.
                "--use-fake-device-for-media-stream",
                "--use-fake-ui-for-media-stream",
                "--lang=pt-BR",
                "--user-data-dir=" + profile.toAbsolutePath());
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "pt-BR,pt"));
        // The console stays readable by tests (CspProbe looks there for Content-Security-Policy violations).
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));

        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (driver != null && context.getExecutionException().isPresent()) {
            String name = context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName();
            try {
                screenshot(name);
                Files.writeString(SCREENSHOTS.resolve(name + ".html"),
                        "<!-- " + driver.getCurrentUrl() + " -->\n" + driver.getPageSource(), StandardCharsets.UTF_8);
            } catch (RuntimeException | IOException e) {
                context.getExecutionException().get().addSuppressed(e);
            }
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            driver = null;
            if (profile != null) {
                try {
                    FileSystemUtils.deleteRecursively(profile);
                } catch (IOException ignored) {
                    // Chromium may still be writing into its profile while it exits; it is only a temp folder
                }
                profile = null;
            }
        }
    }

    public WebDriver driver() {
        if (driver == null) {
            throw new IllegalStateException("The browser runs only inside a test method");
        }
        return driver;
    }

    /**
     * A wait that tries again when an element it looked at was replaced meanwhile: live events redraw parts of the
     * page (a timeline, a thread) at any moment.
     */
    public WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(driver(), TIMEOUT);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /** Saves what the browser shows now as {@code target/browser-screenshots/<name>.png}. */
    public Path screenshot(String name) {
        File shot = ((TakesScreenshot) driver()).getScreenshotAs(OutputType.FILE);
        Path target = SCREENSHOTS.resolve(name + ".png");
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.move(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not save the screenshot " + target, e);
        }
        return target;
    }

    /**
     * Opens the login page of the app on this port, fills the form and submits it; answers the submit
     * button, so that callers can wait for the page to change.
     */
    public WebElement submitLogin(int port, String username, String password) {
        WebDriver driver = driver();
        driver.get("http://localhost:" + port + "/login");
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form #username")))
                .sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        WebElement submit = driver.findElement(By.id("login-submit"));
        submit.click();
        return submit;
    }

    /** Signs in and waits until the browser has left the login form. */
    public void signIn(int port, String username, String password) {
        waitUntilReplaced(submitLogin(port, username, password));
    }

    /**
     * The text of a part of the page as it is now, or "" while it is being replaced: htmx and live events swap
     * parts, and an element found before a swap answers a stale element or, from Chromium, "does not belong to
     * the document". For waits on a part that is redrawn.
     */
    public String textOf(By part) {
        try {
            return driver().findElement(part).getText();
        } catch (NoSuchElementException | StaleElementReferenceException e) {
            return "";
        } catch (WebDriverException e) {
            if (detached(e)) {
                return "";
            }
            throw e;
        }
    }

    private static boolean detached(WebDriverException e) {
        return String.valueOf(e.getMessage()).contains("does not belong to the document");
    }

    /**
     * Waits until the page that held the element has been replaced. Asked about an element of a page being
     * unloaded, Chromium may answer "Node with given id does not belong to the document" instead of a stale
     * element, which Selenium's staleness condition lets through as a failure.
     */
    public void waitUntilReplaced(WebElement element) {
        waiting().until(driver -> {
            try {
                element.isEnabled();
                return false;
            } catch (StaleElementReferenceException e) {
                return true;
            } catch (WebDriverException e) {
                if (detached(e)) {
                    return true;
                }
                throw e;
            }
        });
    }
}
