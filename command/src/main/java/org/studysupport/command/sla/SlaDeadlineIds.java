package org.studysupport.command.sla;

import java.util.List;
import java.util.UUID;

/**
 * The schedule ids of a request's SLA deadlines, kept beside the scheduler so that a pause or a
 * stop cancels exactly those deadlines, one by one, instead of making the deadline manager search
 * all scheduled deadlines for the request's scope. Written in the command's own transaction; ids of
 * deadlines that already ran are harmless (cancelling them does nothing) and go with the next
 * cancellation of their request.
 */
public interface SlaDeadlineIds {

    /** One scheduled deadline: its name and the id the deadline manager gave it. */
    record Scheduled(String deadlineName, String scheduleId) {
    }

    void remember(UUID requestId, Scheduled deadline);

    /** Every deadline remembered for the request, forgotten from now on. */
    List<Scheduled> takeAll(UUID requestId);
}
