package org.studysupport.query.request;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.studysupport.api.query.AssignmentView;

import java.time.Instant;
import java.util.UUID;

/** One row per assignment, for hospital scoping, hospital queues and response-time figures. */
@Entity
@Table(name = "assignment_view")
public class AssignmentViewEntity {

    @Id
    private UUID id;
    @Column(name = "request_id", nullable = false)
    private UUID requestId;
    @Column(nullable = false)
    private String service;
    @Column(nullable = false)
    private String hospital;
    @Column(nullable = false)
    private String status;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "responded_at")
    private Instant respondedAt;
    /** Due time of the assignment's running service-level clock; null while none runs. */
    @Column(name = "sla_due_at")
    private Instant slaDueAt;
    /** The hospital queue's order: the SLA due time, or the creation time until a clock runs. */
    @Column(name = "queue_due_at")
    private Instant queueDueAt;

    protected AssignmentViewEntity() {
    }

    UUID getId() {
        return id;
    }

    AssignmentViewEntity(UUID requestId, AssignmentView assignment) {
        this.id = assignment.id();
        this.requestId = requestId;
        this.service = assignment.service().name();
        this.hospital = assignment.hospital();
        this.createdAt = assignment.createdAt();
        update(assignment);
    }

    void update(AssignmentView assignment) {
        this.status = assignment.status().name();
        this.respondedAt = assignment.respondedAt();
        this.queueDueAt = slaDueAt != null ? slaDueAt : createdAt;
    }
}
