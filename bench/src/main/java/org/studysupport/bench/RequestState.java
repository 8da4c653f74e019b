package org.studysupport.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What the load driver knows of one request: enough to choose an action the request's rules allow,
 * and to check that the answer shows the action's effect. Taken from the store generator for
 * generated requests, and from each answer (the request view) afterwards.
 */
final class RequestState {

    /** One assignment of a requested service to a hospital. */
    record Assignment(UUID id, String service, String hospital, String status) {

        boolean open() {
            return "PENDING".equals(status) || "ACTIVE".equals(status);
        }
    }

    final UUID id;
    final String investigator;
    final List<String> services;
    final boolean generated;
    String status;
    long version;
    String updatedAt;
    List<Assignment> assignments;
    UUID openClarification;
    int comments;

    RequestState(UUID id, String investigator, List<String> services, boolean generated, String status, long version,
                 List<Assignment> assignments, UUID openClarification) {
        this.id = id;
        this.investigator = investigator;
        this.services = List.copyOf(services);
        this.generated = generated;
        this.status = status;
        this.version = version;
        this.assignments = new ArrayList<>(assignments);
        this.openClarification = openClarification;
    }

    static RequestState fromView(JsonNode view, boolean generated) {
        List<String> services = new ArrayList<>();
        view.path("services").forEach(service -> services.add(service.asText()));
        RequestState state = new RequestState(UUID.fromString(view.path("id").asText()),
                view.path("investigatorId").asText(), services, generated, null, -1, List.of(), null);
        state.update(view);
        return state;
    }

    /** Takes status, version, assignments and the open question from a request view. */
    void update(JsonNode view) {
        status = view.path("status").asText();
        version = view.path("version").asLong();
        updatedAt = view.path("updatedAt").asText(null);
        List<Assignment> seen = new ArrayList<>();
        for (JsonNode a : view.path("assignments")) {
            seen.add(new Assignment(UUID.fromString(a.path("id").asText()), a.path("service").asText(),
                    a.path("hospital").asText(), a.path("status").asText()));
        }
        assignments = seen;
        openClarification = null;
        for (JsonNode c : view.path("clarifications")) {
            if (c.path("answer").isNull() || c.path("answer").isMissingNode()) {
                openClarification = UUID.fromString(c.path("id").asText());
            }
        }
        comments = view.path("comments").size();
    }

    boolean isFinal() {
        return "COMPLETED".equals(status) || "REJECTED".equals(status) || "WITHDRAWN".equals(status);
    }

    Optional<Assignment> assignmentIn(String assignmentStatus) {
        return assignments.stream().filter(a -> a.status().equals(assignmentStatus)).findFirst();
    }

    /** Requested services with no PENDING, ACTIVE or COMPLETED assignment: they can be assigned. */
    List<String> unassignedServices() {
        return services.stream().filter(service -> assignments.stream().noneMatch(a -> a.service().equals(service)
                && (a.open() || "COMPLETED".equals(a.status())))).toList();
    }

    Optional<Assignment> assignment(UUID assignmentId) {
        return assignments.stream().filter(a -> a.id().equals(assignmentId)).findFirst();
    }
}
