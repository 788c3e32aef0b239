package io.clave.server.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.clave.server.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The base of the real-browser suite: each test drives Debian's headless Chromium through Debian's ChromeDriver
 * against the application started on a random port, and saves a screenshot of every page it looks at under
 * {@code target/screenshots/<TestClass>.<test>/NN-name.png}. Selenium never looks for or downloads a driver: both
 * binaries are passed explicitly (and Selenium Manager is told to stay offline, should anything ever reach it). The
 * suite is skipped, with a message naming the packages, where the binaries are missing; {@code .ci/run} installs
 * them.
 */
@Tag("browser")
public abstract class BrowserTest extends IntegrationTest {

	/** Debian package {@code chromium}; another path may be given with {@code -Dclave.browser.chromium=...}. */
	static final Path CHROMIUM = Path.of(System.getProperty("clave.browser.chromium", "/usr/bin/chromium"));

	/** Debian package {@code chromium-driver}; another path with {@code -Dclave.browser.chromedriver=...}. */
	static final Path CHROMEDRIVER = Path.of(System.getProperty("clave.browser.chromedriver", "/usr/bin/chromedriver"));

	protected static final Duration WAIT = Duration.ofSeconds(15);

	private static final Path SCREENSHOTS = Path.of(System.getProperty("basedir", "."), "target", "screenshots");

	/** What Thymeleaf shows for a message key missing in the page's language, e.g. {@code ??key.name_es??}. */
	private static final Pattern MISSING_MESSAGE = Pattern.compile("\\?\\?[\\w.-]+_[\\w-]+\\?\\?");

	/** Selenium Manager logs whenever it is reached (before any download); the suite must never reach it. */
	private static final Logger SELENIUM_MANAGER = Logger.getLogger("org.openqa.selenium.manager.SeleniumManager");

	/** Warns that Selenium 4.49 knows CDP up to 153 only; the suite uses no DevTools connection. */
	private static final Logger CDP_VERSION_FINDER = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

	private static final List<String> seleniumManagerCalls = new CopyOnWriteArrayList<>();

	static {
		SELENIUM_MANAGER.setLevel(Level.FINE);
		SELENIUM_MANAGER.addHandler(new Handler() {
			@Override
			public void publish(LogRecord record) {
				seleniumManagerCalls.add(String.valueOf(record.getMessage()));
			}

			@Override
			public void flush() {
			}

			@Override
			public void close() {
			}
		});
		CDP_VERSION_FINDER.setLevel(Level.SEVERE);
	}

	@LocalServerPort
	private int port;

	private final List<Browser> browsers = new ArrayList<>();

	private final AtomicInteger shots = new AtomicInteger();

	private Path folder;

	/** On a failure, a screenshot and the HTML of every open browser, taken before they are closed. */
	@RegisterExtension
	final AfterTestExecutionCallback keepEvidenceOfFailure = context -> {
		if (context.getExecutionException().isPresent()) {
			for (Browser browser : this.browsers) {
				try {
					save(browser, "failure");
					Files.writeString(this.folder.resolve(String.format("%02d-failure.html", this.shots.get())),
							browser.driver().getPageSource(), StandardCharsets.UTF_8);
				}
				catch (RuntimeException | IOException ex) {
					// the browser itself may be what failed; the original failure is what matters
				}
			}
		}
	};

