package com.clinicfaq.widget;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Debian Chromium driven through its own chromedriver, so Selenium Manager never downloads
 * anything, with helpers for the widget's shadow root. Its public part is for every browser test: the
 * staff console's too.
 */
public final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path AXE = Path.of("widget/node_modules/axe-core/axe.min.js");
    static final Path SCREENSHOTS = Path.of("target/screenshots");
    /**
     * Where {@link #documented} also writes its screenshots, when given: {@code -Dclinicfaq.screenshots=docs/screenshots}
     * refreshes the ones the README shows. A normal build writes only into {@code target/}.
     */
    static final String DOCUMENTED = "clinicfaq.screenshots";

    public final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** A desktop window. */
    public static Browser desktop(int width, int height) {
        return start(options -> options.addArguments("--window-size=" + width + "," + height));
    }

    /** A phone: small viewport, touch, device pixel ratio 3. */
    public static Browser phone() {
        return phone(390, 844, 3.0);
    }

    /** A phone of that viewport (CSS pixels), with touch. */
    public static Browser phone(int width, int height, double pixelRatio) {
        return start(options -> options.setExperimentalOption(
                "mobileEmulation",
                Map.of(
                        "deviceMetrics",
                        Map.of("width", width, "height", height, "pixelRatio", pixelRatio, "touch", true),
                        "userAgent",
                        "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
                                + "Chrome/156.0.0.0 Mobile Safari/537.36")));
    }

    private static Browser start(java.util.function.Consumer<ChromeOptions> tweak) {
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                .as(
                        "The browser tests need Debian's Chromium and its driver at %s and %s: "
                                + "run `apt-get install -y chromium chromium-driver` (as .ci/run does)",
                        CHROMIUM, CHROMEDRIVER)
                .isTrue();
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        try {
            Path profile = Files.createTempDirectory("clinicfaq-chromium-");
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
                    "--user-data-dir=" + profile);
            tweak.accept(options);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile())
                    .usingAnyFreePort()
                    .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
            return new Browser(driver, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void open(String url) {
        driver.get(url);
        await(d -> !driver.findElements(By.tagName("clinicfaq-widget")).isEmpty());
    }

    public SearchContext widget() {
        return driver.findElement(By.tagName("clinicfaq-widget")).getShadowRoot();
    }

    WebElement in(String css) {
        return widget().findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return widget().findElements(By.cssSelector(css));
    }

    /** The widget's own root, for checks Selenium's shadow root cannot express. */
    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver)
                .executeScript("const root = document.querySelector('clinicfaq-widget').shadowRoot;\n" + script, args);
    }

    /** Opens the chat with the launcher and returns the greeting. */
    WebElement openChat() {
        in(".launcher").click();
        return await(d -> in(".msg.bot[data-kind=greeting]"));
    }

    /** Sends a question with the Enter key and returns the first bot message after it. */
    public WebElement ask(String question) {
        int before = all(".msg.bot").size();
        WebElement input = in(".compose textarea");
        input.sendKeys(question);
        input.sendKeys(Keys.ENTER);
        return await(d -> {
            List<WebElement> bots = all(".msg.bot");
            return bots.size() > before ? bots.get(before) : null;
        });
    }

    /** The conversation id the widget keeps in the tab's sessionStorage. */
    public String conversationId() {
        return (String) driver.executeScript("""
                const key = Object.keys(sessionStorage).find(k => k.startsWith('clinicfaq:') && k.endsWith(':conversation'));
                return key ? JSON.parse(sessionStorage.getItem(key)) : null;
                """);
    }

    /** A control of the handoff form, by name. */
    public static WebElement field(WebElement form, String name) {
        return form.findElement(By.cssSelector("[name=" + name + "]"));
    }

    /** The visible error messages of the handoff form, by field name. */
    static Map<String, String> errors(WebElement form) {
        var errors = new java.util.LinkedHashMap<String, String>();
        for (WebElement control : form.findElements(By.cssSelector("[aria-invalid=true]"))) {
            String errorId = control.getDomAttribute("aria-describedby");
            errors.put(
                    control.getDomAttribute("name"),
                    form.findElement(By.id(errorId)).getText());
        }
        return errors;
    }

    /** Which element inside the widget has the focus ("" when the focus is outside it). */
    String focused() {
        return (String) js("""
                const el = document.activeElement === root.host ? root.activeElement : null;
                if (!el) return '';
                return el.tagName.toLowerCase() + (el.className ? '.' + el.className.split(' ').join('.') : '')
                    + (el.name ? '[name=' + el.name + ']' : '');
                """);
    }

    /** A screenshot in {@code target/screenshots/} of each failed test, named by the prefix and the test. */
    public static TestWatcher screenshotOnFailure(Supplier<Browser> browser, String prefix) {
        return new TestWatcher() {
            @Override
            public void testFailed(ExtensionContext context, Throwable cause) {
                if (browser.get() != null) {
                    browser.get()
                            .screenshot(prefix + context.getRequiredTestMethod().getName());
                }
            }
        };
    }

    /**
     * One browser for a test class, as an extension: started before the first test, with no cookies (so logged
     * out) at the start of each, a screenshot of each failed test, closed after the last.
     */
    public static final class PerClass implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback, TestWatcher {

        private final Supplier<Browser> start;
        private final TestWatcher screenshots;
        private Browser browser;

        public PerClass(Supplier<Browser> start, String screenshotPrefix) {
            this.start = start;
            this.screenshots = screenshotOnFailure(this::get, screenshotPrefix);
        }

        public Browser get() {
            return browser;
        }

        @Override
        public void beforeAll(ExtensionContext context) {
            browser = start.get();
        }

        @Override
        public void beforeEach(ExtensionContext context) {
            browser.driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        }

        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            screenshots.testFailed(context, cause);
        }

        @Override
        public void afterAll(ExtensionContext context) {
            if (browser != null) {
                browser.close();
            }
        }
    }

    /** Submits the staff login form of the site at {@code site} ("http://localhost:port"). */
    public void logIn(String site, String username, String password) {
        driver.get(site + "/login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        follow(driver.findElement(By.cssSelector("button[type=submit]")));
    }

    /** Clicks a link or a form's button and waits for the page it leads to. */
    public void follow(WebElement linkOrButton) {
        linkOrButton.click();
        await(ExpectedConditions.stalenessOf(linkOrButton));
    }

    public WebElement button(String label) {
        return driver.findElement(By.xpath("//button[normalize-space()='" + label + "']"));
    }

    public String text(String css) {
        return driver.findElement(By.cssSelector(css)).getText();
    }

    /** The text of each element that {@code css} selects, in the page's order. */
    public List<String> texts(String css) {
        return driver.findElements(By.cssSelector(css)).stream()
                .map(WebElement::getText)
                .toList();
    }

    /** Serious and critical WCAG 2.x A/AA violations on the open page, as readable lines. */
    @SuppressWarnings("unchecked")
    public List<String> axeViolations() {
        assertThat(AXE)
                .as("axe-core for the accessibility scan is missing: run `npm ci --prefix widget` first")
                .exists();
        try {
            driver.executeScript(Files.readString(AXE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var violations = (List<Map<String, Object>>) driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } })
                  .then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => ({ id: v.id, impact: v.impact, help: v.help,
                                 nodes: v.nodes.map(n => JSON.stringify(n.target) + ' ' + n.failureSummary) }))))
                  .catch(e => done([{ id: 'axe-error', impact: 'critical', help: String(e), nodes: [] }]));
                """);
        return violations.stream()
                .map(v -> v.get("impact") + " " + v.get("id") + ": " + v.get("help") + " " + v.get("nodes"))
                .toList();
    }

    public <T> T await(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(20))
                .ignoring(RuntimeException.class)
                .until(condition);
    }

    public void screenshot(String name) {
        write(SCREENSHOTS, name, driver.getScreenshotAs(OutputType.BYTES));
    }

    /**
     * A screenshot for the documentation: in {@code target/screenshots/}, and also in the folder that the system
     * property {@value #DOCUMENTED} names, when it is set.
     */
    public void documented(String name) {
        byte[] png = driver.getScreenshotAs(OutputType.BYTES);
        write(SCREENSHOTS, name, png);
        String folder = System.getProperty(DOCUMENTED, "");
        if (!folder.isBlank()) {
            write(Path.of(folder), name, png);
        }
    }

    private static void write(Path folder, String name, byte[] png) {
        try {
            Files.createDirectories(folder);
            Files.write(folder.resolve(name + ".png"), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a leftover temporary profile is harmless
            }
        }
    }
}
