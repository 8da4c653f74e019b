package org.studysupport.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real browser for the page tests: Debian's {@code chromium}, headless, driven through the system
 * {@code chromium-driver} (so Selenium downloads nothing), with axe-core at hand for accessibility
 * checks and screenshots saved under {@code target/screenshots}. Where the browser or its driver is
 * not installed the page tests are skipped, unless {@code -Dbrowser.required=true} (as {@code .ci/run}
 * sets) makes that a failure.
 */
public final class Browser implements AutoCloseable {

    /** The desktop width the pages are laid out for, and a phone's. */
    public static final Dimension DESKTOP = new Dimension(1280, 900);
    public static final Dimension PHONE = new Dimension(390, 844);

    private static final Path CHROMIUM = Path.of(System.getProperty("browser.binary", "/usr/bin/chromium"));
    private static final Path DRIVER = Path.of(System.getProperty("browser.driver", "/usr/bin/chromedriver"));
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChromeDriver driver;
    private final String base;

    private Browser(ChromeDriver driver, String base) {
        this.driver = driver;
        this.base = base;
    }

    /** A browser that asks for pages in the given language ({@code en} or {@code nb}), at desktop size. */
    public static Browser open(int port, String language) {
        requireInstalled();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--lang=" + language, "--window-size=" + DESKTOP.width + "," + DESKTOP.height);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(WAIT);
        return new Browser(driver, "http://localhost:" + port);
    }

    private static void requireInstalled() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        if (Boolean.getBoolean("browser.required")) {
            assertThat(installed).as("chromium (%s) and chromium-driver (%s) are installed", CHROMIUM, DRIVER)
                    .isTrue();
        }
        Assumptions.assumeTrue(installed, "chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)");
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Opens a page of the application by its path. */
    public Browser go(String path) {
        driver.get(base + path);
        return this;
    }

    public String path() {
        return driver.getCurrentUrl().substring(base.length());
    }

    /** Signs in through the form at {@code /login} and waits for the start page. */
    public Browser signIn(String user, String password) {
        go("/login");
        driver.findElement(By.name("username")).sendKeys(user);
        driver.findElement(By.name("password")).sendKeys(password);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        return this;
    }

    public Browser signIn(String user) {
        signIn(user, "demo");
        waitFor(By.cssSelector(".signed-in"));
        return this;
    }

    /** Signs out with the header's button. */
    public Browser signOut() {
        driver.findElement(By.cssSelector(".signed-in form button")).click();
        waitFor(By.name("username"));
        return this;
    }

    public WebElement find(By by) {
        return driver.findElement(by);
    }

    public List<WebElement> findAll(By by) {
        return driver.findElements(by);
    }

    /** Waits until an element is shown, and returns it. */
    public WebElement waitFor(By by) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** Waits until the element's text contains the given text. */
    public void waitForText(By by, String text) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    }

    public void resize(Dimension size) {
        driver.manage().window().setSize(size);
    }

    /** Saves a screenshot of the window as {@code target/screenshots/<name>.png}. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs axe-core on the page as it is now and fails with the rules broken, if any violation is
     * {@code serious} or {@code critical}.
     */
    public void assertAccessible() {
        List<String> broken = new ArrayList<>();
        for (JsonNode violation : axeViolations()) {
            String impact = violation.path("impact").asText();
            if (impact.equals("serious") || impact.equals("critical")) {
                List<String> targets = new ArrayList<>();
                violation.path("nodes").forEach(node -> targets.add(node.path("target").toString()));
                broken.add(impact + " " + violation.path("id").asText() + ": " + violation.path("help").asText()
                        + " at " + targets);
            }
        }
        assertThat(broken).as("serious or critical accessibility violations on %s", path()).isEmpty();
    }

    private JsonNode axeViolations() {
        JavascriptExecutor script = driver;
        script.executeScript(AxeCore.source());
        Object result = script.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "axe.run(document, {resultTypes: ['violations']})"
                        + ".then(r => done(JSON.stringify(r.violations)), e => done('error: ' + e));");
        String text = String.valueOf(result);
        assertThat(text).as("axe-core ran").doesNotStartWith("error:");
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }

    /** axe-core's script, from {@code node_modules} (the repository's package.json; {@code npm ci} installs it). */
    static final class AxeCore {

        private static String source;

        static synchronized String source() {
            if (source == null) {
                Path script = locate();
                try {
                    source = Files.readString(script);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return source;
        }

        private static Path locate() {
            String configured = System.getProperty("axe.script");
            if (configured != null) {
                return Path.of(configured);
            }
            for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
                Path candidate = dir.resolve("node_modules/axe-core/axe.min.js");
                if (Files.isReadable(candidate)) {
                    return candidate;
                }
            }
            throw new AssertionError("axe-core is not installed: run npm ci at the repository's root");
        }
    }
}
