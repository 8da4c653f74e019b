package org.studysupport.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.studysupport.config.StudySupportProperties;
import org.studysupport.web.ApiPaths;
import org.studysupport.web.Problems;
import org.studysupport.web.audit.AccessRecording;

import java.time.Clock;
import java.util.List;

/**
 * Who may call what. Users sign in with a bearer token (JWT) when a token issuer or key is
 * configured ({@link BearerTokenConfiguration}), and with HTTP Basic as the demo users when those
 * are switched on; the web pages have a chain of their own, after the API's. Roles are checked
 * here per path and method, with the role lists of the {@link org.studysupport.api.security.Action}
 * policy ({@link ActionPaths}); which request a caller may see is decided by the read side, and the
 * scope the policy names for commands (the owner, the hospital of an assignment) by the aggregate.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    /**
     * The HTTP API: stateless, each request signed in by its bearer token or (demo users) HTTP
     * Basic, every refusal a problem-details answer. Without the demo users there is no HTTP Basic
     * at all: Basic credentials are then no credentials.
     */
    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ObjectMapper objectMapper, ObjectProvider<JwtDecoder> jwtDecoder,
                            StudySupportProperties properties, Clock clock, AccessRecording access)
            throws Exception {
        JwtDecoder verifier = jwtDecoder.getIfAvailable();
        SignInAnswers answers = new SignInAnswers(objectMapper, verifier != null, properties.security().demoUsers());
        http.securityMatcher(ApiPaths.PATTERNS.toArray(String[]::new));
        if (verifier != null) {
            StudySupportProperties.Jwt settings = properties.security().jwt();
            JwtDecoder decoder = new VerifiedTokenCache(verifier, clock, settings.verifiedTokens(),
                    settings.verifiedFor());
            http.oauth2ResourceServer(tokens -> tokens
                    .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(new BearerTokenUsers(settings)))
                    .authenticationEntryPoint(answers::tokenRefused));
        }
        if (properties.security().demoUsers()) {
            http.httpBasic(basic -> basic.realmName("study-support").authenticationEntryPoint(answers::basicRefused));
        }
        http.with(new SecurityHardening(), Customizer.withDefaults());
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(answers::notSignedIn)
                        .accessDeniedHandler((request, response, e) -> {
                            access.refusedByRole(request);
                            answers.write(response, Problems.forbidden(ActionPaths.refusal(request)));
                        }))
                .authorizeHttpRequests(auth -> {
                    auth.requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info").permitAll()
                            .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui/**",
                                    "/swagger-ui.html").permitAll()
                            .requestMatchers("/error").permitAll();
                    ActionPaths.authorize(auth);
                    auth.requestMatchers(HttpMethod.GET, "/api/**").authenticated()
                            .requestMatchers("/api/**").denyAll()
                            .anyRequest().authenticated();
                });
        return http.build();
    }

    /** What the pages load before anyone signs in: the sign-in page itself and its styles and scripts. */
    static final String[] PUBLIC_PAGE_PATHS = {"/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico"};

    /**
     * The web pages (every path outside {@link ApiPaths#PATTERNS}): a session per signed-in user, CSRF
     * tokens on every form and every htmx request, sign-out at {@code /logout}. With an OpenID
     * Connect client registration configured ({@code spring.security.oauth2.client.registration.*},
     * production) a visitor who is not signed in is sent to the identity provider and comes back
     * with a session; without one (the embedded default) the sign-in form at {@code /login} checks
     * the demo users' passwords once and opens the session. Which page shows what, and which action
     * a user may take, is not decided here: the pages ask the same application services (and the
     * same {@link org.studysupport.api.security.Action} policy) as the API.
     */
    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, ObjectProvider<ClientRegistrationRepository> registrations,
                              StudySupportProperties properties) throws Exception {
        http.with(new SecurityHardening(), Customizer.withDefaults());
        // after signing in, back to the page asked for, under its own address (no "?continue")
        HttpSessionRequestCache pageAskedFor = new HttpSessionRequestCache();
        pageAskedFor.setMatchingRequestParameterName(null);
        http.requestCache(cache -> cache.requestCache(pageAskedFor))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut")
                        .deleteCookies("JSESSIONID"))
                .authorizeHttpRequests(auth -> auth.requestMatchers(PUBLIC_PAGE_PATHS).permitAll()
                        .anyRequest().authenticated());
        if (registrations.getIfAvailable() != null) {
            OpenIdUsers users = new OpenIdUsers(new BearerTokenUsers(properties.security().jwt()));
            http.oauth2Login(login -> login.userInfoEndpoint(info -> info.userAuthoritiesMapper(users)));
        } else {
            http.formLogin(form -> form.loginPage("/login").failureUrl("/login?error").defaultSuccessUrl("/"));
        }
        return http.build();
    }

    /**
     * The demo users, looked up by name. Deliberately not a {@code UserDetailsPasswordService} (as
     * Spring's in-memory manager is): Spring would then "upgrade" the {@code {noop}} passwords to
     * bcrypt at the first sign-in, and every request after it would pay a bcrypt check.
     */
    @Bean
    UserDetailsService users(StudySupportProperties properties) {
        return new DemoUserDirectory(properties.security().demoUsers() ? DemoUsers.all() : List.of());
    }
}
