package org.studysupport.bench;

import org.studysupport.api.assignment.AssignmentAcknowledged;
import org.studysupport.api.assignment.AssignmentCancelled;
import org.studysupport.api.assignment.AssignmentCompleted;
import org.studysupport.api.assignment.AssignmentDeclined;
import org.studysupport.api.assignment.AssignmentReassigned;
import org.studysupport.api.assignment.AssignmentStatus;
import org.studysupport.api.assignment.ServiceAssigned;
import org.studysupport.api.reference.ServiceCode;
import org.studysupport.api.request.ClarificationAnswered;
import org.studysupport.api.request.ClarificationRequested;
import org.studysupport.api.request.CommentAdded;
import org.studysupport.api.request.CommentVisibility;
import org.studysupport.api.request.ContactDetails;
import org.studysupport.api.request.Priority;
import org.studysupport.api.request.RequestAccepted;
import org.studysupport.api.request.RequestCompleted;
import org.studysupport.api.request.RequestRejected;
import org.studysupport.api.request.RequestStatus;
import org.studysupport.api.request.RequestWithdrawn;
import org.studysupport.api.request.StudyDetails;
import org.studysupport.api.security.Role;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * One request as the aggregate ({@code SupportRequest} and {@code Assignment} in {@code command})
 * would record it: each method checks the same rule the command handler checks, then records the
 * events the handler applies, with the metadata the application attaches (who, why, correlation).
 * A rule broken here is a bug of the generator, and fails the run: the application must be able to
 * load these requests and act on them.
 */
final class SimulatedRequest {

    /** Who acts: the user id, role and (hospital staff) hospital, as the metadata carries them. */
    record Who(String id, String role, String hospital) {

        static final Who COORDINATOR = new Who("coordinator", "COORDINATOR", null);

        static Who investigator(String id) {
            return new Who(id, "INVESTIGATOR", null);
        }

        static Who staffOf(String hospital) {
            return new Who(hospital.toLowerCase(Locale.ROOT) + "-staff", "HOSPITAL", hospital);
        }
    }

    /** An event of this request, not yet timed: the generator gives it its time stamp. */
    record Event(long sequence, Object payload, Map<String, Object> metaData, UUID eventId) {
    }

    private static final class Assignment {
        final UUID id;
        final ServiceCode service;
        final String hospital;
        AssignmentStatus status = AssignmentStatus.PENDING;

        Assignment(UUID id, ServiceCode service, String hospital) {
            this.id = id;
            this.service = service;
            this.hospital = hospital;
        }

        boolean open() {
            return status.isOpen();
        }
    }

    private final UUID id;
    private final String investigator;
    private final Supplier<UUID> ids;
    private final List<Event> events = new ArrayList<>();
    private final Map<UUID, Assignment> assignments = new LinkedHashMap<>();
    private List<ServiceCode> services = List.of();
    private RequestStatus status;
    private RequestStatus resumeStatus;
    private UUID openClarification;

    SimulatedRequest(UUID id, String investigator, Supplier<UUID> ids) {
        this.id = id;
        this.investigator = investigator;
        this.ids = ids;
    }

    void submit(String reference, StudyDetails study, List<ServiceCode> requested, ContactDetails contact) {
        require(status == null, "submitted once");
        require(!requested.isEmpty() && Set.copyOf(requested).size() == requested.size(), "distinct services");
        services = List.copyOf(requested);
        status = RequestStatus.SUBMITTED;
        record(Who.investigator(investigator), null,
                new RevisionOneSubmission(id, reference, investigator, study, services, contact));
    }

    void comment(Who who, CommentVisibility visibility, String text) {
        if (who.role().equals("INVESTIGATOR")) {
            require(who.id().equals(investigator) && visibility == CommentVisibility.PUBLIC, "owner, PUBLIC");
        }
        if (who.role().equals("HOSPITAL")) {
            require(assignments.values().stream().anyMatch(a -> a.hospital.equals(who.hospital())), "assigned");
        }
        record(who, null, new CommentAdded(id, ids.get(), text, visibility, who.id()));
    }

    boolean canAsk(Who who) {
        boolean assignedHospital = who.role().equals("HOSPITAL") && assignments.values().stream()
                .anyMatch(a -> a.open() && a.hospital.equals(who.hospital()));
        return (who.role().equals("COORDINATOR") || assignedHospital) && !status.isFinal()
                && status != RequestStatus.AWAITING_INFO;
    }

