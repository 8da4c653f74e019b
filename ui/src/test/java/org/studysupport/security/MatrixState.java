package org.studysupport.security;

import com.fasterxml.jackson.databind.JsonNode;
import org.studysupport.support.Workflow;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The request states the rows of the authorization matrix are called in, each prepared over HTTP
 * as the demo users would: a request of investigator1 asking for MONITORING and DATA_MANAGEMENT,
 * with the MONITORING assignment at OUS as {@code {assignmentId}} where there is one. See the
 * comments of {@code authorization-matrix.csv}.
 */
enum MatrixState {

    NONE, SUBMITTED, AWAITING_INFO, ANSWERED, ACCEPTED, PENDING_AT_OUS, ACTIVE_AT_OUS, PENDING_AT_OUS_AND_HUS,
    ACTIVE_AT_OUS_AND_HUS, DECLINED_BY_OUS, DELIVERED_AT_OUS, COMPLETED;

    static final String OWNER = "investigator1";
    static final String SUBJECT_WITHOUT_REQUESTS = "matrix-subject-without-requests";

    /** The variables of the prepared state: {@code id}, {@code assignmentId}, ... */
    Map<String, String> prepare(Workflow flow, String title) {
        Map<String, String> variables = new HashMap<>();
        variables.put("code", "OUS");
        variables.put("name", "request-view");
        variables.put("userId", SUBJECT_WITHOUT_REQUESTS);
        variables.put("messageId", UUID.randomUUID().toString());
        if (this == NONE) {
            variables.put("id", UUID.randomUUID().toString());
            return variables;
        }
        JsonNode submitted = flow.submit(OWNER, title, "MONITORING", "DATA_MANAGEMENT");
        String id = submitted.path("id").asText();
        variables.put("id", id);
        switch (this) {
            case SUBMITTED -> {
            }
            case AWAITING_INFO -> variables.put("clarificationId", flow.ask("coordinator", id, "How many sites?"));
            case ANSWERED -> {
                String clarification = flow.ask("coordinator", id, "How many sites?");
                flow.answer(OWNER, id, clarification, "Eight");
                variables.put("clarificationId", clarification);
            }
            default -> variables.put("assignmentId", assigned(flow, id));
        }
        return variables;
    }

    /** The states from ACCEPTED on: accepted, and MONITORING at OUS as far as the state says. */
    private String assigned(Workflow flow, String id) {
        flow.accept(id, "NORMAL");
        if (this == ACCEPTED) {
            return null;
        }
        String atOus = flow.assign(id, "MONITORING", "OUS");
        switch (this) {
            case PENDING_AT_OUS -> {
            }
            case ACTIVE_AT_OUS -> flow.acknowledge(id, atOus, "OUS");
            case PENDING_AT_OUS_AND_HUS -> flow.assign(id, "DATA_MANAGEMENT", "HUS");
            case ACTIVE_AT_OUS_AND_HUS -> {
                flow.acknowledge(id, atOus, "OUS");
                flow.assign(id, "DATA_MANAGEMENT", "HUS");
            }
            case DECLINED_BY_OUS -> flow.decline(id, atOus, "OUS");
            case DELIVERED_AT_OUS, COMPLETED -> {
                flow.acknowledge(id, atOus, "OUS");
                flow.completeAssignment(id, atOus, "OUS");
                if (this == COMPLETED) {
                    flow.complete(id);
                }
            }
            default -> throw new IllegalStateException("not a state with an assignment: " + this);
        }
        return atOus;
    }
}
