package com.clinicfaq.conversation.web;

import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Refuses with 403 a chat handshake whose {@code Origin} header is not an origin at all (RFC 6454: a scheme, a
 * host and maybe a port, or {@code null}), such as {@code http://localhost:1.x}. Spring's origin check, which runs
 * next, parses the header as a URL and fails on such a value with an exception: an HTTP 500 and a stack trace in
 * the log for every request. Each refusal is logged in one line, without the value, which is whatever the client
 * sent.
 */
final class OriginSyntax implements HandshakeInterceptor {

    private static final Logger log = LoggerFactory.getLogger(OriginSyntax.class);

    @Override
    public boolean beforeHandshake(
            ServerHttpRequest request,
            ServerHttpResponse response,
            WebSocketHandler handler,
            Map<String, Object> attributes) {
        List<String> origins = request.getHeaders().getOrEmpty(HttpHeaders.ORIGIN);
        if (origins.isEmpty() || (origins.size() == 1 && isOrigin(origins.getFirst()))) {
            return true; // a client without an Origin is no browser; the origin check decides the rest
        }
        log.warn("Chat handshake refused with 403: its Origin header is not an origin");
        response.setStatusCode(HttpStatus.FORBIDDEN);
        return false;
    }

    @Override
    public void afterHandshake(
            ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler, Exception exception) {
        // nothing to do
    }

    /** Whether the value is a serialized origin, read with the parser Spring's origin check uses. */
    static boolean isOrigin(String value) {
        if (value.equals("null")) {
            return true;
        }
        try {
            UriComponents uri = UriComponentsBuilder.fromUriString(value).build();
            return uri.getScheme() != null
                    && uri.getHost() != null
                    && !uri.getHost().isEmpty()
                    && (uri.getPort() == -1 || (uri.getPort() > 0 && uri.getPort() <= 65535))
                    && uri.getUserInfo() == null
                    && (uri.getPath() == null || uri.getPath().isEmpty())
                    && uri.getQuery() == null
                    && uri.getFragment() == null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
