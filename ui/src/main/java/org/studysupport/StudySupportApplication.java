package org.studysupport;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class StudySupportApplication {

    public static void main(String[] args) {
        try {
            SpringApplication.run(StudySupportApplication.class, args);
        } catch (RuntimeException startFailed) {
            // Axon's non-daemon janitor thread would keep a failed JVM alive: end the process.
            System.exit(1);
        }
    }
}