    void ask(Who who, String question) {
        require(canAsk(who), "may ask a question now");
        UUID clarification = ids.get();
        RequestStatus resume = status;
        openClarification = clarification;
        resumeStatus = resume;
        status = RequestStatus.AWAITING_INFO;
        record(who, null, new ClarificationRequested(id, clarification, question, who.id(),
                Role.valueOf(who.role()), who.hospital(), resume));
    }

    void answer(String answer) {
        require(openClarification != null, "an open question");
        UUID clarification = openClarification;
        RequestStatus resumed = resumeStatus;
        openClarification = null;
        status = resumed;
        resumeStatus = null;
        record(Who.investigator(investigator), null, new ClarificationAnswered(id, clarification, answer, resumed));
    }

    void accept(Priority priority, String note) {
        require(status == RequestStatus.SUBMITTED, "SUBMITTED to accept");
        status = RequestStatus.ACCEPTED;
        record(Who.COORDINATOR, null, new RequestAccepted(id, priority, note));
    }

    void reject(String reason) {
        require(status == RequestStatus.SUBMITTED, "SUBMITTED to reject");
        status = RequestStatus.REJECTED;
        record(Who.COORDINATOR, reason, new RequestRejected(id, reason));
    }

    /** The hospital must offer the service (the caller picks it from the configured hospitals). */
    UUID assign(ServiceCode service, String hospital, String note) {
        RequestStatus effective = status == RequestStatus.AWAITING_INFO ? resumeStatus : status;
        require(effective == RequestStatus.ACCEPTED || effective == RequestStatus.IN_PROGRESS, "workable");
        require(services.contains(service), "requested service");
        require(openAssignmentFor(service) == null, "no open assignment for the service");
        UUID assignment = ids.get();
        assigned(assignment, service, hospital);
        record(Who.COORDINATOR, null, new ServiceAssigned(id, assignment, service, hospital, note));
        return assignment;
    }

    void acknowledge(UUID assignmentId) {
        Assignment a = assignment(assignmentId, AssignmentStatus.PENDING);
        a.status = AssignmentStatus.ACTIVE;
        record(Who.staffOf(a.hospital), null, new AssignmentAcknowledged(id, a.id, a.service, a.hospital));
    }

    void decline(UUID assignmentId, String reason) {
        Assignment a = assignment(assignmentId, AssignmentStatus.PENDING);
        a.status = AssignmentStatus.DECLINED;
        record(Who.staffOf(a.hospital), reason, new AssignmentDeclined(id, a.id, a.service, a.hospital, reason));
    }

    void completeAssignment(UUID assignmentId, String summary) {
        Assignment a = assignment(assignmentId, AssignmentStatus.ACTIVE);
        a.status = AssignmentStatus.COMPLETED;
        record(Who.staffOf(a.hospital), null, new AssignmentCompleted(id, a.id, a.service, a.hospital, summary));
    }

    /** The new hospital must offer the service and differ from the current one. */
    UUID reassign(UUID assignmentId, String toHospital, String reason) {
        Assignment a = assignments.get(assignmentId);
        require(a != null && a.open() && !a.hospital.equals(toHospital), "open, to another hospital");
        UUID replacement = ids.get();
        UUID correlation = ids.get();
        a.status = AssignmentStatus.REASSIGNED;
        record(Who.COORDINATOR, reason, correlation, new AssignmentReassigned(id, a.id, a.service, a.hospital,
                replacement, toHospital, reason));
        assigned(replacement, a.service, toHospital);
        record(Who.COORDINATOR, reason, correlation, new ServiceAssigned(id, replacement, a.service, toHospital,
                null));
        return replacement;
    }

    void cancel(UUID assignmentId, String reason) {
        Assignment a = assignments.get(assignmentId);
        require(a != null && a.open(), "open to cancel");
        a.status = AssignmentStatus.CANCELLED;
        record(Who.COORDINATOR, reason, new AssignmentCancelled(id, a.id, a.service, a.hospital, reason));
    }

    void complete(String outcome) {
        require(status == RequestStatus.ACCEPTED || status == RequestStatus.IN_PROGRESS, "ACCEPTED or IN_PROGRESS");
        require(assignments.values().stream().noneMatch(Assignment::open), "no open assignment");
        status = RequestStatus.COMPLETED;
        record(Who.COORDINATOR, outcome, new RequestCompleted(id, outcome));
    }

