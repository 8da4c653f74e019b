package org.studysupport.query.request;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.studysupport.api.query.AssignmentView;

import java.time.Instant;
import java.util.UUID;

/** One row per assignment, for hospital scoping and hospital queues. */
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

    protected AssignmentViewEntity() {
    }

    AssignmentViewEntity(UUID requestId, AssignmentView assignment) {
        this.id = assignment.id();
        this.requestId = requestId;
        this.service = assignment.service().name();
        this.hospital = assignment.hospital();
        this.createdAt = assignment.createdAt();
        this.status = assignment.status().name();
    }

    void update(AssignmentView assignment) {
        this.status = assignment.status().name();
    }
}
