package org.studysupport.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.studysupport.config.StudySupportProperties;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Maps a verified bearer token to the same user shape as the demo users: user id, role, hospital. */
public class BearerTokenUsers implements Converter<Jwt, AbstractAuthenticationToken> {

    private final StudySupportProperties.Jwt claims;

    public BearerTokenUsers(StudySupportProperties.Jwt claims) {
        this.claims = claims;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt token) {
        String user = token.getClaimAsString(claims.userClaim());
        return new JwtAuthenticationToken(token, authorities(token.getClaims()),
                user == null || user.isBlank() ? token.getSubject() : user);
    }

    /** The role and hospital authorities the configured claims give; the same for a signed-in page user. */
    List<GrantedAuthority> authorities(Map<String, Object> claimValues) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        for (String role : roles(claimValues.get(claims.roleClaim()))) {
            authorities.add(new SimpleGrantedAuthority(CurrentActor.ROLE_PREFIX + role.toUpperCase(Locale.ROOT)));
        }
        Object hospital = claimValues.get(claims.hospitalClaim());
        if (hospital != null && !String.valueOf(hospital).isBlank()) {
            authorities.add(new SimpleGrantedAuthority(CurrentActor.HOSPITAL_PREFIX + hospital));
        }
        return authorities;
    }

    private static List<String> roles(Object claim) {
        if (claim instanceof String single) {
            return List.of(single);
        }
        if (claim instanceof Collection<?> many) {
            return many.stream().map(String::valueOf).toList();
        }
        return List.of();
    }
}
