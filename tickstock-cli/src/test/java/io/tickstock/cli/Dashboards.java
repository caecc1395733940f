package io.tickstock.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tickstock.testkit.AppHttp;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Test helpers for the app over HTTP and in Debian's Chromium (headless, through chromedriver). */
final class Dashboards {
    private Dashboards() {}

    /** Logs in as admin through the form; @return the {@code name=value} session cookie (HttpOnly, SameSite=Strict) */
    static String login(int port, String password) throws Exception {
        HttpResponse<String> r = AppHttp.postLogin(port, "admin", password);
        assertThat(r.statusCode()).isEqualTo(303);
        String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).contains("HttpOnly").contains("SameSite=Strict");
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    /** Logs in as {@code user}; returns the session cookie, or null when the login failed. */
    static String loginAs(int port, String user, String password) throws Exception {
        return AppHttp.login(port, user, password).orElse(null);
    }

    static HttpResponse<String> get(int port, String path, String cookie) throws Exception {
        return AppHttp.get(port, path, cookie);
    }

    /** Opens {@code /streaming/}, is sent to the login page, signs in as admin and waits for the live connection. */
    static ChromeDriver open(int port, String password, Path tmp) throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(Path.of("/usr/bin/chromium").toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1400,1000",
                "--user-data-dir=" + Files.createTempDirectory(tmp, "chrome"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.get("http://127.0.0.1:" + port + "/streaming/");
        assertThat(driver.getCurrentUrl()).endsWith("/login");
        driver.findElement(By.id("username")).sendKeys("admin");
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("login-submit")).click();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> driver.getCurrentUrl().endsWith("/streaming/"));
        await().atMost(Duration.ofSeconds(10))
                .ignoreExceptions()
                .until(() ->
                        driver.findElement(By.id("connection-state")).getText().equals("live"));
        return driver;
    }
}