    void withdraw(String reason) {
        require(!status.isFinal(), "not final");
        UUID correlation = ids.get();
        Who owner = Who.investigator(investigator);
        for (Assignment a : assignments.values()) {
            if (a.open()) {
                a.status = AssignmentStatus.CANCELLED;
                record(owner, reason, correlation, new AssignmentCancelled(id, a.id, a.service, a.hospital,
                        "Request withdrawn by its investigator: " + reason));
            }
        }
        RequestStatus previous = status;
        status = RequestStatus.WITHDRAWN;
        openClarification = null;
        resumeStatus = null;
        record(owner, reason, correlation, new RequestWithdrawn(id, reason, previous));
    }

    // --- what the scenario needs to know ---

    RequestStatus status() {
        return status;
    }

    List<ServiceCode> services() {
        return services;
    }

    List<Event> events() {
        return events;
    }

    UUID id() {
        return id;
    }

    String investigator() {
        return investigator;
    }

    ServiceCode firstUnassignedService() {
        return services.stream().filter(s -> assignments.values().stream()
                        .noneMatch(a -> a.service == s && (a.open() || a.status == AssignmentStatus.COMPLETED)))
                .findFirst().orElse(null);
    }

    List<UUID> assignmentsIn(AssignmentStatus wanted) {
        return assignments.values().stream().filter(a -> a.status == wanted).map(a -> a.id).toList();
    }

    String hospitalOf(UUID assignmentId) {
        return assignments.get(assignmentId).hospital;
    }

    ServiceCode serviceOf(UUID assignmentId) {
        return assignments.get(assignmentId).service;
    }

    boolean anyAssignmentAt(String hospital) {
        return assignments.values().stream().anyMatch(a -> a.hospital.equals(hospital));
    }

    List<String> hospitalsWithOpenAssignment() {
        return assignments.values().stream().filter(Assignment::open).map(a -> a.hospital).distinct().toList();
    }

    List<String> hospitalsWithAssignment() {
        return assignments.values().stream().map(a -> a.hospital).distinct().toList();
    }

    /** The driver's view of the request after the last event. */
    RequestState state() {
        List<RequestState.Assignment> known = assignments.values().stream()
                .map(a -> new RequestState.Assignment(a.id, a.service.name(), a.hospital, a.status.name())).toList();
        return new RequestState(id, investigator, services.stream().map(Enum::name).toList(), true, status.name(),
                events.size() - 1, known, openClarification);
    }

    // --- recording ---

    private Assignment openAssignmentFor(ServiceCode service) {
        return assignments.values().stream().filter(a -> a.service == service && a.open()).findFirst().orElse(null);
    }

    private void assigned(UUID assignment, ServiceCode service, String hospital) {
        assignments.put(assignment, new Assignment(assignment, service, hospital));
        if (status == RequestStatus.ACCEPTED) {
            status = RequestStatus.IN_PROGRESS;
        } else if (status == RequestStatus.AWAITING_INFO && resumeStatus == RequestStatus.ACCEPTED) {
            resumeStatus = RequestStatus.IN_PROGRESS;
        }
    }

    private Assignment assignment(UUID assignmentId, AssignmentStatus expected) {
        Assignment a = assignments.get(assignmentId);
        require(a != null && a.status == expected, "assignment " + expected);
        return a;
    }

    private void record(Who who, String reason, Object payload) {
        record(who, reason, ids.get(), payload);
    }

    private void record(Who who, String reason, UUID commandId, Object payload) {
        events.add(new Event(events.size(), payload, metaData(who, reason, commandId), ids.get()));
    }

    /**
     * Metadata as the application writes it: the command's id as correlation and trace id (the same
     * for all events of one command), the actor (userId, role, hospital) and the command's reason.
     * Copied into a map sized for its entries, as Axon's {@code MetaData} holds it, so that the
     * keys come out in the same order.
     */
    static Map<String, Object> metaData(Who who, String reason, UUID commandId) {
        Map<String, Object> metaData = new HashMap<>();
        metaData.put("traceId", commandId.toString());
        metaData.put("correlationId", commandId.toString());
        metaData.put("userId", who.id());
        metaData.put("role", who.role());
        if (who.hospital() != null) {
            metaData.put("hospital", who.hospital());
        }
        if (reason != null) {
            metaData.put("reason", reason);
        }
        return new HashMap<>(metaData);
    }

    private void require(boolean rule, String what) {
        if (!rule) {
            throw new IllegalStateException("Generator broke a rule of request " + id + " in " + status + ": " + what);
        }
    }
}
