package com.clinicfaq.staff;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every console request of a logged-in staff member is checked against their account as it is now, in the database
 * that every instance shares (sessions live there too): a deactivated (or deleted) account's session ends at its next
 * request, which goes to the login page; roles an administrator changed apply from the next request; and an account
 * that must choose its own password (after a one-time password) is sent to {@value #PASSWORD_PAGE} from every other
 * console page. Runs in the console's security chain, before its URL authorisation; the console's stylesheets and
 * scripts are not checked.
 */
class AccountStandingFilter extends OncePerRequestFilter {

    static final String PASSWORD_PAGE = "/staff/password";

    private final StaffAccountService accounts;
    private final RequestMatcher console =
            PathPatternRequestMatcher.withDefaults().matcher("/staff/**");
    private final RequestMatcher passwordPage =
            PathPatternRequestMatcher.withDefaults().matcher(PASSWORD_PAGE);
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();
    private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();
    private final SecurityContextLogoutHandler logout = new SecurityContextLogoutHandler();

    AccountStandingFilter(StaffAccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !console.matches(request) || path.endsWith(".css") || path.endsWith(".js");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = contexts.getContext().getAuthentication();
        if (authentication == null
                || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            chain.doFilter(request, response);
            return;
        }
        Optional<StaffAccountService.Standing> standing = accounts.standing(authentication.getName());
        if (standing.isEmpty() || !standing.get().active()) {
            logout.logout(request, response, authentication);
            response.sendRedirect(request.getContextPath() + "/login?error=inactive");
            return;
        }
        if (!standing.get().authorities().equals(authorities(authentication))) {
            refresh(authentication, standing.get().authorities(), request, response);
        }
        if (standing.get().mustChangePassword() && !passwordPage.matches(request)) {
            response.sendRedirect(request.getContextPath() + PASSWORD_PAGE);
            return;
        }
        chain.doFilter(request, response);
    }

    private static Set<String> authorities(Authentication authentication) {
        return authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
    }

    /** The session's login with the account's roles as they are now, for this request and the next. */
    private void refresh(
            Authentication authentication,
            Set<String> authorities,
            HttpServletRequest request,
            HttpServletResponse response) {
        UsernamePasswordAuthenticationToken refreshed = UsernamePasswordAuthenticationToken.authenticated(
                authentication.getPrincipal(), null, AuthorityUtils.createAuthorityList(authorities));
        refreshed.setDetails(authentication.getDetails());
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(refreshed);
        contexts.setContext(context);
        sessions.saveContext(context, request, response);
    }
}
