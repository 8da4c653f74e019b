package org.studysupport.command.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.AggregateFactory;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.studysupport.api.assignment.AcknowledgeAssignment;
import org.studysupport.api.assignment.AssignService;
import org.studysupport.api.assignment.AssignmentAcknowledged;
import org.studysupport.api.problem.ActionNotAllowedException;
import org.studysupport.api.problem.NotPermittedException;
import org.studysupport.api.request.AddComment;
import org.studysupport.api.request.AnswerClarification;
import org.studysupport.api.request.ClarificationAnswered;
import org.studysupport.api.request.CommentVisibility;
import org.studysupport.api.request.CompleteRequest;
import org.studysupport.api.request.Priority;
import org.studysupport.api.request.RequestCompleted;
import org.studysupport.api.request.RequestStatus;
import org.studysupport.api.request.WithdrawRequest;
import org.studysupport.api.sla.Clock;
import org.studysupport.api.sla.SlaClockPaused;
import org.studysupport.api.sla.SlaClockResumed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.instanceOf;
import static org.studysupport.api.reference.ServiceCode.BIOSTATISTICS;
import static org.studysupport.api.reference.ServiceCode.DATA_MANAGEMENT;
import static org.studysupport.api.reference.ServiceCode.MONITORING;
import static org.studysupport.command.request.RequestFixtures.ASSIGNMENT;
import static org.studysupport.command.request.RequestFixtures.CLARIFICATION;
import static org.studysupport.command.request.RequestFixtures.COMMENT;
import static org.studysupport.command.request.RequestFixtures.FOURTH_ASSIGNMENT;
import static org.studysupport.command.request.RequestFixtures.HUS;
import static org.studysupport.command.request.RequestFixtures.OUS;
import static org.studysupport.command.request.RequestFixtures.REQUEST_ID;
import static org.studysupport.command.request.RequestFixtures.SECOND_ASSIGNMENT;
import static org.studysupport.command.request.RequestFixtures.SECOND_CLARIFICATION;
import static org.studysupport.command.request.RequestFixtures.SECOND_COMMENT;
import static org.studysupport.command.request.RequestFixtures.SUS;
import static org.studysupport.command.request.RequestFixtures.THIRD_ASSIGNMENT;
import static org.studysupport.command.request.RequestFixtures.acknowledged;
import static org.studysupport.command.request.RequestFixtures.asCoordinator;
import static org.studysupport.command.request.RequestFixtures.asHospital;
import static org.studysupport.command.request.RequestFixtures.asInvestigator;
import static org.studysupport.command.request.RequestFixtures.asOtherInvestigator;
import static org.studysupport.command.request.RequestFixtures.assigned;
import static org.studysupport.command.request.RequestFixtures.assignmentCompleted;
import static org.studysupport.command.request.RequestFixtures.clarificationAnswered;
import static org.studysupport.command.request.RequestFixtures.clarificationRequested;
import static org.studysupport.command.request.RequestFixtures.clockStarted;
import static org.studysupport.command.request.RequestFixtures.commentAdded;
import static org.studysupport.command.request.RequestFixtures.concat;
import static org.studysupport.command.request.RequestFixtures.declined;
import static org.studysupport.command.request.RequestFixtures.pendingAtOus;
import static org.studysupport.command.request.RequestFixtures.withoutClocks;
import static org.studysupport.command.request.RequestFixtures.withoutClocks;

/**
 * Requests are snapshotted with Jackson (field access, see the {@code @JsonAutoDetect} on
 * {@link SupportRequest} and {@link Assignment}). A snapshot must carry the whole state, and a request
 * loaded from a snapshot must decide exactly as one loaded from all its events.
 */
class SnapshotTest {

    private static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules();
    private static final Instant CLOCK_START = Instant.parse("2026-11-02T09:00:00Z");
    private static final UUID NEW_ASSIGNMENT = UUID.fromString("a0000000-0000-4000-8000-000000000005");

