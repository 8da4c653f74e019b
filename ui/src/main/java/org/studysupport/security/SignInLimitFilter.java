package org.studysupport.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.www.BasicAuthenticationConverter;
import org.springframework.web.filter.OncePerRequestFilter;
import org.studysupport.web.Problems;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * Refuses a sign-in whose user name or client address has used up its failed sign-ins
 * ({@link SignInLimit}), before the password is checked, so that guessing on cannot tell a right
 * password from a wrong one: an HTTP Basic sign-in gets 429 problem details, the pages' sign-in form
 * ({@code POST /login}) is sent back to the form, which says why. Other requests pass untouched.
 */
final class SignInLimitFilter extends OncePerRequestFilter {

    private final BasicAuthenticationConverter credentials = new BasicAuthenticationConverter();
    private final SignInLimit limit;
    private final ObjectMapper objectMapper;

    SignInLimitFilter(SignInLimit limit, ObjectMapper objectMapper) {
        this.limit = limit;
        this.objectMapper = objectMapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Duration> wait = userName(request).flatMap(user -> limit.waitBefore(user, request.getRemoteAddr()));
        if (wait.isPresent()) {
            if (isSignInForm(request)) {
                response.sendRedirect(request.getContextPath() + "/login?limited");
            } else {
                refuse(response, wait.get());
            }
            return;
        }
        chain.doFilter(request, response);
    }

    private Optional<String> userName(HttpServletRequest request) {
        if (isSignInForm(request)) {
            return Optional.ofNullable(request.getParameter("username"));
        }
        try {
            UsernamePasswordAuthenticationToken signIn = credentials.convert(request);
            return signIn == null ? Optional.empty() : Optional.of(signIn.getName());
        } catch (AuthenticationException | IllegalArgumentException malformed) {
            // the Basic filter refuses malformed credentials itself (401)
            return Optional.empty();
        }
    }

    private static boolean isSignInForm(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && "/login".equals(request.getServletPath());
    }

    private void refuse(HttpServletResponse response, Duration wait) throws IOException {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        ProblemDetail problem = Problems.of(HttpStatus.TOO_MANY_REQUESTS, "too-many-sign-ins",
                "Too many failed sign-ins", "Too many failed sign-ins for this user or from this address;"
                        + " try again in " + seconds + " s.");
        response.setStatus(problem.getStatus());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        objectMapper.writeValue(response.getOutputStream(), problem);
    }
}
