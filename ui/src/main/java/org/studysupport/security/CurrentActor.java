package org.studysupport.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.studysupport.api.problem.NotPermittedException;
import org.studysupport.api.security.Actor;
import org.studysupport.api.security.Role;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The signed-in user as an {@link Actor}. A user carries one authority {@code ROLE_<role>} and, for
 * hospital staff, one {@code HOSPITAL_<code>}; every way of signing in maps its users to that shape.
 */
public final class CurrentActor {

    public static final String ROLE_PREFIX = "ROLE_";
    public static final String HOSPITAL_PREFIX = "HOSPITAL_";

    private CurrentActor() {
    }

    public static Optional<Actor> find() {
        return Optional.ofNullable(SecurityContextHolder.getContext().getAuthentication())
                .filter(Authentication::isAuthenticated)
                .flatMap(CurrentActor::from);
    }

    public static Actor get() {
        return find().orElseThrow(() -> new NotPermittedException("No signed-in user with a known role."));
    }

    /** Empty unless the user has exactly one known role (and, as hospital staff, a hospital). */
    public static Optional<Actor> from(Authentication authentication) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        String hospital = null;
        for (GrantedAuthority granted : authentication.getAuthorities()) {
            String authority = granted.getAuthority();
            if (authority.startsWith(ROLE_PREFIX)) {
                knownRole(authority.substring(ROLE_PREFIX.length())).ifPresent(roles::add);
            } else if (authority.startsWith(HOSPITAL_PREFIX)) {
                hospital = authority.substring(HOSPITAL_PREFIX.length());
            }
        }
        if (roles.size() != 1) {
            // none, or several: which one acts would be a guess
            return Optional.empty();
        }
        Role role = roles.iterator().next();
        if (role == Role.HOSPITAL && hospital == null) {
            return Optional.empty();
        }
        return Optional.of(new Actor(authentication.getName(), role, role == Role.HOSPITAL ? hospital : null));
    }

    private static Optional<Role> knownRole(String name) {
        try {
            return Optional.of(Role.valueOf(name));
        } catch (IllegalArgumentException notOurs) {
            // an authority of another system
            return Optional.empty();
        }
    }
}
