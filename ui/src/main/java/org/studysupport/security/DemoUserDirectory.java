package org.studysupport.security;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A fixed set of users, read-only. Each lookup answers a fresh copy, because Spring Security erases
 * the password of the user it authenticated.
 */
final class DemoUserDirectory implements UserDetailsService {

    private final Map<String, UserDetails> users;

    DemoUserDirectory(List<UserDetails> users) {
        this.users = users.stream().collect(Collectors.toUnmodifiableMap(UserDetails::getUsername, Function.identity()));
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        UserDetails user = users.get(username);
        if (user == null) {
            throw new UsernameNotFoundException("No user " + username);
        }
        return User.withUserDetails(user).build();
    }
}
