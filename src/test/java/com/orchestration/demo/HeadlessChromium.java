package com.orchestration.demo;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium driven by Debian's chromedriver ({@code apt-get install chromium chromium-driver}), headless,
 * with a fresh profile per browser. Both paths are given explicitly, so Selenium Manager never looks for (or
 * downloads) a driver or a browser. Screenshots go to {@code target/screenshots/}.
 */
final class HeadlessChromium implements AutoCloseable {

  static final String CHROMIUM = System.getProperty("orchestration.browser.chromium", "/usr/bin/chromium");
  static final String CHROMEDRIVER = System.getProperty("orchestration.browser.chromedriver", "/usr/bin/chromedriver");
  static final Path SCREENSHOTS = DemoApplication.TARGET.resolve("screenshots");
  /** The waits of the UI (a page, a chart, a form); generous for a 2-core CI machine. */
  static final Duration WAIT = Duration.ofSeconds(60);

  final WebDriver driver;
  private final Path profile;

  HeadlessChromium() {
    for (String binary : List.of(CHROMIUM, CHROMEDRIVER)) {
      if (!Files.isExecutable(Path.of(binary))) {
        throw new IllegalStateException(binary + " is missing: install Debian's chromium and chromium-driver "
            + "(apt-get install -y chromium chromium-driver; .ci/run does it)");
      }
    }
    try {
      profile = Files.createTempDirectory("orchestration-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
        "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1400,1000", "--lang=en-GB");
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().scriptTimeout(WAIT);
  }

  <T> T until(ExpectedCondition<T> condition) {
    return new WebDriverWait(driver, WAIT).until(condition);
  }

  WebElement visible(By by) {
    return until(d -> {
      WebElement element = d.findElements(by).stream().filter(WebElement::isDisplayed).findFirst().orElse(null);
      return element;
    });
  }

  /** Opens {@code url} and logs in as {@code user} (password {@code demo}) with the page's login form. */
  void logIn(String url, By userField, By passwordField, By submit, String user) {
    driver.get(url);
    visible(userField).sendKeys(user);
    driver.findElement(passwordField).sendKeys("demo");
    driver.findElement(submit).click();
  }

  Object script(String js, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(js, args);
  }

  /**
   * The whole page, or the part of it that {@code element} covers: the window grows to the document's height for the
   * shot, so nothing below the fold is cut off.
   */
  Path screenshot(String name, WebElement element) {
    Dimension before = driver.manage().window().getSize();
    try {
      Files.createDirectories(SCREENSHOTS);
      Path target = SCREENSHOTS.resolve(name + ".png");
      long height = ((Number) script("return Math.max(document.body.scrollHeight, "
          + "document.documentElement.scrollHeight);")).longValue();
      driver.manage().window().setSize(new Dimension(before.getWidth(), (int) Math.min(height + 140, 12000)));
      script("window.scrollTo(0, 0); window.dispatchEvent(new Event('resize'));");
      byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
      if (element == null) {
        Files.write(target, png);
      } else {
        BufferedImage page = ImageIO.read(new ByteArrayInputStream(png));
        Rectangle r = element.getRect();
        int x = Math.max(0, r.getX());
        int y = Math.max(0, r.getY());
        BufferedImage part = page.getSubimage(x, y, Math.min(r.getWidth(), page.getWidth() - x),
            Math.min(r.getHeight(), page.getHeight() - y));
        ImageIO.write(part, "png", target.toFile());
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      driver.manage().window().setSize(before);
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      DemoApplication.deleteTree(profile);
    }
  }
}
