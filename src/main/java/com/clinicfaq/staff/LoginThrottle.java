package com.clinicfaq.staff;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows password guessing: after {@value #ATTEMPTS} failed logins from one address, logins from it
 * are refused for {@link #PAUSE}, on the login form and with HTTP Basic (the metrics endpoint's)
 * alike. A successful login clears the count.
 */
@Component
class LoginThrottle extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    static final int ATTEMPTS = 5;
    static final Duration PAUSE = Duration.ofMinutes(15);

    private record Failures(int count, Instant blockedUntil) {}

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !isLoginForm(request) && !carriesBasicCredentials(request);
    }

    private static boolean isLoginForm(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && "/login".equals(request.getServletPath());
    }

    private static boolean carriesBasicCredentials(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Failures current = failures.get(request.getRemoteAddr());
        if (current != null && current.blockedUntil() != null && clock.instant().isBefore(current.blockedUntil())) {
            if (isLoginForm(request)) {
                response.sendRedirect(request.getContextPath() + "/login?error=blocked");
            } else {
                response.setStatus(429); // Too Many Requests
            }
            return;
        }
        chain.doFilter(request, response);
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        if (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details) {
            Failures now = failures.merge(
                    details.getRemoteAddress(),
                    new Failures(1, null),
                    (old, one) -> new Failures(old.count() + 1, null));
            if (now.count() >= ATTEMPTS) {
                failures.put(
                        details.getRemoteAddress(),
                        new Failures(0, clock.instant().plus(PAUSE)));
                log.warn("Logins refused for {} after {} failed attempts", PAUSE, ATTEMPTS);
            }
        }
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details) {
            failures.remove(details.getRemoteAddress());
        }
    }
}
