package org.studysupport;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.studysupport.audit.ExportVerifier;

import java.util.Arrays;

@SpringBootApplication
@ConfigurationPropertiesScan
public class StudySupportApplication {

    public static void main(String[] args) {
        if (args.length > 0 && ExportVerifier.COMMAND.equals(args[0])) {
            // the offline verifier: no Spring, no database, nothing but the jar
            System.exit(ExportVerifier.run(Arrays.copyOfRange(args, 1, args.length), System.out));
        }
        try {
            SpringApplication.run(StudySupportApplication.class, args);
        } catch (RuntimeException startFailed) {
            // Axon's non-daemon janitor thread would keep a failed JVM alive: end the process.
            System.exit(1);
        }
    }
}
