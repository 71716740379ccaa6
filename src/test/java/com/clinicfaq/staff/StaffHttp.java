package com.clinicfaq.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A staff member's browser, over plain HTTP: cookies, the login form and its CSRF token. */
public final class StaffHttp {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final int port;

    public StaffHttp(int port) {
        this.port = port;
    }

    public static HttpClient client() {
        return HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Submits the login form; returns where it redirects to. */
    public String logIn(HttpClient client, String username, String password) throws Exception {
        String csrf = csrf(
                client.send(get("/login"), HttpResponse.BodyHandlers.ofString()).body());
        HttpResponse<String> response = client.send(
                post("/login", "username=" + encode(username) + "&password=" + encode(password) + "&_csrf=" + csrf),
                HttpResponse.BodyHandlers.ofString());
        return response.headers().firstValue("Location").orElse("");
    }

    public HttpClient loggedIn(String username, String password) throws Exception {
        HttpClient client = client();
        assertThat(logIn(client, username, password)).doesNotContain("error");
        return client;
    }

    public HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .build();
    }

    /** A request with HTTP Basic credentials, as Prometheus scrapes. */
    public HttpRequest getWithBasic(String path, String username, String password) {
        String credentials = java.util.Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + credentials)
                .build();
    }

    public HttpRequest post(String path, String form) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
    }

    public static String csrf(String html) {
        Matcher matcher = CSRF.matcher(html);
        assertThat(matcher.find()).as("a CSRF token in the page").isTrue();
        return encode(matcher.group(1));
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
