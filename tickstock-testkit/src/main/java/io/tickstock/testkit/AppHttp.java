package io.tickstock.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** A client of the dashboard app's HTTP side on 127.0.0.1 (the bench harness and the tests): login, GET and POST. Thread-safe. */
public final class AppHttp {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private AppHttp() {}

    /** {@code POST /login} with the form fields; the raw answer (303 and {@code Set-Cookie} when the login worked). */
    public static HttpResponse<String> postLogin(int port, String user, String password)
            throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "username=" + form(user) + "&password=" + form(password)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Logs in; returns the {@code name=value} session cookie, or empty when the login failed. */
    public static Optional<String> login(int port, String user, String password)
            throws IOException, InterruptedException {
        return postLogin(port, user, password)
                .headers()
                .firstValue("Set-Cookie")
                .map(c -> c.substring(0, c.indexOf(';')));
    }

    /** {@code POST path} without a body, with the session cookie. */
    public static HttpResponse<String> post(int port, String path, String cookie)
            throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Cookie", cookie)
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** {@code GET path} with the session cookie (none when null). */
    public static HttpResponse<String> get(int port, String path, @Nullable String cookie)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (cookie != null) b.header("Cookie", cookie);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
