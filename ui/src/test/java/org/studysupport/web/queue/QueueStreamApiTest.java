package org.studysupport.web.queue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.studysupport.support.Api;
import org.studysupport.support.EventStream;
import org.studysupport.support.EventStream.Event;
import org.studysupport.support.PostgresApiTest;
import org.studysupport.support.Workflow;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code GET /api/queues/stream}: server-sent events about queue changes, each only to who may see it. */
class QueueStreamApiTest extends PostgresApiTest {

    private static final Duration FEW_SECONDS = Duration.ofSeconds(5);

    private Workflow flow() {
        return new Workflow(port);
    }

    /** Makes the stream live by commenting on a request the user can see until the comment's event arrives. */
    private Event sync(EventStream stream, String commenter, String requestId) {
        return stream.sync(() -> flow().comment(commenter, requestId, "probe", "PUBLIC"),
                event -> event.requestId().equals(requestId) && event.eventType().equals("CommentAdded"));
    }

    private static java.util.function.Predicate<Event> about(String requestId, String eventType) {
        return event -> event.requestId().equals(requestId) && event.eventType().equals(eventType);
    }

    @Test
    void coordinatorReceivesAnEventForEachChangeWithinSeconds() {
        Workflow flow = flow();
        String probe = flow.submit("investigator1", "Stream probe " + UUID.randomUUID(), "MONITORING")
                .path("id").asText();
        try (EventStream stream = EventStream.open(port, "coordinator")) {
            Event synced = sync(stream, "coordinator", probe);
            assertThat(stream.status(FEW_SECONDS)).isEqualTo(200);
            assertThat(stream.contentType(FEW_SECONDS)).startsWith("text/event-stream");

            JsonNode submitted = flow.submit("investigator1", "Stream " + UUID.randomUUID(), "MONITORING");
            String id = submitted.path("id").asText();
            Event created = stream.expect(about(id, "RequestSubmitted"), FEW_SECONDS, "for the submission");
            assertThat(created.name()).isEqualTo("queue-change");
            assertThat(created.id()).isEqualTo(Long.toString(created.position()));
            assertThat(created.data().path("reference").asText()).isEqualTo(submitted.path("reference").asText());
            assertThat(created.data().path("status").asText()).isEqualTo("SUBMITTED");
            assertThat(created.data().path("inTriage").asBoolean()).isTrue();
            assertThat(created.data().path("hospitals")).isEmpty();
            assertThat(created.data().path("occurredAt").asText()).isEqualTo(submitted.path("submittedAt").asText());
            assertThat(created.data().has("investigatorId")).isFalse();
            assertThat(created.data().toString()).doesNotContain("Kari");

            flow.accept(id, "HIGH");
            Event accepted = stream.expect(about(id, "RequestAccepted"), FEW_SECONDS, "for the acceptance");
            assertThat(accepted.data().path("status").asText()).isEqualTo("ACCEPTED");
            assertThat(accepted.data().path("inTriage").asBoolean()).isTrue();

            flow.assign(id, "MONITORING", "OUS");
            Event assigned = stream.expect(about(id, "ServiceAssigned"), FEW_SECONDS, "for the assignment");
            assertThat(assigned.data().path("status").asText()).isEqualTo("IN_PROGRESS");
            assertThat(assigned.data().path("inTriage").asBoolean()).isFalse();
            assertThat(assigned.data().path("hospitals").toString()).isEqualTo("[\"OUS\"]");

            assertThat(created.position()).isLessThan(accepted.position());
            assertThat(accepted.position()).isLessThan(assigned.position());
            // each change is an event, the service-level clocks' starts and stops too
            await().atMost(FEW_SECONDS).until(() -> stream.eventsAbout(id, synced).size() >= 6);
            assertThat(stream.eventsAbout(id, synced)).extracting(Event::eventType)
                    .containsExactly("RequestSubmitted", "SlaClockStarted", "RequestAccepted", "SlaClockStopped",
                            "ServiceAssigned", "SlaClockStarted");
        }
    }

