package org.studysupport.command.sla;

import org.axonframework.deadline.DeadlineManager;

import java.util.UUID;

/**
 * The schedule ids of a request's SLA deadlines, kept beside the scheduler so that a pause or a
 * stop cancels exactly that request's deadlines, instead of making the deadline manager search all
 * scheduled deadlines for the request's scope. Both happen in the command's own transaction.
 */
public interface SlaDeadlineIds {

    /** One scheduled deadline: its name and the id the deadline manager gave it. */
    record Scheduled(String deadlineName, String scheduleId) {
    }

    void remember(UUID requestId, Scheduled deadline);

    /**
     * Cancels every deadline remembered for the request that has not started to run, and forgets
     * them all. One that is running already is left to finish: it finds its clock changed and does
     * nothing.
     *
     * @param deadlines the deadline manager that scheduled them, for implementations that cancel
     *                  through it
     */
    void cancelAll(UUID requestId, DeadlineManager deadlines);
}
