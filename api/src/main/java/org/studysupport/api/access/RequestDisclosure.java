package org.studysupport.api.access;

import org.studysupport.api.assignment.AssignmentCancelled;
import org.studysupport.api.assignment.AssignmentCompleted;
import org.studysupport.api.assignment.AssignmentDeclined;
import org.studysupport.api.assignment.AssignmentReassigned;
import org.studysupport.api.assignment.ServiceAssigned;
import org.studysupport.api.query.AssignmentView;
import org.studysupport.api.query.CommentView;
import org.studysupport.api.query.HistoryEntry;
import org.studysupport.api.query.QueueChange;
import org.studysupport.api.query.RequestView;
import org.studysupport.api.request.CommentAdded;
import org.studysupport.api.request.CommentVisibility;
import org.studysupport.api.request.RequestSubmitted;
import org.studysupport.api.security.Actor;
import org.studysupport.api.security.Role;

import java.util.List;
import java.util.Optional;

/**
 * How much of a request a viewer who may see it is shown, for every output that shows a request
 * or its events: the view, the view as of a past moment, the history, the live stream.
 * <ul>
 *   <li>the contact block: to the owner, coordinators, auditors and admins, not to hospital staff;</li>
 *   <li>INTERNAL comments: to everyone but investigators, who do not even hear of them;</li>
 *   <li>an assignment's note, its decline, cancel or reassign reason and its delivery summary: to
 *   everyone but the staff of other hospitals, who see its service, hospital, status, dates and
 *   service-level clocks only.</li>
 * </ul>
 * Which requests the viewer sees at all is {@link RequestScope}'s part.
 */
public final class RequestDisclosure {

    private final Actor viewer;

    private RequestDisclosure(Actor viewer) {
        this.viewer = viewer;
    }

    public static RequestDisclosure to(Actor viewer) {
        return new RequestDisclosure(viewer);
    }

    public boolean showsContact() {
        return !viewer.is(Role.HOSPITAL);
    }

    public boolean showsInternalComments() {
        return !viewer.is(Role.INVESTIGATOR);
    }

    /** Whether the note, reasons and summary of an assignment at that hospital are shown. */
    public boolean showsAssignmentDetails(String hospital) {
        return !viewer.is(Role.HOSPITAL) || viewer.actsFor(hospital);
    }

    /** The view without what the viewer may not be shown. */
    public RequestView redact(RequestView view) {
        List<CommentView> comments = showsInternalComments() ? view.comments()
                : view.comments().stream().filter(c -> c.visibility() == CommentVisibility.PUBLIC).toList();
        List<AssignmentView> assignments = view.assignments().stream()
                .map(a -> showsAssignmentDetails(a.hospital()) ? a : a.withoutDetails())
                .toList();
        return view.toBuilder()
                .contact(showsContact() ? view.contact() : null)
                .comments(comments)
                .assignments(assignments)
                .build();
    }

    /**
     * A history entry as the viewer may be shown it: empty for an event the viewer may not hear of
     * (an INTERNAL comment, for investigators), the data without the parts hidden in the view otherwise.
     */
    public Optional<HistoryEntry> redact(HistoryEntry entry) {
        Object data = entry.data();
        if (data instanceof CommentAdded comment && comment.visibility() == CommentVisibility.INTERNAL
                && !showsInternalComments()) {
            return Optional.empty();
        }
        if (data instanceof RequestSubmitted submitted && !showsContact()) {
            return Optional.of(withData(entry, new RequestSubmitted(submitted.requestId(), submitted.reference(),
                    submitted.investigatorId(), submitted.study(), submitted.services(), null, submitted.language()),
                    entry.reason()));
        }
        return Optional.of(withoutOtherHospitalsDetails(entry));
    }

    private HistoryEntry withoutOtherHospitalsDetails(HistoryEntry entry) {
        Object data = entry.data();
        if (data instanceof ServiceAssigned e && !showsAssignmentDetails(e.hospital())) {
            return withData(entry, new ServiceAssigned(e.requestId(), e.assignmentId(), e.service(), e.hospital(),
                    null), null);
        }
        if (data instanceof AssignmentDeclined e && !showsAssignmentDetails(e.hospital())) {
            return withData(entry, new AssignmentDeclined(e.requestId(), e.assignmentId(), e.service(),
                    e.hospital(), null), null);
        }
        if (data instanceof AssignmentCancelled e && !showsAssignmentDetails(e.hospital())) {
            return withData(entry, new AssignmentCancelled(e.requestId(), e.assignmentId(), e.service(),
                    e.hospital(), null), null);
        }
        if (data instanceof AssignmentReassigned e && !showsAssignmentDetails(e.fromHospital())) {
            return withData(entry, new AssignmentReassigned(e.requestId(), e.assignmentId(), e.service(),
                    e.fromHospital(), e.newAssignmentId(), e.toHospital(), null), null);
        }
        if (data instanceof AssignmentCompleted e && !showsAssignmentDetails(e.hospital())) {
            return withData(entry, new AssignmentCompleted(e.requestId(), e.assignmentId(), e.service(),
                    e.hospital(), null), null);
        }
        return entry;
    }

    private static HistoryEntry withData(HistoryEntry entry, Object data, String reason) {
        return new HistoryEntry(entry.sequence(), entry.type(), entry.occurredAt(), entry.actor(), reason, data);
    }

    /** Whether the viewer may hear of a change at all, given what it is about (the request's scope aside). */
    public boolean hearsOf(QueueChange change) {
        return !change.internalOnly() || showsInternalComments();
    }
}
