package org.studysupport.security;

import java.util.List;

/** A production start refused because of its settings; the message says what to change, in plain sentences. */
public class UnsafeProductionSettingsException extends IllegalStateException {

    private final List<String> problems;

    public UnsafeProductionSettingsException(List<String> problems) {
        super("The prod profile refuses to start: " + String.join(" ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
