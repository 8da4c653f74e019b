package org.studysupport.security;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletRequest;
import org.studysupport.api.security.Action;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Which action a call takes: the first rule that matches it decides. */
class ActionPathsTest {

    private static Optional<Action> actionOf(String method, String path, String query) {
        MockHttpServletRequest call = new MockHttpServletRequest(method, path);
        if (query != null) {
            String[] parameter = query.split("=", 2);
            call.setParameter(parameter[0], parameter[1]);
        }
        return ActionPaths.rules().stream().filter(rule -> rule.calls().matches(call)).findFirst()
                .map(ActionPaths.Rule::action);
    }

    @Test
    void aCallToAnActionTakesThatActionNotAWiderOne() {
        String request = "/api/requests/9f0c6a4e-0000-4000-8000-000000000001";
        assertThat(actionOf("POST", request + "/clarifications/c1/answer", null))
                .contains(Action.ANSWER_CLARIFICATION);
        assertThat(actionOf("POST", request + "/clarifications", null)).contains(Action.ASK_CLARIFICATION);
        assertThat(actionOf("POST", request + "/assignments/a1/complete", null)).contains(Action.COMPLETE_ASSIGNMENT);
        assertThat(actionOf("POST", request + "/complete", null)).contains(Action.COMPLETE_REQUEST);
        assertThat(actionOf("GET", request, null)).contains(Action.READ_REQUESTS);
        assertThat(actionOf("GET", request + "/history", null)).contains(Action.READ_HISTORY);
    }

    @Test
    void theTriageQueueAsOfAPastMomentIsAnotherActionThanTodaysQueue() {
        assertThat(actionOf("GET", "/api/queues/triage", null)).contains(Action.READ_TRIAGE_QUEUE);
        assertThat(actionOf("GET", "/api/queues/triage", "asOf=2026-11-26T09:15:00Z"))
                .contains(Action.READ_PAST_TRIAGE_QUEUE);
    }

    @Test
    void everyCallThatMayChangeSomethingTakesAnActionThatChanges() {
        assertThat(ActionPaths.rules()).filteredOn(rule -> !HttpMethod.GET.equals(rule.method()))
                .allSatisfy(rule -> assertThat(rule.action().effect()).as(rule.action().name())
                        .isEqualTo(Action.Effect.CHANGES));
    }

    @Test
    void aRefusalNamesTheRolesThatMayTakeTheAction() {
        assertThat(ActionPaths.refusal(new MockHttpServletRequest("GET", "/api/queues/triage")))
                .isEqualTo("Only COORDINATOR may see today's triage queue.");
        assertThat(ActionPaths.refusal(new MockHttpServletRequest("POST", "/api/requests/x/accept")))
                .isEqualTo("Only COORDINATOR may accept requests.");
    }

    @Test
    void aCallNoRuleNamesTakesNoAction() {
        assertThat(actionOf("DELETE", "/api/requests/x", null)).isEmpty();
        assertThat(actionOf("POST", "/api/services", null)).isEmpty();
    }
}
