package org.studysupport.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.studysupport.api.security.Actor;
import org.studysupport.api.security.Role;
import org.studysupport.config.StudySupportProperties;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A user signed in to the pages with OpenID Connect is the same actor a bearer token with the same claims is. */
class OpenIdUsersTest {

    private static final StudySupportProperties.Jwt CLAIMS = new StudySupportProperties.Jwt("preferred_username",
            "roles", "hospital", 10, Duration.ofMinutes(5), Duration.ofSeconds(5), Duration.ofSeconds(10));

    private final OpenIdUsers users = new OpenIdUsers(new BearerTokenUsers(CLAIMS));

    @Test
    void hospitalStaffSignedInToThePagesActForTheirHospital() {
        Actor actor = signIn(Map.of("preferred_username", "ola@ous", "roles", List.of("hospital"), "hospital", "OUS"));

        assertThat(actor).isEqualTo(new Actor("ola@ous", Role.HOSPITAL, "OUS"));
    }

    @Test
    void theProvidersOwnAuthoritiesGiveNoRole() {
        OidcIdToken token = idToken(Map.of("preferred_username", "someone"));
        Collection<? extends GrantedAuthority> mapped = users.mapAuthorities(List.of(
                new OidcUserAuthority(token), new SimpleGrantedAuthority("SCOPE_openid")));

        assertThat(mapped).isEmpty();
    }

    private Actor signIn(Map<String, Object> claims) {
        OidcIdToken token = idToken(claims);
        Collection<GrantedAuthority> authorities = new ArrayList<>(users.mapAuthorities(List.of(new OidcUserAuthority(token))));
        DefaultOidcUser user = new DefaultOidcUser(authorities, token, "preferred_username");
        return CurrentActor.from(new OAuth2AuthenticationToken(user, authorities, "network-login")).orElseThrow();
    }

    private static OidcIdToken idToken(Map<String, Object> claims) {
        OidcIdToken.Builder token = OidcIdToken.withTokenValue("id-token").subject("subject-1")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(300));
        claims.forEach(token::claim);
        return token.build();
    }
}
