package org.studysupport.security;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.studysupport.api.security.Role;

import java.util.ArrayList;
import java.util.List;

/** The demo users of the API contract, all with the password {@code demo}. Embedded default only. */
public final class DemoUsers {

    public static final String PASSWORD = "demo";

    private DemoUsers() {
    }

    public static List<UserDetails> all() {
        List<UserDetails> users = new ArrayList<>();
        users.add(user("investigator1", Role.INVESTIGATOR, null));
        users.add(user("investigator2", Role.INVESTIGATOR, null));
        users.add(user("coordinator", Role.COORDINATOR, null));
        users.add(user("ous-staff", Role.HOSPITAL, "OUS"));
        users.add(user("hus-staff", Role.HOSPITAL, "HUS"));
        users.add(user("auditor", Role.AUDITOR, null));
        users.add(user("admin", Role.ADMIN, null));
        return users;
    }

    private static UserDetails user(String name, Role role, String hospital) {
        List<String> authorities = new ArrayList<>();
        authorities.add(CurrentActor.ROLE_PREFIX + role.name());
        if (hospital != null) {
            authorities.add(CurrentActor.HOSPITAL_PREFIX + hospital);
        }
        // The demo password is public knowledge; hashing it would only cost CPU on every request.
        return User.withUsername(name).password("{noop}" + PASSWORD)
                .authorities(authorities.toArray(String[]::new)).build();
    }
}
