package org.studysupport.support;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of most HTTP integration tests: all subclasses share one application context and one
 * database, so each test works on requests it submits itself.
 */
public abstract class PostgresApiTest extends ApiTest {

    private static final String DATABASE_URL = EmbeddedDatabase.newDatabase();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        EmbeddedDatabase.registerApplicationOn(registry, DATABASE_URL);
    }
}
