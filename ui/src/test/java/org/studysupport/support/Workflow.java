package org.studysupport.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The actions of a request's life as the demo users take them over HTTP, each checked to succeed.
 * Hospital actions are taken by the staff of the assignment's hospital ({@code ous-staff},
 * {@code hus-staff}), which are the only hospitals with demo users.
 */
public final class Workflow {

    private final int port;

    public Workflow(int port) {
        this.port = port;
    }

    public Api as(String user) {
        return Api.at(port, user);
    }

    /** The demo user of a hospital's research-support unit. */
    public static String staffOf(String hospital) {
        return switch (hospital) {
            case "OUS" -> "ous-staff";
            case "HUS" -> "hus-staff";
            default -> throw new IllegalArgumentException("no demo user works at " + hospital);
        };
    }

    /** A submission body like {@link Api#submission} with the given acronym. */
    public static Map<String, Object> submission(String title, String acronym, String... services) {
        Map<String, Object> body = new LinkedHashMap<>(Api.submission(title, services));
        body.put("acronym", acronym);
        return body;
    }

    /** Submits as the investigator and returns the request view. */
    public JsonNode submit(String investigator, String title, String... services) {
        return submit(investigator, Api.submission(title, services));
    }

    public JsonNode submit(String investigator, Map<String, Object> body) {
        Api.Answer answer = as(investigator).post("/api/requests", body);
        return expect(201, answer, "submit");
    }

    public JsonNode view(String user, String requestId) {
        return expect(200, as(user).get("/api/requests/" + requestId), "view");
    }

    public JsonNode accept(String requestId, String priority) {
        return act("coordinator", requestId, "accept", Map.of("priority", priority));
    }

    public JsonNode reject(String requestId) {
        return act("coordinator", requestId, "reject", Map.of("reason", "Outside the network's remit"));
    }

    /** Assigns the service to the hospital and returns the id of the new PENDING assignment. */
    public String assign(String requestId, String service, String hospital) {
        Set<String> before = assignmentIds(view("coordinator", requestId));
        JsonNode after = act("coordinator", requestId, "assignments", Map.of("service", service, "hospital", hospital));
        for (JsonNode assignment : after.path("assignments")) {
            if (!before.contains(assignment.path("id").asText())) {
                return assignment.path("id").asText();
            }
        }
        throw new AssertionError("no new assignment after assigning " + service + " to " + hospital + ": " + after);
    }

    public JsonNode acknowledge(String requestId, String assignmentId, String hospital) {
        return act(staffOf(hospital), requestId, "assignments/" + assignmentId + "/acknowledge", Map.of());
    }

    public JsonNode decline(String requestId, String assignmentId, String hospital) {
        return act(staffOf(hospital), requestId, "assignments/" + assignmentId + "/decline",
                Map.of("reason", "No capacity this quarter"));
    }

    public JsonNode completeAssignment(String requestId, String assignmentId, String hospital) {
        return act(staffOf(hospital), requestId, "assignments/" + assignmentId + "/complete",
                Map.of("summary", "Delivered"));
    }

    public JsonNode cancel(String requestId, String assignmentId) {
        return act("coordinator", requestId, "assignments/" + assignmentId + "/cancel",
                Map.of("reason", "Not needed after all"));
    }

    /** Reassigns and returns the id of the new PENDING assignment. */
    public String reassign(String requestId, String assignmentId, String hospital) {
        Set<String> before = assignmentIds(view("coordinator", requestId));
        JsonNode after = act("coordinator", requestId, "assignments/" + assignmentId + "/reassign",
                Map.of("hospital", hospital, "reason", "Closer to the sites"));
        for (JsonNode assignment : after.path("assignments")) {
            if (!before.contains(assignment.path("id").asText())) {
                return assignment.path("id").asText();
            }
        }
        throw new AssertionError("no new assignment after reassigning to " + hospital + ": " + after);
    }

    public JsonNode complete(String requestId) {
        return act("coordinator", requestId, "complete", Map.of("outcome", "Study supported"));
    }

    public JsonNode withdraw(String investigator, String requestId) {
        return act(investigator, requestId, "withdraw", Map.of("reason", "The study was cancelled"));
    }

    /** Asks a question as the user and returns the id of the new clarification. */
    public String ask(String user, String requestId, String question) {
        JsonNode after = act(user, requestId, "clarifications", Map.of("question", question));
        JsonNode clarifications = after.path("clarifications");
        return clarifications.get(clarifications.size() - 1).path("id").asText();
    }

    public JsonNode answer(String investigator, String requestId, String clarificationId, String answer) {
        return act(investigator, requestId, "clarifications/" + clarificationId + "/answer", Map.of("answer", answer));
    }

    public JsonNode comment(String user, String requestId, String text, String visibility) {
        return act(user, requestId, "comments", Map.of("text", text, "visibility", visibility));
    }

    public JsonNode act(String user, String requestId, String action, Object body) {
        return expect(200, as(user).post("/api/requests/" + requestId + "/" + action, body), action);
    }

    /**
     * Every item of a paged answer ({@code items}, {@code total}), fetched page by page with the
     * largest page size.
     */
    public static List<JsonNode> allItems(Api api, String path) {
        List<JsonNode> items = new ArrayList<>();
        String separator = path.contains("?") ? "&" : "?";
        for (int page = 0; ; page++) {
            Api.Answer answer = api.get(path + separator + "size=200&page=" + page);
            JsonNode body = expect(200, answer, "GET " + path);
            body.path("items").forEach(items::add);
            if (body.path("items").isEmpty() || items.size() >= body.path("total").asLong()) {
                return items;
            }
        }
    }

    /** The ids of the items, in order. */
    public static List<String> ids(List<JsonNode> items, String field) {
        return items.stream().map(item -> item.path(field).asText()).toList();
    }

    public static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(item -> ids.add(item.path("id").asText()));
        return ids;
    }

    private static Set<String> assignmentIds(JsonNode view) {
        Set<String> ids = new HashSet<>();
        view.path("assignments").forEach(a -> ids.add(a.path("id").asText()));
        return ids;
    }

    private static JsonNode expect(int status, Api.Answer answer, String what) {
        if (answer.status() != status) {
            throw new AssertionError(what + ": expected " + status + " but was " + answer.status() + " "
                    + answer.body());
        }
        return answer.body();
    }
}
