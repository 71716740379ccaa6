package com.clinicfaq.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicfaq.ApplicationTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What a browser fetches besides the chat (issue #17): the widget's script compressed for a browser that accepts
 * gzip, as practices' pages load it on every visit, and within its budget of 15 KB; a favicon, so that no page of
 * the service logs a 404 for it.
 */
@ApplicationTest
class StaticAssetsIntegrationTests {

    /** The widget's budget, gzipped (issue #17). */
    static final int WIDGET_GZIPPED_BUDGET = 15 * 1024;

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void servesTheWidgetScriptGzippedToABrowserThatAcceptsItWithinItsBudgetAndCacheable() throws Exception {
        HttpResponse<byte[]> plain = get("/widget/clinicfaq-widget.js", null);
        HttpResponse<byte[]> gzipped = get("/widget/clinicfaq-widget.js", "gzip, deflate, br");

        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(gzipped.statusCode()).isEqualTo(200);
        assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gzipped.headers().firstValue("Vary").orElse("")).containsIgnoringCase("Accept-Encoding");
        assertThat(gzipped.headers().firstValue("Cache-Control").orElse("")).contains("max-age=3600", "public");
        assertThat(gunzip(gzipped.body())).as("the same script, once unpacked").isEqualTo(plain.body());
        assertThat(gzipped.body().length)
                .isLessThan(plain.body().length / 2)
                .isLessThanOrEqualTo(WIDGET_GZIPPED_BUDGET);
    }

    @Test
    void servesAFavicon() throws Exception {
        HttpResponse<byte[]> icon = get("/favicon.ico", null);

        assertThat(icon.statusCode()).isEqualTo(200);
        assertThat(icon.headers().firstValue("Content-Type").orElse(""))
                .containsAnyOf("image/x-icon", "image/vnd.microsoft.icon");
        // an ICO file: reserved 0, type 1 (icon), at least one image
        assertThat(icon.body()).startsWith(0, 0, 1, 0);
        assertThat(icon.body()[4]).isPositive();
    }

    private HttpResponse<byte[]> get(String path, String acceptEncoding) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (acceptEncoding != null) {
            request.header("Accept-Encoding", acceptEncoding);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] gunzip(byte[] body) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        }
    }
}