	/**
	 * Skips each test, with the reason in the test report, where the browser is missing. (Each test, not the class:
	 * a class aborted in {@code @BeforeAll} shows in Surefire as "Tests run: 0" with no reason.)
	 */
	@BeforeEach
	final void requireChromiumAndPrepareScreenshots(TestInfo test) throws IOException {
		assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
				() -> "Browser tests skipped: they need Debian's Chromium and ChromeDriver at " + CHROMIUM + " and "
						+ CHROMEDRIVER + " (apt-get install chromium chromium-driver; .ci/run installs them)");
		// Selenium Manager is never needed (both paths are explicit); were it ever reached, it must not download.
		System.setProperty("SE_OFFLINE", "true");
		String name = test.getTestClass().map(Class::getSimpleName).orElse("browser") + "."
				+ test.getTestMethod().map(method -> method.getName()).orElse("test");
		this.folder = SCREENSHOTS.resolve(name);
		if (Files.isDirectory(this.folder)) {
			try (Stream<Path> old = Files.walk(this.folder)) {
				old.sorted(Comparator.reverseOrder()).filter(path -> !path.equals(this.folder)).forEach(path -> {
					try {
						Files.delete(path);
					}
					catch (IOException ex) {
						throw new UncheckedIOException(ex);
					}
				});
			}
		}
		Files.createDirectories(this.folder);
	}

	@AfterEach
	final void quitBrowsers() {
		for (Browser browser : this.browsers) {
			try {
				browser.driver().quit();
			}
			finally {
				deleteQuietly(browser.profile());
			}
		}
		this.browsers.clear();
		assertThat(seleniumManagerCalls).as("Selenium Manager must never run: the driver and browser are given").isEmpty();
	}

	// ---- starting browsers ------------------------------------------------------------------------------------

	/** The test's browser, with JavaScript, started on first use. */
	protected WebDriver browser() {
		if (this.browsers.isEmpty()) {
			start(Map.of());
		}
		return current();
	}

	/**
	 * A new browser, with JavaScript turned off as a person (or a locked-down bank PC) may have it; from now on
	 * {@link #browser()} and the helpers drive it.
	 */
	protected WebDriver browserWithoutJavaScript() {
		return start(Map.of("profile.managed_default_content_settings.javascript", 2));
	}

	/**
	 * A new browser with the suite's options and these Chromium preferences added to the suite's; from now on
	 * {@link #browser()} and the helpers drive it.
	 */
	protected WebDriver start(Map<String, Object> preferences) {
		Path profile;
		try {
			profile = Files.createTempDirectory("clave-chromium-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--window-size=1280,1000", "--lang=es", "--user-data-dir=" + profile);
		Map<String, Object> prefs = new HashMap<>();
		// headless Chromium ignores --lang for the Accept-Language header; the pages must come in Spanish
		prefs.put("intl.accept_languages", "es-EC,es");
		prefs.put("credentials_enable_service", false);
		prefs.put("profile.password_manager_enabled", false);
		prefs.putAll(preferences);
		options.setExperimentalOption("prefs", prefs);
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File(CHROMEDRIVER.toString()))
			.usingAnyFreePort()
			.build();
		ChromeDriver driver;
		try {
			driver = new ChromeDriver(service, options);
		}
		catch (RuntimeException ex) {
			service.stop();
			deleteQuietly(profile);
			throw ex;
		}
		this.browsers.add(new Browser(driver, profile));
		return driver;
	}

	private WebDriver current() {
		return this.browsers.get(this.browsers.size() - 1).driver();
	}

	// ---- helpers ----------------------------------------------------------------------------------------------

	protected String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	/** Opens a path of the application, e.g. {@code "/registro"}. */
	protected void open(String path) {
		browser().get(url(path));
	}

	/** Waits until the element is visible and returns it. */
	protected WebElement waitFor(By locator) {
		return new WebDriverWait(browser(), WAIT).until(ExpectedConditions.visibilityOfElementLocated(locator));
	}

	/** Waits until the element is present, visible or not, and returns it. */
	protected WebElement waitForPresent(By locator) {
		return new WebDriverWait(browser(), WAIT).until(ExpectedConditions.presenceOfElementLocated(locator));
	}

	/** Waits until the browser shows the given path (a redirect or a link followed). */
	protected void waitForPath(String path) {
		new WebDriverWait(browser(), WAIT).until(ExpectedConditions.urlToBe(url(path)));
	}

	protected void click(By locator) {
		new WebDriverWait(browser(), WAIT).until(ExpectedConditions.elementToBeClickable(locator)).click();
	}

	/** Clears the field and types into it, key by key, as a person would. */
	protected void type(By locator, String text) {
		WebElement field = waitFor(locator);
		field.clear();
		field.sendKeys(text);
	}

	/** The current value of a form field, as the page's scripts left it. */
	protected String valueOf(By locator) {
		return waitForPresent(locator).getDomProperty("value");
	}

	protected String textOf(By locator) {
		return waitFor(locator).getText();
	}

	/**
	 * Saves the whole page of the current browser as {@code NN-name.png} and returns the file; fails if the page
	 * shows a message key instead of a text.
	 */
	protected Path screenshot(String name) {
		Path file = save(this.browsers.isEmpty() ? null : this.browsers.get(this.browsers.size() - 1), name);
		Matcher missing = MISSING_MESSAGE.matcher(current().getPageSource());
		if (missing.find()) {
			throw new AssertionError(file.getFileName() + " shows a message key instead of a text: " + missing.group());
		}
		return file;
	}

	private Path save(Browser browser, String name) {
		if (browser == null) {
			throw new IllegalStateException("No browser is open");
		}
		Path file = this.folder
			.resolve(String.format("%02d-%s.png", this.shots.incrementAndGet(), name.replaceAll("[^A-Za-z0-9_-]", "-")));
		try {
			Files.write(file, fullPage(browser.driver()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return file;
	}

	/** The whole page, not only the 1280×1000 window, through ChromeDriver's own CDP endpoint (no DevTools link). */
	private static byte[] fullPage(ChromeDriver driver) {
		try {
			Map<String, Object> params = new HashMap<>();
			params.put("format", "png");
			params.put("captureBeyondViewport", true);
			Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
			if (metrics.get("cssContentSize") instanceof Map<?, ?> size && size.get("width") instanceof Number width
					&& size.get("height") instanceof Number height) {
				params.put("clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1));
			}
			Object data = driver.executeCdpCommand("Page.captureScreenshot", params).get("data");
			return Base64.getDecoder().decode((String) data);
		}
		catch (RuntimeException ex) {
			return driver.getScreenshotAs(OutputType.BYTES);
		}
	}

	private static void deleteQuietly(Path directory) {
		try (Stream<Path> paths = Files.walk(directory)) {
			paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
		catch (IOException | UncheckedIOException ex) {
			// a temporary profile left behind is harmless
		}
	}

	private record Browser(ChromeDriver driver, Path profile) {
	}

}
