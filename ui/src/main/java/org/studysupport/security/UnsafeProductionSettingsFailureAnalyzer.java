package org.studysupport.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports a refused production start as Spring Boot's "APPLICATION FAILED TO START" text, without a stack trace. */
public class UnsafeProductionSettingsFailureAnalyzer extends AbstractFailureAnalyzer<UnsafeProductionSettingsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, UnsafeProductionSettingsException cause) {
        return new FailureAnalysis(
                "The prod profile refuses to start with these settings:\n\n- " + String.join("\n- ", cause.problems()),
                "Correct the settings above (command line, environment variables or application-prod.yml), or "
                        + "start without the prod profile to try the application out with the demo users.",
                cause);
    }
}
