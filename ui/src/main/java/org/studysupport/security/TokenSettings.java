package org.studysupport.security;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Which way of verifying bearer tokens Spring's {@code spring.security.oauth2.resourceserver.jwt.*}
 * settings name. The key set's address wins over a public key, and a public key over the issuer's
 * metadata; the issuer, when named, is checked in every token either way.
 */
final class TokenSettings {

    static final String PREFIX = "spring.security.oauth2.resourceserver.jwt.";
    static final String ISSUER = PREFIX + "issuer-uri";
    static final String KEY_SET = PREFIX + "jwk-set-uri";
    static final String PUBLIC_KEY = PREFIX + "public-key-location";

    private TokenSettings() {
    }

    static boolean anyVerifier(Environment environment) {
        return named(environment, ISSUER) || named(environment, KEY_SET) || named(environment, PUBLIC_KEY);
    }

    /** Whether the keys come from the identity provider over the network (not from a local key). */
    static boolean remoteKeys(Environment environment) {
        return named(environment, KEY_SET) || (named(environment, ISSUER) && !named(environment, PUBLIC_KEY));
    }

    static boolean named(Environment environment, String property) {
        return StringUtils.hasText(environment.getProperty(property));
    }

    /** Matches when an issuer, key set or public key is configured. */
    static final class AnyVerifier implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return anyVerifier(context.getEnvironment());
        }
    }

    /** Matches when the keys are fetched from the identity provider. */
    static final class RemoteKeys implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return remoteKeys(context.getEnvironment());
        }
    }
}
