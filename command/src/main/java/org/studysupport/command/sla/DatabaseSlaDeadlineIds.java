package org.studysupport.command.sla;

import org.axonframework.deadline.DeadlineManager;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.UUID;

/**
 * {@link SlaDeadlineIds} in the {@code sla_deadline} table, next to db-scheduler's
 * {@code scheduled_tasks} (both created by the application's migrations), through the application's
 * data source, so inside a command in the command's own transaction.
 *
 * <p>Cancelling deletes the request's executions from {@code scheduled_tasks} directly, as
 * db-scheduler's own cancel does, but in one statement for all of them and skipping any execution a
 * node has picked: db-scheduler refuses to cancel one that runs, and would fail the command's
 * commit. A picked one runs to its end and finds a stale deadline; a deleted one never runs. Ids of
 * deadlines that already ran match nothing.
 */
public class DatabaseSlaDeadlineIds implements SlaDeadlineIds {

    /** The task under which Axon's DbSchedulerDeadlineManager schedules every deadline. */
    static final String AXON_DEADLINE_TASK = "AxonDeadline";

    private static final String INSERT =
            "insert into sla_deadline (schedule_id, request_id, deadline_name) values (?, ?, ?)";
    private static final String CANCEL = "delete from scheduled_tasks where task_name = ? and picked = false"
            + " and task_instance in (select schedule_id from sla_deadline where request_id = ?)";
    private static final String FORGET = "delete from sla_deadline where request_id = ?";

    private final JdbcTemplate jdbc;

    public DatabaseSlaDeadlineIds(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void remember(UUID requestId, Scheduled deadline) {
        jdbc.update(INSERT, deadline.scheduleId(), requestId, deadline.deadlineName());
    }

    @Override
    public void cancelAll(UUID requestId, DeadlineManager deadlines) {
        jdbc.update(CANCEL, AXON_DEADLINE_TASK, requestId);
        jdbc.update(FORGET, requestId);
    }
}
