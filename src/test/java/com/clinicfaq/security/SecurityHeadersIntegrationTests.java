package com.clinicfaq.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every page carries the headers that keep it from being framed, sniffed or made to run foreign script. HSTS goes
 * with requests that came over TLS through the reverse proxy named in {@code server.tomcat.remoteip.internal-proxies}
 * (here 127.0.0.9, as in TrustedProxyIntegrationTests), never because some other client says so.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "server.tomcat.remoteip.internal-proxies=127.0.0.9/32")
class SecurityHeadersIntegrationTests {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private final HttpClient proxy =
            HttpClient.newBuilder().localAddress(loopback("127.0.0.9")).build();

    @ParameterizedTest
    @ValueSource(strings = {"/", "/login", "/staff/handoffs", "/widget/clinicfaq-widget.js"})
    void sendsContentSecurityAndFramingHeadersButNoHstsOverPlainHttp(String path) throws Exception {
        HttpResponse<Void> response = http.send(get(path).build(), BodyHandlers.discarding());

        assertThat(response.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp)
                        .contains("frame-ancestors 'none'", "script-src 'self'", "object-src 'none'")
                        .doesNotContain("unsafe-eval")
                        .doesNotContainPattern("script-src[^;]*unsafe-inline"));
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/login"})
    void sendsHstsWhenTheRequestCameOverTlsThroughTheProxy(String path) throws Exception {
        HttpResponse<Void> response = proxy.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("X-Forwarded-Proto", "https")
                        .header("X-Forwarded-For", "198.51.100.1")
                        .build(),
                BodyHandlers.discarding());

        assertThat(response.headers().firstValue("Strict-Transport-Security"))
                .hasValueSatisfying(hsts -> assertThat(hsts).contains("max-age="));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/login"})
    void believesNoXForwardedProtoFromAClientThatIsNotTheProxy(String path) throws Exception {
        HttpResponse<Void> response =
                http.send(get(path).header("X-Forwarded-Proto", "https").build(), BodyHandlers.discarding());

        assertThat(response.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"/staff/handoffs/%s", "/staff/handoffs/%s/transcript.txt", "/staff/knowledge", "/staff/analytics"
            })
    void givesAVisitorWhoGuessesAStaffAddressNothingButTheLoginPage(String path) throws Exception {
        HttpResponse<String> response =
                http.send(get(path.formatted(UUID.randomUUID())).build(), BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        assertThat(response.body()).isEmpty();
    }

    private static java.net.InetAddress loopback(String address) {
        try {
            return java.net.InetAddress.getByName(address);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }
}
