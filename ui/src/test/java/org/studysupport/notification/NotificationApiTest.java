package org.studysupport.notification;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.studysupport.support.Api;
import org.studysupport.support.EmbeddedDatabase;
import org.studysupport.support.Workflow;

/**
 * Base of the notification tests that share one application context: its own PostgreSQL database,
 * e-mail to the test JVM's GreenMail server, fast retries ({@link NotificationSettings}). Each test
 * works on requests of its own and tells its messages apart by the request's reference.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("postgres")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class NotificationApiTest {

    private static final String DATABASE_URL = EmbeddedDatabase.newDatabase();

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        EmbeddedDatabase.registerApplicationOn(registry, DATABASE_URL);
        NotificationSettings.settings().forEach((name, value) -> registry.add(name, () -> value));
    }

    protected Api as(String user) {
        return Api.at(port, user);
    }

    protected Workflow workflow() {
        return new Workflow(port);
    }
}
