package org.studysupport.query.request;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A change to the queues, as read by every node's live-update feed. Holds no personal data. */
@Entity
@Table(name = "queue_change")
public class QueueChangeEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long position;
    @Column(name = "request_id", nullable = false)
    private UUID requestId;
    @Column(nullable = false)
    private long version;
    @Column(nullable = false)
    private String reference;
    @Column(nullable = false)
    private String status;
    @Column(name = "event_type", nullable = false)
    private String eventType;
    @Column(name = "investigator_id", nullable = false)
    private String investigatorId;
    @Column(nullable = false)
    private String hospitals;
    @Column(name = "in_triage", nullable = false)
    private boolean inTriage;
    @Column(name = "internal_only", nullable = false)
    private boolean internalOnly;
    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    protected QueueChangeEntity() {
    }

    QueueChangeEntity(UUID requestId, long version, String reference, String status, String eventType, String investigatorId,
                      String hospitals, boolean inTriage, boolean internalOnly, Instant occurredAt) {
        this.requestId = requestId;
        this.version = version;
        this.reference = reference;
        this.status = status;
        this.eventType = eventType;
        this.investigatorId = investigatorId;
        this.hospitals = hospitals;
        this.inTriage = inTriage;
        this.internalOnly = internalOnly;
        this.occurredAt = occurredAt;
    }
}
