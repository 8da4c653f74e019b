package org.studysupport.security;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.studysupport.support.Api;
import org.studysupport.support.PostgresApiTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing in as a demo user costs no password hash: the stored password stays as configured
 * ({@code {noop}}), so no request ever pays a bcrypt check.
 */
class DemoUserSignInTest extends PostgresApiTest {

    @Autowired
    UserDetailsService users;

    @Test
    void signingInDoesNotReencodeTheDemoPasswords() {
        for (int i = 0; i < 3; i++) {
            assertThat(as("coordinator").get("/api/services").status()).isEqualTo(200);
            assertThat(as("ous-staff").get("/api/hospitals").status()).isEqualTo(200);
        }

        assertThat(users).isNotInstanceOf(UserDetailsPasswordService.class);
        assertThat(users.loadUserByUsername("coordinator").getPassword()).isEqualTo("{noop}demo");
        assertThat(users.loadUserByUsername("ous-staff").getPassword()).isEqualTo("{noop}demo");
    }

    @Test
    void aWrongPasswordIsStillRefused() {
        assertThat(Api.at(port, "coordinator", "not-demo").get("/api/services").status()).isEqualTo(401);
    }
}