    @Test
    void hospitalStaffReceiveOnlyChangesOfRequestsAssignedToTheirHospital() {
        Workflow flow = flow();
        String probe = flow.submit("investigator1", "Stream probe " + UUID.randomUUID(), "BIOBANK").path("id").asText();
        flow.accept(probe, "NORMAL");
        flow.assign(probe, "BIOBANK", "HUS");
        String both = flow.submit("investigator1", "Stream HUS " + UUID.randomUUID(), "MONITORING", "BIOBANK")
                .path("id").asText();
        flow.accept(both, "NORMAL");
        flow.assign(both, "MONITORING", "OUS");
        flow.assign(both, "BIOBANK", "HUS");
        String ousOnly = flow.submit("investigator1", "Stream OUS " + UUID.randomUUID(), "MONITORING")
                .path("id").asText();
        flow.accept(ousOnly, "NORMAL");
        flow.assign(ousOnly, "MONITORING", "OUS");
        String unassigned = flow.submit("investigator2", "Stream none " + UUID.randomUUID(), "MONITORING")
                .path("id").asText();
        String declined = flow.submit("investigator2", "Stream declined " + UUID.randomUUID(), "BIOBANK")
                .path("id").asText();
        flow.accept(declined, "NORMAL");
        String declinedAssignment = flow.assign(declined, "BIOBANK", "HUS");
        flow.decline(declined, declinedAssignment, "HUS");

        try (EventStream stream = EventStream.open(port, "hus-staff")) {
            Event synced = sync(stream, "coordinator", probe);

            flow.comment("coordinator", ousOnly, "not for Bergen", "PUBLIC");
            flow.accept(unassigned, "LOW");
            flow.assign(declined, "BIOBANK", "OUS");  // HUS had an assignment on it before
            flow.comment("coordinator", both, "for Bergen too", "INTERNAL");

            Event forHus = stream.expect(about(both, "CommentAdded"), FEW_SECONDS, "about the HUS request");
            // the other hospital on a shared request is named, as in the request's view
            assertThat(forHus.data().path("hospitals").toString()).isEqualTo("[\"OUS\",\"HUS\"]");
            assertThat(stream.eventsAbout(both, synced)).hasSize(1);
            await().atMost(FEW_SECONDS).until(() -> stream.eventsAbout(declined, synced).size() >= 2);
            assertThat(stream.eventsAbout(declined, synced)).extracting(Event::eventType)
                    .containsExactly("ServiceAssigned", "SlaClockStarted");
            // the event above came after these changes: had they been sent, they would be here
            assertThat(stream.eventsAbout(ousOnly)).isEmpty();
            assertThat(stream.eventsAbout(unassigned)).isEmpty();
            assertThat(stream.events()).allSatisfy(event ->
                    assertThat(event.data().path("hospitals").toString()).contains("\"HUS\""));
        }
    }

    @Test
    void withdrawingARequestTellsTheHospitalsWithOpenAssignments() {
        Workflow flow = flow();
        String id = flow.submit("investigator1", "Stream withdrawal " + UUID.randomUUID(), "BIOBANK")
                .path("id").asText();
        flow.accept(id, "NORMAL");
        String assignment = flow.assign(id, "BIOBANK", "HUS");

        try (EventStream stream = EventStream.open(port, "hus-staff")) {
            Event synced = sync(stream, "coordinator", id);

            flow.withdraw("investigator1", id);

            stream.expect(about(id, "RequestWithdrawn"), FEW_SECONDS, "for the withdrawal");
            await().atMost(FEW_SECONDS).until(() -> stream.eventsAbout(id, synced).size() >= 3);
            assertThat(stream.eventsAbout(id, synced)).extracting(Event::eventType)
                    .containsExactly("AssignmentCancelled", "RequestWithdrawn", "SlaClockStopped");
            assertThat(stream.eventsAbout(id, synced).get(1).data().path("status").asText()).isEqualTo("WITHDRAWN");
        }
        assertThat(flow.view("hus-staff", id).path("assignments").get(0).path("id").asText()).isEqualTo(assignment);
        assertThat(flow.view("hus-staff", id).path("assignments").get(0).path("status").asText())
                .isEqualTo("CANCELLED");
    }

    @Test
    void investigatorsReceiveOnlyChangesOfTheirOwnRequestsAndNoInternalComments() {
        Workflow flow = flow();
        String probe = flow.submit("investigator2", "Stream probe " + UUID.randomUUID(), "MONITORING")
                .path("id").asText();
        String own = flow.submit("investigator2", "Stream own " + UUID.randomUUID(), "MONITORING").path("id").asText();
        String other = flow.submit("investigator1", "Stream other " + UUID.randomUUID(), "MONITORING")
                .path("id").asText();

        try (EventStream stream = EventStream.open(port, "investigator2")) {
            Event synced = sync(stream, "investigator2", probe);

            flow.accept(other, "HIGH");
            flow.comment("coordinator", other, "about investigator1's study", "PUBLIC");
            flow.comment("coordinator", own, "between us coordinators", "INTERNAL");
            flow.accept(own, "LOW");

            Event accepted = stream.expect(about(own, "RequestAccepted"), FEW_SECONDS, "about the own request");
            await().atMost(FEW_SECONDS).until(() -> stream.eventsAbout(own, synced).size() >= 2);
            assertThat(stream.eventsAbout(own, synced)).extracting(Event::eventType)
                    .containsExactly("RequestAccepted", "SlaClockStopped");
            assertThat(stream.eventsAbout(other)).isEmpty();

            flow.comment("coordinator", own, "a word for the investigator", "PUBLIC");
            Event comment = stream.expect(about(own, "CommentAdded"), FEW_SECONDS, "for the PUBLIC comment");
            assertThat(comment.position()).isGreaterThan(accepted.position());
            assertThat(stream.eventsAbout(own, synced)).extracting(Event::eventType)
                    .containsExactly("RequestAccepted", "SlaClockStopped", "CommentAdded");
        }
    }

