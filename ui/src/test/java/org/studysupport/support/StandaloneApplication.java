package org.studysupport.support;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.studysupport.StudySupportApplication;

import java.util.ArrayList;
import java.util.List;

/**
 * The whole application started outside the test context cache, on a given PostgreSQL database, for
 * tests that stop and start it: demo users on, demo data off, a random port.
 */
public final class StandaloneApplication {

    private StandaloneApplication() {
    }

    /** @param settings further settings as {@code name=value} */
    public static ConfigurableApplicationContext start(String databaseUrl, String... settings) {
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.datasource.url=" + databaseUrl,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres",
                "--study-support.security.demo-users=true",
                "--study-support.demo-data.enabled=false",
                "--study-support.data-dir=" + EmbeddedDatabase.dataDirectory(),
                "--server.port=0"));
        for (String setting : settings) {
            arguments.add("--" + setting);
        }
        return new SpringApplicationBuilder(StudySupportApplication.class)
                .profiles("postgres")
                .run(arguments.toArray(String[]::new));
    }

    public static int port(ConfigurableApplicationContext application) {
        return ((ServletWebServerApplicationContext) application).getWebServer().getPort();
    }
}
