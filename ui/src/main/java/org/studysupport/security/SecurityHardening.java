package org.studysupport.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.ApplicationContext;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;

/**
 * What the API's and the pages' filter chains add against abuse, applied with one call in
 * {@link SecurityConfiguration}: the security headers of every answer ({@link SecurityHeaders}) and
 * the limit on failed sign-ins ({@link SignInLimit}), checked before the sign-in form or HTTP Basic
 * checks a password.
 */
public final class SecurityHardening extends AbstractHttpConfigurer<SecurityHardening, HttpSecurity> {

    @Override
    public void init(HttpSecurity http) throws Exception {
        http.headers(headers -> {
            headers.defaultsDisabled();
            SecurityHeaders.writers().forEach(headers::addHeaderWriter);
        });
    }

    @Override
    public void configure(HttpSecurity http) {
        ApplicationContext context = http.getSharedObject(ApplicationContext.class);
        http.addFilterBefore(new SignInLimitFilter(context.getBean(SignInLimit.class),
                context.getBean(ObjectMapper.class)), UsernamePasswordAuthenticationFilter.class);
    }
}
