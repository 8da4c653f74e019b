package org.studysupport.query.request;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.studysupport.api.access.RequestDisclosure;
import org.studysupport.api.access.RequestScope;
import org.studysupport.api.query.CanSeeRequest;
import org.studysupport.api.query.FindRequest;
import org.studysupport.api.query.ListRequests;
import org.studysupport.api.query.RequestSort;
import org.studysupport.api.query.RequestSummary;
import org.studysupport.api.query.RequestView;
import org.studysupport.api.query.RequestPage;
import org.studysupport.query.access.ScopeSql;
import org.studysupport.query.privacy.ContactOpening;

import java.sql.Timestamp;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Answers the questions about requests from the read tables; never from the event log. */
@Component
public class RequestQueries {

    private final RequestViewTables requests;
    private final ViewDocuments documents;
    private final NamedParameterJdbcTemplate jdbc;
    private final ContactOpening contacts;

    public RequestQueries(RequestViewTables requests, ViewDocuments documents, NamedParameterJdbcTemplate jdbc,
                          ContactOpening contacts) {
        this.requests = requests;
        this.documents = documents;
        this.jdbc = jdbc;
        this.contacts = contacts;
    }

    /** The request as the viewer may see it: in the viewer's scope, then redacted, as every output does. */
    @QueryHandler
    public Optional<RequestView> handle(FindRequest query) {
        return requests.find(query.requestId())
                .filter(RequestScope.of(query.viewer())::includes)
                .map(requests::whole)
                .map(RequestDisclosure.to(query.viewer())::redact)
                .map(contacts::open);
    }

    @QueryHandler
    public Boolean handle(CanSeeRequest query) {
        return requests.find(query.requestId()).filter(RequestScope.of(query.viewer())::includes).isPresent();
    }

    @QueryHandler
    public RequestPage handle(ListRequests query) {
        StringBuilder where = new StringBuilder(" from request_view r where 1 = 1");
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        where.append(ScopeSql.and(RequestScope.of(query.viewer()), "r", parameters));
        if (query.status() != null) {
            where.append(" and r.status = :status");
            parameters.addValue("status", query.status().name());
        }
        if (query.service() != null) {
            where.append(" and exists (select 1 from request_service s where s.request_id = r.id"
                    + " and s.service = :service)");
            parameters.addValue("service", query.service().name());
        }
        if (query.hospital() != null) {
            where.append(" and exists (select 1 from assignment_view h where h.request_id = r.id"
                    + " and h.hospital = :hospital)");
            parameters.addValue("hospital", query.hospital());
        }
        if (query.priority() != null) {
            where.append(" and r.priority = :priority");
            parameters.addValue("priority", query.priority().name());
        }
        if (query.text() != null && !query.text().isBlank()) {
            where.append(" and r.search_text like :text escape '\\'");
            parameters.addValue("text", "%" + escapeLike(query.text().trim().toLowerCase(Locale.ROOT)) + "%");
        }
        if (query.submittedFrom() != null) {
            where.append(" and r.submitted_at >= :submittedFrom");
            parameters.addValue("submittedFrom", Timestamp.from(query.submittedFrom()));
        }
        if (query.submittedTo() != null) {
            where.append(" and r.submitted_at < :submittedTo");
            parameters.addValue("submittedTo", Timestamp.from(query.submittedTo()));
        }
        Long total = jdbc.queryForObject("select count(*)" + where, parameters, Long.class);
        parameters.addValue("limit", query.size());
        parameters.addValue("offset", (long) query.page() * query.size());
        List<RequestSummary> items = jdbc.query("select r.summary" + where + orderBy(query.sort())
                        + " limit :limit offset :offset", parameters,
                (rs, rowNumber) -> documents.readSummary(rs.getString(1)));
        return new RequestPage(items, query.page(), query.size(), total == null ? 0 : total);
    }

    private static String orderBy(RequestSort sort) {
        RequestSort effective = sort == null ? RequestSort.newestFirst() : sort;
        // "nulls last" only where a column may be null: on a column that never is, it would keep the
        // database from reading a descending order straight off an ascending index
        String column = switch (effective.field()) {
            case SUBMITTED_AT -> "r.submitted_at";
            case UPDATED_AT -> "r.updated_at";
            case PRIORITY -> "r.priority_rank";
            case SLA_DUE_AT -> "r.sla_due_at";
        };
        boolean nullable = effective.field() == RequestSort.Field.PRIORITY
                || effective.field() == RequestSort.Field.SLA_DUE_AT;
        String direction = (effective.ascending() ? " asc" : " desc") + (nullable ? " nulls last" : "");
        return " order by " + column + direction + ", r.submitted_at asc, r.id asc";
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