    /**
     * IN_PROGRESS and waiting for the answer to a second question; MONITORING ACTIVE at OUS,
     * DATA_MANAGEMENT declined by OUS and PENDING at SUS, BIOSTATISTICS COMPLETED by HUS; one comment.
     */
    private static final List<Object> RICH_HISTORY = concat(pendingAtOus(),
            acknowledged(ASSIGNMENT, MONITORING, OUS),
            assigned(SECOND_ASSIGNMENT, DATA_MANAGEMENT, OUS),
            declined(SECOND_ASSIGNMENT, DATA_MANAGEMENT, OUS),
            assigned(THIRD_ASSIGNMENT, DATA_MANAGEMENT, SUS),
            assigned(FOURTH_ASSIGNMENT, BIOSTATISTICS, HUS),
            acknowledged(FOURTH_ASSIGNMENT, BIOSTATISTICS, HUS),
            assignmentCompleted(FOURTH_ASSIGNMENT, BIOSTATISTICS, HUS),
            clarificationRequested(CLARIFICATION, RequestStatus.IN_PROGRESS),
            clarificationAnswered(CLARIFICATION, RequestStatus.IN_PROGRESS),
            commentAdded(COMMENT),
            clarificationRequested(SECOND_CLARIFICATION, RequestStatus.IN_PROGRESS),
            clockStarted(Clock.DELIVERY, ASSIGNMENT, OUS, MONITORING, Priority.HIGH, CLOCK_START),
            new SlaClockPaused(REQUEST_ID, Clock.DELIVERY, ASSIGNMENT, CLOCK_START.plusSeconds(3600)));

    private static SupportRequest original;
    private static String snapshotJson;

    /** Sources the request from {@link #RICH_HISTORY} through the fixture and takes its snapshot. */
    @BeforeAll
    static void takeSnapshot() throws IOException {
        AtomicReference<SupportRequest> state = new AtomicReference<>();
        RequestFixtures.newFixture()
                .given(RICH_HISTORY)
                .when(new AddComment(REQUEST_ID, SECOND_COMMENT, "Waiting for the answer", CommentVisibility.INTERNAL),
                        asCoordinator())
                .expectSuccessfulHandlerExecution()
                .expectState(state::set);
        original = state.get();
        snapshotJson = MAPPER.writeValueAsString(original);
    }

    // --- the JSON round trip ---

    @Test
    void aRestoredRequestHasTheSameStateAsTheOriginal() throws IOException {
        SupportRequest restored = MAPPER.readValue(snapshotJson, SupportRequest.class);

        assertThat(restored).usingRecursiveComparison().isEqualTo(original);
        assertThat(MAPPER.readTree(MAPPER.writeValueAsString(restored))).isEqualTo(MAPPER.readTree(snapshotJson));
    }

    @Test
    void theSnapshotHoldsStatusClarificationsCommentsAndEveryAssignment() throws IOException {
        JsonNode json = MAPPER.readTree(snapshotJson);

        assertThat(json.get("requestId").asText()).isEqualTo(REQUEST_ID.toString());
        assertThat(json.get("status").asText()).isEqualTo("AWAITING_INFO");
        assertThat(json.get("resumeStatus").asText()).isEqualTo("IN_PROGRESS");
        assertThat(json.get("openClarificationId").asText()).isEqualTo(SECOND_CLARIFICATION.toString());
        assertThat(json.get("clarificationIds")).hasSize(2);
        assertThat(json.get("commentIds")).hasSize(2);
        JsonNode assignments = json.get("assignments");
        assertThat(assignments).hasSize(4);
        assertThat(assignments.get(ASSIGNMENT.toString()).get("status").asText()).isEqualTo("ACTIVE");
        assertThat(assignments.get(SECOND_ASSIGNMENT.toString()).get("status").asText()).isEqualTo("DECLINED");
        assertThat(assignments.get(THIRD_ASSIGNMENT.toString()).get("status").asText()).isEqualTo("PENDING");
        assertThat(assignments.get(FOURTH_ASSIGNMENT.toString()).get("status").asText()).isEqualTo("COMPLETED");
    }

    @Test
    void theSnapshotHoldsFieldsOnlyNotDerivedValues() throws IOException {
        JsonNode json = MAPPER.readTree(snapshotJson);

        assertThat(fieldNames(json.fieldNames())).containsExactlyInAnyOrder("requestId", "investigatorId",
                "status", "resumeStatus", "services", "openClarificationId", "clarificationIds", "commentIds",
                "priority", "clocks", "assignments");
        JsonNode triage = json.get("clocks").get("clocks").get("DELIVERY:" + ASSIGNMENT);
        assertThat(fieldNames(triage.fieldNames())).containsExactlyInAnyOrder("clock", "assignmentId", "hospital",
                "target", "calendar", "warnAt", "dueAt", "pausedAt", "breached", "stoppedAt", "met");
        assertThat(fieldNames(json.get("assignments").get(ASSIGNMENT.toString()).fieldNames()))
                .containsExactlyInAnyOrder("assignmentId", "requestId", "service", "hospital", "status");
    }

    // --- a request loaded from the snapshot decides as before ---

    @Test
    void aRequestLoadedFromTheSnapshotKeepsTheOneOpenAssignmentPerServiceRule() {
        fromSnapshot()
                .when(new AssignService(REQUEST_ID, NEW_ASSIGNMENT, DATA_MANAGEMENT, OUS, null),
                        asCoordinator())
                .expectException(ActionNotAllowedException.class)
                .expectExceptionMessage(containsString("DATA_MANAGEMENT already has an open assignment"))
                .expectNoEvents();
    }

