package org.studysupport.query.request;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import org.studysupport.api.query.RequestView;
import org.studysupport.api.query.TriagePolicy;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * One row per request: the columns that lists filter and sort on, and the whole view as a JSON
 * document. Rebuilt from the event log at any time.
 */
@Entity
@Table(name = "request_view")
public class RequestViewEntity {

    @Id
    private UUID id;
    @Column(nullable = false)
    private String reference;
    @Column(nullable = false)
    private String status;
    private String priority;
    /** LOW 0 … URGENT 3; null until accepted, so that such requests sort last either way. */
    @Column(name = "priority_rank")
    private Integer priorityRank;
    @Column(name = "investigator_id", nullable = false)
    private String investigatorId;
    @Column(nullable = false)
    private String title;
    private String acronym;
    @Column(name = "search_text", nullable = false)
    private String searchText;
    @Column(name = "submitted_at", nullable = false)
    private Instant submittedAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Column(name = "sla_due_at")
    private Instant slaDueAt;
    @Column(name = "in_triage", nullable = false)
    private boolean inTriage;
    @Column(name = "triage_due_at")
    private Instant triageDueAt;
    @Column(name = "triaged_at")
    private Instant triagedAt;
    @Column(name = "closed_at")
    private Instant closedAt;
    @Column(nullable = false)
    private long version;
    @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
    @Column(nullable = false)
    private String document;

    protected RequestViewEntity() {
    }

    public RequestViewEntity(UUID id) {
        this.id = id;
    }

    public UUID getId() {
        return id;
    }

    public long getVersion() {
        return version;
    }

    public String getDocument() {
        return document;
    }

    void update(RequestView view, String json) {
        reference = view.reference();
        status = view.status().name();
        priority = view.priority() == null ? null : view.priority().name();
        priorityRank = view.priority() == null ? null : view.priority().ordinal();
        investigatorId = view.investigatorId();
        title = view.title();
        acronym = view.acronym();
        searchText = String.join(" ", view.reference(), view.title(),
                view.acronym() == null ? "" : view.acronym()).toLowerCase(Locale.ROOT);
        submittedAt = view.submittedAt();
        updatedAt = view.updatedAt();
        slaDueAt = TriagePolicy.slaDueAt(view);
        inTriage = TriagePolicy.waitsForCoordinator(view);
        triageDueAt = TriagePolicy.triageDueAt(view);
        triagedAt = view.triagedAt();
        closedAt = view.closedAt();
        version = view.version();
        document = json;
    }
}
