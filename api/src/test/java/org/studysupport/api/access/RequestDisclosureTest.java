package org.studysupport.api.access;

import org.junit.jupiter.api.Test;
import org.studysupport.api.assignment.AssignmentCompleted;
import org.studysupport.api.assignment.AssignmentDeclined;
import org.studysupport.api.assignment.AssignmentReassigned;
import org.studysupport.api.assignment.ServiceAssigned;
import org.studysupport.api.privacy.SealedContact;
import org.studysupport.api.query.HistoryEntry;
import org.studysupport.api.reference.ServiceCode;
import org.studysupport.api.request.CommentAdded;
import org.studysupport.api.request.CommentVisibility;
import org.studysupport.api.request.RequestSubmitted;
import org.studysupport.api.security.Actor;
import org.studysupport.api.security.Role;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The history entries each viewer is shown. Hospital staff do not read histories over HTTP today;
 * the rule is the view's all the same, so that opening the history to them would reveal nothing new.
 */
class RequestDisclosureTest {

    private static final UUID REQUEST = UUID.randomUUID();
    private static final Actor OUS_STAFF = Actor.hospitalStaff("ous-staff", "OUS");
    private static final Actor OWNER = Actor.of("investigator1", Role.INVESTIGATOR);
    private static final Actor AUDITOR = Actor.of("auditor", Role.AUDITOR);

    private static HistoryEntry entry(Object data, String reason) {
        return new HistoryEntry(0, data.getClass().getSimpleName(), Instant.parse("2026-11-26T09:15:00Z"),
                new HistoryEntry.HistoryActor("coordinator", "COORDINATOR"), reason, data);
    }

    @Test
    void hospitalStaffGetOtherHospitalsAssignmentEventsWithoutNoteReasonAndSummary() {
        UUID husAssignment = UUID.randomUUID();
        HistoryEntry declined = entry(new AssignmentDeclined(REQUEST, husAssignment, ServiceCode.BIOBANK, "HUS",
                "No capacity"), "No capacity");
        HistoryEntry assigned = entry(new ServiceAssigned(REQUEST, husAssignment, ServiceCode.BIOBANK, "HUS",
                "Call the PI first"), null);
        HistoryEntry completed = entry(new AssignmentCompleted(REQUEST, husAssignment, ServiceCode.BIOBANK, "HUS",
                "Samples stored"), null);
        HistoryEntry reassigned = entry(new AssignmentReassigned(REQUEST, husAssignment, ServiceCode.BIOBANK, "HUS",
                UUID.randomUUID(), "OUS", "Closer to the sites"), "Closer to the sites");

        RequestDisclosure ous = RequestDisclosure.to(OUS_STAFF);
        HistoryEntry shownDecline = ous.redact(declined).orElseThrow();
        assertThat(shownDecline.reason()).isNull();
        assertThat(((AssignmentDeclined) shownDecline.data()).reason()).isNull();
        assertThat(((AssignmentDeclined) shownDecline.data()).hospital()).isEqualTo("HUS");
        assertThat(((ServiceAssigned) ous.redact(assigned).orElseThrow().data()).note()).isNull();
        assertThat(((AssignmentCompleted) ous.redact(completed).orElseThrow().data()).summary()).isNull();
        HistoryEntry shownReassign = ous.redact(reassigned).orElseThrow();
        assertThat(((AssignmentReassigned) shownReassign.data()).reason()).isNull();
        assertThat(((AssignmentReassigned) shownReassign.data()).toHospital()).isEqualTo("OUS");
        assertThat(shownReassign.reason()).isNull();

        RequestDisclosure hus = RequestDisclosure.to(Actor.hospitalStaff("hus-staff", "HUS"));
        assertThat(hus.redact(declined)).contains(declined);
        assertThat(hus.redact(completed)).contains(completed);
        for (Actor reader : List.of(OWNER, AUDITOR, Actor.of("coordinator", Role.COORDINATOR))) {
            assertThat(RequestDisclosure.to(reader).redact(reassigned)).as(reader.id()).contains(reassigned);
        }
    }

    @Test
    void hospitalStaffGetTheSubmissionWithoutTheContactAndOthersWithIt() {
        SealedContact contact = SealedContact.sealed("investigator1", "key-1", "c2VhbGVk");
        HistoryEntry submitted = entry(new RequestSubmitted(REQUEST, "SR-2026-00001", "investigator1", null,
                List.of(ServiceCode.MONITORING), contact), null);

        Optional<HistoryEntry> forHospital = RequestDisclosure.to(OUS_STAFF).redact(submitted);
        assertThat(((RequestSubmitted) forHospital.orElseThrow().data()).contact()).isNull();
        assertThat(((RequestSubmitted) forHospital.orElseThrow().data()).investigatorId()).isEqualTo("investigator1");
        assertThat(RequestDisclosure.to(OWNER).redact(submitted)).contains(submitted);
        assertThat(RequestDisclosure.to(AUDITOR).redact(submitted)).contains(submitted);
    }

    @Test
    void investigatorsDoNotGetInternalCommentsOthersDo() {
        HistoryEntry internal = entry(new CommentAdded(REQUEST, UUID.randomUUID(), "Budget looks thin",
                CommentVisibility.INTERNAL, "coordinator"), null);
        HistoryEntry open = entry(new CommentAdded(REQUEST, UUID.randomUUID(), "Welcome",
                CommentVisibility.PUBLIC, "coordinator"), null);

        assertThat(RequestDisclosure.to(OWNER).redact(internal)).isEmpty();
        assertThat(RequestDisclosure.to(OWNER).redact(open)).contains(open);
        assertThat(RequestDisclosure.to(OUS_STAFF).redact(internal)).contains(internal);
        assertThat(RequestDisclosure.to(AUDITOR).redact(internal)).contains(internal);
    }

    @Test
    void scopeIncludesOwnRequestsOrThoseEverAssignedToTheHospital() {
        assertThat(RequestScope.of(OWNER).includes("investigator1", List.of())).isTrue();
        assertThat(RequestScope.of(OWNER).includes("investigator2", List.of("OUS"))).isFalse();
        assertThat(RequestScope.of(OUS_STAFF).includes("investigator2", List.of("HUS", "OUS"))).isTrue();
        assertThat(RequestScope.of(OUS_STAFF).includes("investigator2", List.of("HUS"))).isFalse();
        assertThat(RequestScope.of(AUDITOR).includes("anyone", List.of())).isTrue();
        assertThat(RequestScope.of(new Actor("lost", Role.HOSPITAL, null)).includes("x", List.of("OUS"))).isFalse();
        assertThat(RequestScope.of(OUS_STAFF).coversHospital("OUS")).isTrue();
        assertThat(RequestScope.of(OUS_STAFF).coversHospital("HUS")).isFalse();
        assertThat(RequestScope.of(OWNER).coversHospital("OUS")).isFalse();
        assertThat(RequestScope.of(AUDITOR).wholeNetwork()).isTrue();
        assertThat(RequestScope.of(OUS_STAFF).wholeNetwork()).isFalse();
    }
}
