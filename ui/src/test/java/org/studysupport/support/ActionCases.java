package org.studysupport.support;

import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Every row of the contract's action table, each with a way to bring a fresh request to where the
 * action is allowed: for tests that must hold for every action.
 */
public final class ActionCases {

    private ActionCases() {
    }

    /** An action made ready on a fresh request: who sends it where, with which body, and another body. */
    public record Prepared(String requestId, String user, String action, Map<String, Object> body,
                    Map<String, Object> otherBody) {
    }

    /** One row of the contract's action table and how to bring a request to where it is allowed. */
    public record ActionCase(String name, Function<Workflow, Prepared> prepare) {
        @Override
        public String toString() {
            return name;
        }
    }

    public static Stream<ActionCase> everyAction() {
        return Stream.of(
                new ActionCase("clarifications", flow -> {
                    String id = submitted(flow);
                    return new Prepared(id, "coordinator", "clarifications", Map.of("question", "How many sites?"),
                            Map.of("question", "Which sites?"));
                }),
                new ActionCase("clarifications/{cid}/answer", flow -> {
                    String id = submitted(flow);
                    String question = flow.ask("coordinator", id, "How many sites?");
                    return new Prepared(id, "investigator1", "clarifications/" + question + "/answer",
                            Map.of("answer", "Eight"), Map.of("answer", "Nine"));
                }),
                new ActionCase("accept", flow -> new Prepared(submitted(flow), "coordinator", "accept",
                        Map.of("priority", "HIGH"), Map.of("priority", "LOW"))),
                new ActionCase("reject", flow -> new Prepared(submitted(flow), "coordinator", "reject",
                        Map.of("reason", "Outside the remit"), Map.of("reason", "Funding missing"))),
                new ActionCase("assignments", flow -> {
                    String id = submitted(flow);
                    flow.accept(id, "NORMAL");
                    return new Prepared(id, "coordinator", "assignments",
                            Map.of("service", "MONITORING", "hospital", "OUS"),
                            Map.of("service", "MONITORING", "hospital", "HUS"));
                }),
                new ActionCase("assignments/{aid}/acknowledge", flow -> {
                    String id = submitted(flow);
                    flow.accept(id, "NORMAL");
                    String assignment = flow.assign(id, "MONITORING", "OUS");
                    // the only body is {}: the other call is another action on the same assignment
                    return new Prepared(id, "ous-staff", "assignments/" + assignment + "/acknowledge", Map.of(),
                            null);
                }),
                new ActionCase("assignments/{aid}/decline", flow -> {
                    String id = submitted(flow);
                    flow.accept(id, "NORMAL");
                    String assignment = flow.assign(id, "MONITORING", "OUS");
                    return new Prepared(id, "ous-staff", "assignments/" + assignment + "/decline",
                            Map.of("reason", "No capacity"), Map.of("reason", "No monitors"));
                }),
                new ActionCase("assignments/{aid}/reassign", flow -> {
                    String id = submitted(flow);
                    flow.accept(id, "NORMAL");
                    String assignment = flow.assign(id, "MONITORING", "OUS");
                    return new Prepared(id, "coordinator", "assignments/" + assignment + "/reassign",
                            Map.of("hospital", "HUS", "reason", "Closer"), Map.of("hospital", "AHUS", "reason", "Closer"));
                }),
                new ActionCase("assignments/{aid}/cancel", flow -> {
                    String id = submitted(flow);
                    flow.accept(id, "NORMAL");
                    String assignment = flow.assign(id, "MONITORING", "OUS");
                    return new Prepared(id, "coordinator", "assignments/" + assignment + "/cancel",
                            Map.of("reason", "Not needed"), Map.of("reason", "Done elsewhere"));
                }),
                new ActionCase("assignments/{aid}/complete", flow -> {
                    String id = submitted(flow);
                    flow.accept(id, "NORMAL");
                    String assignment = flow.assign(id, "MONITORING", "OUS");
                    flow.acknowledge(id, assignment, "OUS");
                    return new Prepared(id, "ous-staff", "assignments/" + assignment + "/complete",
                            Map.of("summary", "Delivered"), Map.of("summary", "Delivered late"));
                }),
                new ActionCase("complete", flow -> {
                    String id = submitted(flow);
                    flow.accept(id, "NORMAL");
                    return new Prepared(id, "coordinator", "complete", Map.of("outcome", "Supported"),
                            Map.of("outcome", "Not needed"));
                }),
                new ActionCase("withdraw", flow -> new Prepared(submitted(flow), "investigator1", "withdraw",
                        Map.of("reason", "Study cancelled"), Map.of("reason", "Sponsor left"))),
                new ActionCase("comments", flow -> new Prepared(submitted(flow), "coordinator", "comments",
                        Map.of("text", "Looks good", "visibility", "PUBLIC"),
                        Map.of("text", "Looks good", "visibility", "INTERNAL"))));
    }

    private static String submitted(Workflow flow) {
        return flow.submit("investigator1", "Action case " + UUID.randomUUID(), "MONITORING").path("id").asText();
    }
}
