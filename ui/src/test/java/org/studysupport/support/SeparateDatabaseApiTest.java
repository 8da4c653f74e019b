package org.studysupport.support;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the HTTP tests that need figures nobody else's data disturbs: a second application
 * context on its own PostgreSQL database, shared by all subclasses. Its stream heartbeat is one
 * second, and of the partner hospitals UNN does not accept requests (otherwise the hospitals are
 * those of application.yml). Each subclass closes the context when done, while the database server
 * still runs: a second context left open until the JVM exits slows the exit past what the build waits.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("postgres")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public abstract class SeparateDatabaseApiTest {

    private static final String DATABASE_URL = EmbeddedDatabase.newDatabase();

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        EmbeddedDatabase.registerApplicationOn(registry, DATABASE_URL);
        registry.add("study-support.live-updates.heartbeat", () -> "1s");
        // Tests here build histories weeks in the past, whose clocks' deadlines are long due: the
        // scheduler polls once at startup and then not while they run, so no deadline races their
        // commands (each command still records what fell due before it, as a late deadline would).
        registry.add("db-scheduler.polling-interval", () -> "1h");
        // A list is replaced as a whole when overridden, so every hospital is given again.
        hospital(registry, 0, "OUS", "Oslo University Hospital", true, "METHODOLOGY,BIOSTATISTICS,REGULATORY,"
                + "DATA_MANAGEMENT,MONITORING,PHARMACOVIGILANCE,PROJECT_MANAGEMENT,STUDY_NURSES,BIOBANK,"
                + "HEALTH_ECONOMICS,PATIENT_INVOLVEMENT,CONTRACTS_FUNDING,GCP_TRAINING");
        hospital(registry, 1, "AHUS", "Akershus University Hospital", true,
                "METHODOLOGY,BIOSTATISTICS,MONITORING,STUDY_NURSES,PATIENT_INVOLVEMENT,GCP_TRAINING");
        hospital(registry, 2, "HUS", "Haukeland University Hospital, Bergen", true, "METHODOLOGY,BIOSTATISTICS,"
                + "REGULATORY,DATA_MANAGEMENT,MONITORING,PHARMACOVIGILANCE,BIOBANK,HEALTH_ECONOMICS,CONTRACTS_FUNDING");
        hospital(registry, 3, "SUS", "Stavanger University Hospital", true,
                "DATA_MANAGEMENT,MONITORING,STUDY_NURSES,PROJECT_MANAGEMENT,GCP_TRAINING");
        hospital(registry, 4, "STO", "St. Olavs Hospital, Trondheim", true, "METHODOLOGY,BIOSTATISTICS,REGULATORY,"
                + "PHARMACOVIGILANCE,PROJECT_MANAGEMENT,BIOBANK,HEALTH_ECONOMICS,PATIENT_INVOLVEMENT,CONTRACTS_FUNDING");
        hospital(registry, 5, "UNN", "University Hospital of North Norway, Tromsø", false,
                "REGULATORY,DATA_MANAGEMENT,MONITORING,STUDY_NURSES,PROJECT_MANAGEMENT,GCP_TRAINING");
    }

    private static void hospital(DynamicPropertyRegistry registry, int index, String code, String name,
                                 boolean accepting, String services) {
        String prefix = "study-support.hospitals[" + index + "].";
        registry.add(prefix + "code", () -> code);
        registry.add(prefix + "name", () -> name);
        registry.add(prefix + "accepting-requests", () -> Boolean.toString(accepting));
        registry.add(prefix + "services", () -> services);
    }

    protected Api as(String user) {
        return Api.at(port, user);
    }

    protected Workflow workflow() {
        return new Workflow(port);
    }
}
