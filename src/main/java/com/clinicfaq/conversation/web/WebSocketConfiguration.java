package com.clinicfaq.conversation.web;

import com.clinicfaq.conversation.ChatProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.security.Principal;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.socket.WebSocketExtension;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;
import org.springframework.web.socket.server.standard.StandardWebSocketUpgradeStrategy;
import org.springframework.web.socket.server.support.DefaultHandshakeHandler;

@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class WebSocketConfiguration implements WebSocketConfigurer {

    static final String PATH = "/ws/chat";

    private final ChatWebSocketHandler handler;
    private final ChatProperties properties;

    WebSocketConfiguration(ChatWebSocketHandler handler, ChatProperties properties) {
        this.handler = handler;
        this.properties = properties;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(handler, PATH)
                .setHandshakeHandler(new UncompressedHandshakeHandler())
                .addInterceptors(new OriginSyntax()) // runs before the origin check, which fails on a malformed Origin
                .setAllowedOriginPatterns(properties.allowedOrigins().toArray(String[]::new));
    }

    /**
     * Accepts no extension, so no permessage-deflate (RFC 7692), which browsers offer by default: chat frames
     * are a few hundred bytes, too small to gain from compression, while each compressed connection holds a
     * zlib compressor and decompressor, about 300 KB of native memory, and compresses every frame it sends.
     * Tomcat negotiates the extensions it has built in whatever Spring selects, so it is not shown the offer.
     */
    static final class UncompressedHandshakeHandler extends DefaultHandshakeHandler {

        UncompressedHandshakeHandler() {
            super(new StandardWebSocketUpgradeStrategy() {
                @Override
                public List<WebSocketExtension> getSupportedExtensions(ServerHttpRequest request) {
                    return List.of();
                }

                @Override
                public void upgrade(
                        ServerHttpRequest request,
                        ServerHttpResponse response,
                        String protocol,
                        List<WebSocketExtension> extensions,
                        Principal user,
                        WebSocketHandler handler,
                        Map<String, Object> attributes) {
                    HttpServletRequest servlet = getHttpServletRequest(request);
                    super.upgrade(
                            new ServletServerHttpRequest(new WithoutExtensions(servlet)),
                            response,
                            protocol,
                            List.of(),
                            user,
                            handler,
                            attributes);
                }
            });
        }
    }

    /** The request without its {@code Sec-WebSocket-Extensions} header. */
    private static final class WithoutExtensions extends HttpServletRequestWrapper {

        private static final String EXTENSIONS = "Sec-WebSocket-Extensions";

        WithoutExtensions(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getHeader(String name) {
            return EXTENSIONS.equalsIgnoreCase(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return EXTENSIONS.equalsIgnoreCase(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            return Collections.enumeration(Collections.list(super.getHeaderNames()).stream()
                    .filter(name -> !EXTENSIONS.equalsIgnoreCase(name))
                    .toList());
        }
    }

    /** Frames arrive in pieces of at most this size; the handler refuses a frame over 16 KB in all. */
    @Bean
    ServletServerContainerFactoryBean webSocketContainer() {
        ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
        container.setMaxTextMessageBufferSize(8 * 1024);
        container.setMaxBinaryMessageBufferSize(8 * 1024);
        return container;
    }
}