    @Test
    void aRequestLoadedFromTheSnapshotLetsTheAssignedHospitalAcknowledge() {
        fromSnapshot()
                .when(new AcknowledgeAssignment(REQUEST_ID, THIRD_ASSIGNMENT), asHospital(SUS))
                .expectEventsMatching(withoutClocks(new AssignmentAcknowledged(REQUEST_ID, THIRD_ASSIGNMENT, DATA_MANAGEMENT, SUS)));
    }

    @Test
    void aRequestLoadedFromTheSnapshotStillKeepsOtherHospitalsOut() {
        fromSnapshot()
                .when(new AcknowledgeAssignment(REQUEST_ID, THIRD_ASSIGNMENT), asHospital(OUS))
                .expectException(NotPermittedException.class)
                .expectNoEvents();
    }

    @Test
    void aRequestLoadedFromTheSnapshotResumesInProgressWhenTheOpenQuestionIsAnswered() {
        fromSnapshot()
                .when(new AnswerClarification(REQUEST_ID, SECOND_CLARIFICATION, "Yes."), asInvestigator())
                // the paused delivery clock, kept in the snapshot, counts again
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        equalTo(new ClarificationAnswered(REQUEST_ID, SECOND_CLARIFICATION, "Yes.",
                                RequestStatus.IN_PROGRESS)),
                        instanceOf(SlaClockResumed.class),
                        andNoMore())));
    }

    @Test
    void aRequestLoadedFromTheSnapshotRemembersItsCommentIds() {
        fromSnapshot()
                .when(new AddComment(REQUEST_ID, COMMENT, "Again", CommentVisibility.PUBLIC), asCoordinator())
                .expectException(ActionNotAllowedException.class)
                .expectExceptionMessage(containsString("already exists"))
                .expectNoEvents();
    }

    @Test
    void aRequestLoadedFromTheSnapshotRemembersWhoSubmittedIt() {
        fromSnapshot()
                .when(new WithdrawRequest(REQUEST_ID, "Changed plans"), asOtherInvestigator())
                .expectException(NotPermittedException.class)
                .expectNoEvents();
    }

    @Test
    void eventsAfterTheSnapshotAreAppliedOnTopOfIt() {
        newSnapshotFixture()
                .given(new Snapshot(snapshotJson),
                        clarificationAnswered(SECOND_CLARIFICATION, RequestStatus.IN_PROGRESS),
                        acknowledged(THIRD_ASSIGNMENT, DATA_MANAGEMENT, SUS),
                        assignmentCompleted(THIRD_ASSIGNMENT, DATA_MANAGEMENT, SUS),
                        assignmentCompleted(ASSIGNMENT, MONITORING, OUS))
                .when(new CompleteRequest(REQUEST_ID, "Delivered"), asCoordinator())
                // (the given events lack the clock events the commands would have applied)
                .expectEventsMatching(withoutClocks(new RequestCompleted(REQUEST_ID, "Delivered")));
    }

    // --- helpers ---

    /** Stands for a snapshot event in the fixture's event stream: the request's state as JSON. */
    record Snapshot(String json) {
    }

    /**
     * Like Axon's own aggregate factory: if the stream starts with a snapshot, the aggregate is the
     * snapshot (here: freshly deserialized from JSON each time it is loaded); otherwise a new instance.
     */
    static final class SnapshotAwareFactory implements AggregateFactory<SupportRequest> {

        @Override
        public SupportRequest createAggregateRoot(String aggregateIdentifier, DomainEventMessage<?> firstEvent) {
            if (firstEvent.getPayload() instanceof Snapshot snapshot) {
                try {
                    return MAPPER.readValue(snapshot.json(), SupportRequest.class);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return new SupportRequest();
        }

        @Override
        public Class<SupportRequest> getAggregateType() {
            return SupportRequest.class;
        }
    }

    private static FixtureConfiguration<SupportRequest> newSnapshotFixture() {
        FixtureConfiguration<SupportRequest> fixture = RequestFixtures.newFixture();
        fixture.registerAggregateFactory(new SnapshotAwareFactory());
        return fixture;
    }

    private static TestExecutor<SupportRequest> fromSnapshot() {
        return newSnapshotFixture().given(new Snapshot(snapshotJson));
    }

    private static List<String> fieldNames(Iterator<String> iterator) {
        List<String> list = new ArrayList<>();
        iterator.forEachRemaining(list::add);
        return list;
    }
}
