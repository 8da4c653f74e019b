package org.studysupport.web;

import org.springframework.util.AntPathMatcher;

import java.util.List;

/**
 * Which paths are the HTTP API and what serves it (the stateless API filter chain, JSON problem
 * answers), and which are web pages (the pages' chain with its session, HTML error pages): every
 * path not listed here is a page.
 */
public final class ApiPaths {

    /** The API's path patterns, as the API's security chain matches them. */
    public static final List<String> PATTERNS = List.of("/api/**", "/actuator/**", "/v3/api-docs/**",
            "/v3/api-docs.yaml", "/swagger-ui/**", "/swagger-ui.html", "/error");

    private static final AntPathMatcher MATCHER = new AntPathMatcher();

    private ApiPaths() {
    }

    public static boolean isApi(String path) {
        return PATTERNS.stream().anyMatch(pattern -> MATCHER.match(pattern, path));
    }

    public static boolean isPage(String path) {
        return !isApi(path);
    }
}
