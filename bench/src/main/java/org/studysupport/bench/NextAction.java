package org.studysupport.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Chooses what a user would do next with a request, as the rules allow it: accept or reject, ask,
 * answer, assign (a requested service to a hospital offering it), acknowledge, decline, reassign,
 * cancel, complete an assignment, complete the request, withdraw, comment. Says what the answer must show to be read-your-writes.
 */
final class NextAction {

    /**
     * An action: who sends what where, and what the updated view must show besides a newer version.
     */
    record Action(String name, String path, String token, Map<String, Object> body, Predicate<JsonNode> shows) {
    }

    private static final String[] PRIORITIES = {"LOW", "NORMAL", "HIGH", "URGENT"};

    private final Map<String, Set<String>> hospitals;
    private final Tokens tokens;

    /** @param hospitals the accepting hospitals and the services each offers */
    NextAction(Map<String, Set<String>> hospitals, Tokens tokens) {
        this.hospitals = hospitals;
        this.tokens = tokens;
    }

    Action choose(RequestState request, Random random) {
        String base = "/api/requests/" + request.id;
        double dice = random.nextDouble();
        if (request.isFinal()) {
            return comment(request, random);
        }
        if (random.nextDouble() < 0.02) {
            return new Action("withdraw", base + "/withdraw", tokens.investigator(request.investigator),
                    Map.of("reason", "The sponsor stopped the study."), status("WITHDRAWN"));
        }
        switch (request.status) {
            case "SUBMITTED" -> {
                if (dice < 0.65) {
                    return new Action("accept", base + "/accept", tokens.coordinator(),
                            Map.of("priority", PRIORITIES[random.nextInt(PRIORITIES.length)]), status("ACCEPTED"));
                }
                if (dice < 0.7) {
                    return new Action("reject", base + "/reject", tokens.coordinator(),
                            Map.of("reason", "The study is outside the network's scope."), status("REJECTED"));
                }
                return dice < 0.85 ? ask(request) : comment(request, random);
            }
            case "AWAITING_INFO" -> {
                if (dice < 0.85 && request.openClarification != null) {
                    return new Action("answer", base + "/clarifications/" + request.openClarification + "/answer",
                            tokens.investigator(request.investigator),
                            Map.of("answer", "Adults 18 to 80 years; see protocol section 4."),
                            view -> !"AWAITING_INFO".equals(view.path("status").asText()));
                }
                return comment(request, random);
            }
            default -> {
                return work(request, random, dice);
            }
        }
    }

    /** ACCEPTED or IN_PROGRESS: move the assignments on, then complete. */
    private Action work(RequestState request, Random random, double dice) {
        String base = "/api/requests/" + request.id;
        if (dice < 0.15) {
            return comment(request, random);
        }
        if (dice < 0.2) {
            return ask(request);
        }
        var pending = request.assignmentIn("PENDING");
        if (pending.isPresent()) {
            UUID id = pending.get().id();
            String token = tokens.hospital(pending.get().hospital());
            double choice = random.nextDouble();
            if (choice < 0.08) {
                return new Action("decline", base + "/assignments/" + id + "/decline", token,
                        Map.of("reason", "No capacity this quarter."), assignmentStatus(id, "DECLINED"));
            }
            List<String> others = offering(pending.get().service()).stream()
                    .filter(code -> !code.equals(pending.get().hospital())).toList();
            if (choice < 0.14 && !others.isEmpty()) {
                return new Action("reassign", base + "/assignments/" + id + "/reassign", tokens.coordinator(),
                        Map.of("hospital", others.get(random.nextInt(others.size())),
                                "reason", "Closer to the recruiting sites."), assignmentStatus(id, "REASSIGNED"));
            }
            if (choice < 0.2) {
                return new Action("cancel", base + "/assignments/" + id + "/cancel", tokens.coordinator(),
                        Map.of("reason", "Covered by the sponsor's own CRO."), assignmentStatus(id, "CANCELLED"));
            }
            return new Action("acknowledge", base + "/assignments/" + id + "/acknowledge", token, Map.of(),
                    assignmentStatus(id, "ACTIVE"));
        }
        var active = request.assignmentIn("ACTIVE");
        if (active.isPresent()) {
            UUID id = active.get().id();
            return new Action("complete-assignment", base + "/assignments/" + id + "/complete",
                    tokens.hospital(active.get().hospital()), Map.of("summary", "Delivered as agreed; report attached."),
                    assignmentStatus(id, "COMPLETED"));
        }
        List<String> unassigned = request.unassignedServices();
        if (!unassigned.isEmpty()) {
            String service = unassigned.get(0);
            List<String> offering = offering(service);
            if (!offering.isEmpty()) {
                String hospital = offering.get(random.nextInt(offering.size()));
                Set<UUID> known = Set.copyOf(request.assignments.stream().map(RequestState.Assignment::id).toList());
                return new Action("assign", base + "/assignments", tokens.coordinator(),
                        Map.of("service", service, "hospital", hospital), view -> {
                            for (JsonNode a : view.path("assignments")) {
                                if (!known.contains(UUID.fromString(a.path("id").asText()))
                                        && service.equals(a.path("service").asText())
                                        && "PENDING".equals(a.path("status").asText())) {
                                    return true;
                                }
                            }
                            return false;
                        });
            }
        }
        return new Action("complete", base + "/complete", tokens.coordinator(),
                Map.of("outcome", "All requested services delivered."), status("COMPLETED"));
    }

    private List<String> offering(String service) {
        return hospitals.entrySet().stream().filter(h -> h.getValue().contains(service)).map(Map.Entry::getKey)
                .sorted().toList();
    }

    private Action ask(RequestState request) {
        return new Action("clarification", "/api/requests/" + request.id + "/clarifications", tokens.coordinator(),
                Map.of("question", "How many sites will recruit in the first year?"), status("AWAITING_INFO"));
    }

    /** A comment by the coordinator, the owner (PUBLIC) or a hospital with an assignment on the request. */
    Action comment(RequestState request, Random random) {
        String path = "/api/requests/" + request.id + "/comments";
        int who = random.nextInt(3);
        if (who == 0) {
            return new Action("comment", path, tokens.investigator(request.investigator),
                    Map.of("text", "Protocol version 2.1 uploaded to the shared folder.", "visibility", "PUBLIC"),
                    view -> true);
        }
        if (who == 1 && !request.assignments.isEmpty()) {
            String hospital = request.assignments.get(random.nextInt(request.assignments.size())).hospital();
            return new Action("comment", path, tokens.hospital(hospital),
                    Map.of("text", "Site visit planned for next month.", "visibility", "PUBLIC"), view -> true);
        }
        return new Action("comment", path, tokens.coordinator(),
                Map.of("text", "Discussed at the network meeting.", "visibility",
                        random.nextBoolean() ? "PUBLIC" : "INTERNAL"), view -> true);
    }

    private static Predicate<JsonNode> status(String expected) {
        return view -> expected.equals(view.path("status").asText());
    }

    private static Predicate<JsonNode> assignmentStatus(UUID assignment, String expected) {
        return view -> {
            for (JsonNode a : view.path("assignments")) {
                if (assignment.toString().equals(a.path("id").asText())) {
                    return expected.equals(a.path("status").asText());
                }
            }
            return false;
        };
    }
}
