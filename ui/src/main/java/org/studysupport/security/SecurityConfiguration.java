package org.studysupport.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.studysupport.config.StudySupportProperties;
import org.studysupport.web.Problems;
import org.studysupport.web.audit.AccessRecording;

import java.io.IOException;
import java.time.Clock;
import java.util.List;

/**
 * Who may call what. Users sign in with a bearer token (JWT) when a token issuer or key is
 * configured, and with HTTP Basic as the demo users when those are switched on. Roles are checked
 * here per path and method; which request a caller may see is decided by the read side, and the
 * finer rules (the owner, the hospital of an assignment) by the aggregate.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    private static final String COORDINATOR = "COORDINATOR";
    private static final String HOSPITAL = "HOSPITAL";
    private static final String INVESTIGATOR = "INVESTIGATOR";

    @Bean
    SecurityFilterChain api(HttpSecurity http, ObjectMapper objectMapper, ObjectProvider<JwtDecoder> jwtDecoder,
                            StudySupportProperties properties, Clock clock, AccessRecording access)
            throws Exception {
        JwtDecoder verifier = jwtDecoder.getIfAvailable();
        if (verifier != null) {
            StudySupportProperties.Jwt settings = properties.security().jwt();
            JwtDecoder decoder = new VerifiedTokenCache(verifier, clock, settings.verifiedTokens(),
                    settings.verifiedFor());
            http.oauth2ResourceServer(tokens -> tokens
                    .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(new BearerTokenUsers(settings)))
                    .authenticationEntryPoint((request, response, e) -> {
                        response.setHeader("WWW-Authenticate", "Bearer");
                        write(response, objectMapper, Problems.unauthenticated());
                    }));
        }
        http.with(new SecurityHardening(), Customizer.withDefaults());
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.realmName("study-support")
                        .authenticationEntryPoint((request, response, e) -> {
                            response.setHeader("WWW-Authenticate", "Basic realm=\"study-support\"");
                            write(response, objectMapper, Problems.unauthenticated());
                        }))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> {
                            response.setHeader("WWW-Authenticate", "Basic realm=\"study-support\"");
                            write(response, objectMapper, Problems.unauthenticated());
                        })
                        .accessDeniedHandler((request, response, e) -> {
                            access.refusedByRole(request);
                            write(response, objectMapper, Problems.forbidden("Your role may not do this."));
                        }))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info").permitAll()
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers("/actuator/**").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.POST, "/api/requests").hasRole(INVESTIGATOR)
                        .requestMatchers(HttpMethod.POST, "/api/requests/*/clarifications/*/answer")
                        .hasRole(INVESTIGATOR)
                        .requestMatchers(HttpMethod.POST, "/api/requests/*/clarifications")
                        .hasAnyRole(COORDINATOR, HOSPITAL)
                        .requestMatchers(HttpMethod.POST, "/api/requests/*/assignments/*/acknowledge",
                                "/api/requests/*/assignments/*/decline", "/api/requests/*/assignments/*/complete")
                        .hasRole(HOSPITAL)
                        .requestMatchers(HttpMethod.POST, "/api/requests/*/accept", "/api/requests/*/reject",
                                "/api/requests/*/assignments", "/api/requests/*/assignments/*/reassign",
                                "/api/requests/*/assignments/*/cancel", "/api/requests/*/complete")
                        .hasRole(COORDINATOR)
                        .requestMatchers(HttpMethod.POST, "/api/requests/*/withdraw").hasRole(INVESTIGATOR)
                        .requestMatchers(HttpMethod.POST, "/api/requests/*/comments")
                        .hasAnyRole(INVESTIGATOR, COORDINATOR, HOSPITAL, "ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api/requests/*/history")
                        .hasAnyRole(INVESTIGATOR, COORDINATOR, "AUDITOR", "ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api/audit/**").hasAnyRole("AUDITOR", "ADMIN")
                        .requestMatchers("/api/admin/**").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api/**").authenticated()
                        .requestMatchers("/api/**").denyAll()
                        .anyRequest().authenticated());
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

    private static void write(HttpServletResponse response, ObjectMapper objectMapper, ProblemDetail problem)
            throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        objectMapper.writeValue(response.getOutputStream(), problem);
    }
}
