package org.studysupport.openapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.studysupport.client.ApiClient;
import org.studysupport.client.ApiException;
import org.studysupport.client.ApiResponse;
import org.studysupport.client.api.RequestsApi;
import org.studysupport.client.model.Accept;
import org.studysupport.client.model.Assign;
import org.studysupport.client.model.AssignmentView;
import org.studysupport.client.model.Contact;
import org.studysupport.client.model.HistoryEntry;
import org.studysupport.client.model.Outcome;
import org.studysupport.client.model.Problem;
import org.studysupport.client.model.RequestView;
import org.studysupport.client.model.SubmitRequestBody;
import org.studysupport.client.model.Summary;
import org.studysupport.support.PostgresApiTest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/**
 * A partner's system: a Java client generated from the published document ({@code docs/openapi.json},
 * by the build's openapi-generator execution) drives a request through its whole life, each step as
 * the user whose work it is, and reads its history. Nothing here knows the API but the generated code.
 */
class GeneratedClientLifecycleTest extends PostgresApiTest {

    private static final Duration READABLE_WITHIN = Duration.ofSeconds(10);

    @Test
    void aRequestLivesItsWholeLifeThroughTheGeneratedClient() throws Exception {
        RequestView submitted = requests("investigator1").submitRequest(new SubmitRequestBody()
                .title("Generated client " + UUID.randomUUID())
                .studyPhase(SubmitRequestBody.StudyPhaseEnum.PHASE_3)
                .fundingStatus(SubmitRequestBody.FundingStatusEnum.AWARDED)
                .description("A multicentre randomised trial.")
                .services(List.of(SubmitRequestBody.ServicesEnum.MONITORING))
                .contact(new Contact().name("Kari Nordmann").email("kari@example.org")), UUID.randomUUID().toString());
        UUID id = submitted.getId();
        assertThat(submitted.getStatus()).isEqualTo(RequestView.StatusEnum.SUBMITTED);
        assertThat(submitted.getPriority()).as("no priority before acceptance").isNull();
        assertThat(submitted.getReference()).matches("SR-\\d{4}-\\d{5}");

        RequestView accepted = settled("coordinator", id, view -> view.getStatus() == RequestView.StatusEnum.ACCEPTED,
                api -> api.acceptRequestWithHttpInfo(id, new Accept().priority(Accept.PriorityEnum.HIGH), null));
        assertThat(accepted.getPriority()).isEqualTo(RequestView.PriorityEnum.HIGH);

        RequestView assigned = settled("coordinator", id, view -> !view.getAssignments().isEmpty(),
                api -> api.assignServiceWithHttpInfo(id,
                        new Assign().service(Assign.ServiceEnum.MONITORING).hospital("OUS"), null));
        AssignmentView assignment = assigned.getAssignments().get(0);
        assertThat(assignment.getStatus()).isEqualTo(AssignmentView.StatusEnum.PENDING);
        assertThat(assignment.getRespondedAt()).isNull();
        UUID assignmentId = assignment.getId();

        RequestView acknowledged = settled("ous-staff", id,
                view -> statusOf(view, assignmentId) == AssignmentView.StatusEnum.ACTIVE,
                api -> api.acknowledgeAssignmentWithHttpInfo(id, assignmentId, null, Map.of()));
        assertThat(acknowledged.getStatus()).isEqualTo(RequestView.StatusEnum.IN_PROGRESS);

        settled("ous-staff", id, view -> statusOf(view, assignmentId) == AssignmentView.StatusEnum.COMPLETED,
                api -> api.completeAssignmentWithHttpInfo(id, assignmentId, new Summary().summary("Monitored."), null));

        RequestView completed = settled("coordinator", id,
                view -> view.getStatus() == RequestView.StatusEnum.COMPLETED,
                api -> api.completeRequestWithHttpInfo(id, new Outcome().outcome("Delivered."), null));
        assertThat(completed.getOutcome()).isEqualTo("Delivered.");
        assertThat(completed.getClosedAt()).isNotNull();

        List<HistoryEntry> history = requests("auditor").requestHistory(id);
        assertThat(history).extracting(HistoryEntry::getType).containsSubsequence("RequestSubmitted",
                "RequestAccepted", "ServiceAssigned", "AssignmentAcknowledged", "AssignmentCompleted",
                "RequestCompleted");
        assertThat(history).allSatisfy(entry -> {
            assertThat(entry.getOccurredAt()).isNotNull();
            assertThat(entry.getActor().getId()).isNotBlank();
        });
    }

    @Test
    void aRefusalReachesTheClientAsAProblemItCanRead() throws Exception {
        RequestView submitted = requests("investigator1").submitRequest(new SubmitRequestBody()
                .title("Generated client refusal " + UUID.randomUUID())
                .studyPhase(SubmitRequestBody.StudyPhaseEnum.OBSERVATIONAL)
                .fundingStatus(SubmitRequestBody.FundingStatusEnum.NONE)
                .description("A registry study.")
                .services(List.of(SubmitRequestBody.ServicesEnum.BIOSTATISTICS))
                .contact(new Contact().name("Kari Nordmann").email("kari@example.org")), null);

        ApiException refused = catchThrowableOfType(ApiException.class, () -> requests("coordinator")
                .completeRequest(submitted.getId(), new Outcome().outcome("Too early."), null));

        assertThat(refused.getCode()).isEqualTo(409);
        Problem problem = new ObjectMapper().readValue(refused.getResponseBody(), Problem.class);
        assertThat(problem.getStatus()).isEqualTo(409);
        assertThat(problem.getDetail()).isNotBlank();
    }

    /** The generated client, signed in as a demo user with HTTP Basic as the document says. */
    private RequestsApi requests(String user) {
        String credentials = Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
        ApiClient client = new ApiClient().setScheme("http").setHost("localhost").setPort(port)
                .setRequestInterceptor(request -> request.header("Authorization", "Basic " + credentials));
        return new RequestsApi(client);
    }

    private interface Action {
        ApiResponse<RequestView> call(RequestsApi api) throws ApiException;
    }

    /**
     * Takes an action and answers with the request after it: the 200's body, or after a 202 (stored,
     * not yet readable) the request read again until it shows the change, as the document tells a
     * client to do.
     */
    private RequestView settled(String user, UUID id, Predicate<RequestView> changed, Action action)
            throws Exception {
        RequestsApi api = requests(user);
        ApiResponse<RequestView> answer = action.call(api);
        if (answer.getStatusCode() == 200) {
            assertThat(changed).accepts(answer.getData());
            return answer.getData();
        }
        assertThat(answer.getStatusCode()).isEqualTo(202);
        assertThat(answer.getHeaders()).containsKey("location");
        return await("the change readable").atMost(READABLE_WITHIN).pollInterval(Duration.ofMillis(50))
                .until(() -> api.getRequest(id, null), changed::test);
    }

    private static AssignmentView.StatusEnum statusOf(RequestView view, UUID assignmentId) {
        return view.getAssignments().stream().filter(a -> a.getId().equals(assignmentId))
                .map(AssignmentView::getStatus).findFirst().orElse(null);
    }
}