    @Test
    void reconnectingWithLastEventIdDeliversWhatHappenedWhileDisconnected() {
        Workflow flow = flow();
        String probe = flow.submit("investigator1", "Stream probe " + UUID.randomUUID(), "MONITORING")
                .path("id").asText();
        String id;
        Event last;
        try (EventStream first = EventStream.open(port, "coordinator")) {
            sync(first, "coordinator", probe);
            id = flow.submit("investigator1", "Stream resume " + UUID.randomUUID(), "MONITORING", "BIOBANK")
                    .path("id").asText();
            last = first.expect(about(id, "RequestSubmitted"), FEW_SECONDS, "for the submission");
        }

        flow.accept(id, "URGENT");
        flow.assign(id, "MONITORING", "OUS");
        flow.comment("coordinator", id, "while nobody listened", "INTERNAL");

        try (EventStream second = EventStream.open(port, "coordinator", last.id())) {
            second.expect(about(id, "CommentAdded"), FEW_SECONDS, "for the comment made while disconnected");
            assertThat(second.eventsAbout(id)).extracting(Event::eventType)
                    .containsExactly("SlaClockStarted", "RequestAccepted", "SlaClockStopped", "ServiceAssigned",
                            "SlaClockStarted", "CommentAdded");
            assertThat(second.events()).allSatisfy(event -> assertThat(event.position()).isGreaterThan(last.position()));
            List<Long> positions = second.events().stream().map(Event::position).toList();
            assertThat(positions).isSorted().doesNotHaveDuplicates();

            // and it goes on live after the replay
            flow.withdraw("investigator1", id);
            second.expect(about(id, "RequestWithdrawn"), FEW_SECONDS, "after the replay");
        }
    }

    @Test
    void resumingInvestigatorIsNotToldOfOthersRequestsThatChangedMeanwhile() {
        Workflow flow = flow();
        String probe = flow.submit("investigator2", "Stream probe " + UUID.randomUUID(), "MONITORING")
                .path("id").asText();
        String own = flow.submit("investigator2", "Stream own " + UUID.randomUUID(), "MONITORING").path("id").asText();
        String other = flow.submit("investigator1", "Stream other " + UUID.randomUUID(), "MONITORING")
                .path("id").asText();
        Event last;
        try (EventStream first = EventStream.open(port, "investigator2")) {
            sync(first, "investigator2", probe);
            List<Event> received = first.events();
            last = received.get(received.size() - 1);
        }
        flow.accept(other, "HIGH");
        flow.comment("coordinator", own, "internal", "INTERNAL");
        flow.accept(own, "NORMAL");

        try (EventStream second = EventStream.open(port, "investigator2", last.id())) {
            second.expect(about(own, "RequestAccepted"), FEW_SECONDS, "replayed");
            await().atMost(FEW_SECONDS).until(() -> second.eventsAbout(own).size() >= 2);
            assertThat(second.eventsAbout(own)).extracting(Event::eventType)
                    .containsExactly("RequestAccepted", "SlaClockStopped");
            assertThat(second.eventsAbout(other)).isEmpty();
        }
    }

    @Test
    void auditorsAndAdminsHaveNoStream() {
        for (String user : List.of("auditor", "admin")) {
            Api.Answer plain = as(user).get("/api/queues/stream");
            assertThat(plain.status()).as(user).isEqualTo(403);
            try (EventStream stream = EventStream.open(port, user)) {
                assertThat(stream.status(FEW_SECONDS)).as(user + " asking for text/event-stream").isEqualTo(403);
            }
        }
        try (EventStream stream = EventStream.open(port, null)) {
            assertThat(stream.status(FEW_SECONDS)).isEqualTo(401);
        }
    }

    @Test
    void malformedLastEventIdIsRefused() {
        for (String malformed : List.of("abc", "-1", "12.5")) {
            Api.Answer answer = as("coordinator").get("/api/queues/stream",
                    headers -> headers.add("Last-Event-ID", malformed));
            assertThat(answer.status()).as(malformed).isEqualTo(400);
        }
    }
}
