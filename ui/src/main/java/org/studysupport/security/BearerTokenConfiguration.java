package org.studysupport.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.security.oauth2.resource.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.util.StringUtils;
import org.studysupport.config.StudySupportProperties;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How bearer tokens are verified, from Spring's own {@code spring.security.oauth2.resourceserver.jwt.*}
 * settings (issuer, key set, public key, signature algorithms, audiences). In place of Spring Boot's
 * verifier, which answers 500 to every token while the issuer cannot be reached: here a token that
 * fails is refused (401) and an issuer out of reach is a 503 that recovers by itself
 * ({@link TokenIssuer}, {@link TokenVerifier}). Every token's lifetime is checked, its issuer when
 * one is named, and its audience when audiences are named.
 */
@Configuration(proxyBeanMethods = false)
public class BearerTokenConfiguration {

    @Bean
    @Conditional(TokenSettings.RemoteKeys.class)
    TokenIssuer tokenIssuer(OAuth2ResourceServerProperties resourceServer, StudySupportProperties properties,
                            Clock clock) {
        OAuth2ResourceServerProperties.Jwt jwt = resourceServer.getJwt();
        StudySupportProperties.Jwt settings = properties.security().jwt();
        return new TokenIssuer(textOrNull(jwt.getIssuerUri()), textOrNull(jwt.getJwkSetUri()),
                settings.issuerTimeout(), settings.issuerRetry(), clock);
    }

    @Bean
    @Conditional(TokenSettings.RemoteKeys.class)
    TokenIssuerHealthIndicator tokenIssuerHealthIndicator(TokenIssuer issuer) {
        return new TokenIssuerHealthIndicator(issuer);
    }

    @Bean
    @Conditional(TokenSettings.AnyVerifier.class)
    JwtDecoder jwtDecoder(OAuth2ResourceServerProperties resourceServer, ObjectProvider<TokenIssuer> issuers) {
        OAuth2ResourceServerProperties.Jwt jwt = resourceServer.getJwt();
        TokenIssuer issuer = issuers.getIfAvailable();
        NimbusJwtDecoder decoder = issuer != null ? fromIssuer(issuer, jwt) : fromPublicKey(jwt);
        decoder.setJwtValidator(validators(jwt));
        return new TokenVerifier(decoder, issuer);
    }

    private static NimbusJwtDecoder fromIssuer(TokenIssuer issuer, OAuth2ResourceServerProperties.Jwt jwt) {
        Set<JWSAlgorithm> algorithms = new LinkedHashSet<>();
        for (String name : jwt.getJwsAlgorithms()) {
            algorithms.add(JWSAlgorithm.parse(name));
        }
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(algorithms, issuer));
        // the claims are checked by the validators below, as Spring's own verifier does
        processor.setJWTClaimsSetVerifier((claims, context) -> {
        });
        return new NimbusJwtDecoder(processor);
    }

    private static NimbusJwtDecoder fromPublicKey(OAuth2ResourceServerProperties.Jwt jwt) {
        NimbusJwtDecoder.PublicKeyJwtDecoderBuilder builder = NimbusJwtDecoder.withPublicKey(publicKey(jwt.getPublicKeyLocation()));
        if (!jwt.getJwsAlgorithms().isEmpty()) {
            builder.signatureAlgorithm(SignatureAlgorithm.from(jwt.getJwsAlgorithms().get(0)));
        }
        return builder.build();
    }

    private static OAuth2TokenValidator<Jwt> validators(OAuth2ResourceServerProperties.Jwt jwt) {
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(new JwtTimestampValidator());
        if (StringUtils.hasText(jwt.getIssuerUri())) {
            validators.add(new JwtIssuerValidator(jwt.getIssuerUri()));
        }
        if (!jwt.getAudiences().isEmpty()) {
            List<String> audiences = List.copyOf(jwt.getAudiences());
            validators.add(new JwtClaimValidator<Collection<String>>(JwtClaimNames.AUD,
                    aud -> aud != null && aud.stream().anyMatch(audiences::contains)));
        }
        return new DelegatingOAuth2TokenValidator<>(validators);
    }

    private static RSAPublicKey publicKey(Resource location) {
        try (InputStream in = location.getInputStream()) {
            return RsaKeyConverters.x509().convert(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the token verification key at " + location, e);
        }
    }

    private static String textOrNull(String value) {
        return StringUtils.hasText(value) ? value : null;
    }
}
