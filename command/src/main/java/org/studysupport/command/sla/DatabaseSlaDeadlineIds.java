package org.studysupport.command.sla;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.UUID;

/**
 * {@link SlaDeadlineIds} in the {@code sla_deadline} table, next to db-scheduler's
 * {@code scheduled_tasks}, through the application's data source: inside a command, in the
 * command's transaction, so a command that fails leaves neither the deadline nor its id.
 */
public class DatabaseSlaDeadlineIds implements SlaDeadlineIds {

    private static final String INSERT =
            "insert into sla_deadline (schedule_id, request_id, deadline_name) values (?, ?, ?)";
    private static final String SELECT = "select deadline_name, schedule_id from sla_deadline where request_id = ?";
    private static final String DELETE = "delete from sla_deadline where request_id = ?";

    private final JdbcTemplate jdbc;

    public DatabaseSlaDeadlineIds(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void remember(UUID requestId, Scheduled deadline) {
        jdbc.update(INSERT, deadline.scheduleId(), requestId, deadline.deadlineName());
    }

    @Override
    public List<Scheduled> takeAll(UUID requestId) {
        List<Scheduled> scheduled = jdbc.query(SELECT,
                (rs, row) -> new Scheduled(rs.getString(1), rs.getString(2)), requestId);
        if (!scheduled.isEmpty()) {
            jdbc.update(DELETE, requestId);
        }
        return scheduled;
    }
}
