package org.studysupport.command.request;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.EntityId;
import org.studysupport.api.assignment.AssignmentAcknowledged;
import org.studysupport.api.assignment.AssignmentCancelled;
import org.studysupport.api.assignment.AssignmentCompleted;
import org.studysupport.api.assignment.AssignmentDeclined;
import org.studysupport.api.assignment.AssignmentReassigned;
import org.studysupport.api.assignment.AssignmentStatus;
import org.studysupport.api.problem.ActionNotAllowedException;
import org.studysupport.api.reference.ServiceCode;

import java.util.Objects;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One requested service routed to one partner hospital: PENDING, then ACTIVE once acknowledged,
 * then COMPLETED; or DECLINED, REASSIGNED or CANCELLED on the way. A member of {@link SupportRequest},
 * which decides who may act on it; the assignment decides what its status allows.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class Assignment {

    @EntityId(routingKey = "assignmentId")
    private UUID assignmentId;
    private UUID requestId;
    private ServiceCode service;
    private String hospital;
    private AssignmentStatus status;

    Assignment() {
        // for snapshots
    }

    Assignment(UUID requestId, UUID assignmentId, ServiceCode service, String hospital) {
        this.requestId = requestId;
        this.assignmentId = assignmentId;
        this.service = service;
        this.hospital = hospital;
        this.status = AssignmentStatus.PENDING;
    }

    UUID id() {
        return assignmentId;
    }

    ServiceCode service() {
        return service;
    }

    String hospital() {
        return hospital;
    }

    AssignmentStatus status() {
        return status;
    }

    boolean isOpen() {
        return status.isOpen();
    }

    void acknowledge() {
        requireStatus(AssignmentStatus.PENDING, "acknowledged");
        apply(new AssignmentAcknowledged(requestId, assignmentId, service, hospital));
    }

    void decline(String reason) {
        requireStatus(AssignmentStatus.PENDING, "declined");
        apply(new AssignmentDeclined(requestId, assignmentId, service, hospital, reason));
    }

    void complete(String summary) {
        requireStatus(AssignmentStatus.ACTIVE, "completed");
        apply(new AssignmentCompleted(requestId, assignmentId, service, hospital, summary));
    }

    void reassign(UUID newAssignmentId, String toHospital, String reason) {
        requireOpen("reassigned");
        if (hospital.equals(toHospital)) {
            throw new ActionNotAllowedException("The assignment is already at " + toHospital + ".");
        }
        apply(new AssignmentReassigned(requestId, assignmentId, service, hospital, newAssignmentId, toHospital,
                reason));
    }

    void cancel(String reason) {
        requireOpen("cancelled");
        apply(new AssignmentCancelled(requestId, assignmentId, service, hospital, reason));
    }

    private void requireStatus(AssignmentStatus expected, String action) {
        if (status != expected) {
            throw new ActionNotAllowedException(
                    "A " + status + " assignment cannot be " + action + "; it must be " + expected + ".");
        }
    }

    private void requireOpen(String action) {
        if (!status.isOpen()) {
            throw new ActionNotAllowedException("A " + status + " assignment cannot be " + action
                    + "; only PENDING or ACTIVE ones can.");
        }
    }

    /** Value equality, so that state rebuilt from events can be compared with state changed by commands. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Assignment that
                && Objects.equals(assignmentId, that.assignmentId)
                && Objects.equals(requestId, that.requestId)
                && service == that.service
                && Objects.equals(hospital, that.hospital)
                && status == that.status;
    }

    @Override
    public int hashCode() {
        return Objects.hash(assignmentId, requestId, service, hospital, status);
    }

    @EventSourcingHandler
    void on(AssignmentAcknowledged event) {
        status = AssignmentStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(AssignmentDeclined event) {
        status = AssignmentStatus.DECLINED;
    }

    @EventSourcingHandler
    void on(AssignmentReassigned event) {
        status = AssignmentStatus.REASSIGNED;
    }

    @EventSourcingHandler
    void on(AssignmentCancelled event) {
        status = AssignmentStatus.CANCELLED;
    }

    @EventSourcingHandler
    void on(AssignmentCompleted event) {
        status = AssignmentStatus.COMPLETED;
    }
}
