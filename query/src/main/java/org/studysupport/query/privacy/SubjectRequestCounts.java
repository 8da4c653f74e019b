package org.studysupport.query.privacy;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.studysupport.api.privacy.CountSubjectRequests;

/** Counts a subject's requests in the request read table, for the answer to an erasure. */
@Component
public class SubjectRequestCounts {

    private final JdbcTemplate jdbc;

    public SubjectRequestCounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public Long handle(CountSubjectRequests query) {
        return jdbc.queryForObject("select count(*) from request_view where investigator_id = ?", Long.class,
                query.subject());
    }
}
