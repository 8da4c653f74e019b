package org.studysupport.support;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.studysupport.StudySupportApplication;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The whole application started and stopped by a test itself, outside Spring's test context cache:
 * for tests that restart it on the same store. Always on a random port, with the demo users on.
 */
public final class RunningApplication implements AutoCloseable {

    /** One start at a time until its context is prepared (see {@link #start}). */
    private static final Semaphore PREPARING = new Semaphore(1);

    private final ConfigurableApplicationContext context;

    private RunningApplication(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** On the PostgreSQL database at {@code jdbcUrl} (profile {@code postgres}), without demo data. */
    public static RunningApplication onPostgres(String jdbcUrl, Map<String, Object> extraProperties) {
        return onPostgres(jdbcUrl, extraProperties, new Class<?>[0]);
    }

    /**
     * On the PostgreSQL database at {@code jdbcUrl} (profile {@code postgres}), without demo data
     * unless the properties switch it on, with further beans of the given classes (e.g. event handlers
     * that fail on purpose).
     */
    public static RunningApplication onPostgres(String jdbcUrl, Map<String, Object> extraProperties,
                                                Class<?>... beans) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", jdbcUrl);
        properties.put("spring.datasource.username", "postgres");
        properties.put("spring.datasource.password", "postgres");
        properties.put("study-support.demo-data.enabled", "false");
        properties.put("study-support.data-dir", EmbeddedDatabase.dataDirectory());
        properties.putAll(extraProperties);
        return start(properties, beans, "postgres");
    }

    /** On the embedded default: the H2 file database under {@code dataDir}. */
    public static RunningApplication onH2(Path dataDir, boolean demoData) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("study-support.data-dir", dataDir.toString());
        properties.put("study-support.demo-data.enabled", String.valueOf(demoData));
        return start(properties, new Class<?>[0]);
    }

    private static RunningApplication start(Map<String, Object> properties, Class<?>[] beans, String... profiles) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("server.port", "0");
        all.put("study-support.security.demo-users", "true");
        all.put("disable-axoniq-console-message", "true");
        all.putAll(properties);
        // Command-line style arguments outrank application.yml and the profile's file.
        String[] arguments = all.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        // Spring Boot sets up the JVM's one logging system at the start of each run, and two runs doing
        // it at once fail (a ConcurrentModificationException in Logback): nodes started together take
        // turns until their context is prepared, and run the rest of their start at the same time.
        AtomicBoolean turnGiven = new AtomicBoolean();
        Runnable giveTurn = () -> {
            if (turnGiven.compareAndSet(false, true)) {
                PREPARING.release();
            }
        };
        PREPARING.acquireUninterruptibly();
        try {
            ConfigurableApplicationContext context = new SpringApplicationBuilder(StudySupportApplication.class)
                    .profiles(profiles)
                    .initializers((GenericApplicationContext application) -> {
                        for (Class<?> bean : beans) {
                            application.registerBean(bean);
                        }
                    })
                    .listeners((ApplicationListener<ApplicationPreparedEvent>) prepared -> giveTurn.run())
                    .run(arguments);
            return new RunningApplication(context);
        } finally {
            giveTurn.run();
        }
    }

    public int port() {
        return ((ServletWebServerApplicationContext) context).getWebServer().getPort();
    }

    public Api as(String user) {
        return Api.at(port(), user);
    }

    public JdbcTemplate jdbc() {
        return context.getBean(JdbcTemplate.class);
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
