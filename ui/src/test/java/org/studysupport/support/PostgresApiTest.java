package org.studysupport.support;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the HTTP integration tests: the whole application on a real PostgreSQL, called over HTTP
 * as the demo users. All subclasses share one application context and one database, so each test
 * works on requests it submits itself.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("postgres")
public abstract class PostgresApiTest {

    private static final String DATABASE_URL = EmbeddedDatabase.newDatabase();

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> DATABASE_URL);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
        registry.add("study-support.security.demo-users", () -> "true");
        registry.add("study-support.demo-data.enabled", () -> "false");
    }

    protected Api as(String user) {
        return Api.at(port, user);
    }

    protected Api anonymous() {
        return Api.anonymous(port);
    }

    /** Submits a request as investigator1 and returns its id. */
    protected String submit(String title, String... services) {
        return submitAs("investigator1", title, services);
    }

    protected String submitAs(String investigator, String title, String... services) {
        Api.Answer answer = as(investigator).post("/api/requests", Api.submission(title, services));
        if (answer.status() != 201) {
            throw new AssertionError("submission failed: " + answer.status() + " " + answer.body());
        }
        return answer.text("id");
    }
}
