package org.studysupport.security;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.core.user.OAuth2UserAuthority;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Gives a user who signed in to the web pages with OpenID Connect the same role and hospital
 * authorities a bearer token with the same claims gives (ID token and user info claims), and
 * nothing else: {@link CurrentActor} then sees the same user either way.
 */
final class OpenIdUsers implements GrantedAuthoritiesMapper {

    private final BearerTokenUsers claims;

    OpenIdUsers(BearerTokenUsers claims) {
        this.claims = claims;
    }

    @Override
    public Collection<? extends GrantedAuthority> mapAuthorities(Collection<? extends GrantedAuthority> granted) {
        List<GrantedAuthority> mapped = new ArrayList<>();
        for (GrantedAuthority authority : granted) {
            // an OidcUserAuthority is one too; its attributes are the ID token's and user info's claims
            if (authority instanceof OAuth2UserAuthority user) {
                mapped.addAll(claims.authorities(user.getAttributes()));
            }
        }
        return mapped;
    }
}
