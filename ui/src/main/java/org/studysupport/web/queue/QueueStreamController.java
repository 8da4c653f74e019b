package org.studysupport.web.queue;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.studysupport.api.problem.InvalidInputException;
import org.studysupport.live.QueueChangeFeed;
import org.studysupport.security.CurrentActor;

/**
 * Server-sent events: one {@code queue-change} event per change to a queue the caller may see, in
 * stream order; the event id is the change's stream position, so a client that resumes with
 * {@code Last-Event-ID} receives exactly the changes it has not seen.
 */
@RestController
@Tag(name = "Queues")
public class QueueStreamController {

    private final QueueChangeFeed feed;

    public QueueStreamController(QueueChangeFeed feed) {
        this.feed = feed;
    }

    @GetMapping(path = "/api/queues/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(operationId = "queueChanges",
            summary = "Live queue changes as server-sent events (COORDINATOR, HOSPITAL; INVESTIGATOR for"
            + " their own requests). Reconnect with Last-Event-ID to receive what was missed; a client that falls"
            + " behind is sent a `resume` event and must reconnect with the id it names.")
    public SseEmitter stream(@Parameter(description = "the id of the last event received")
                             @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        return feed.subscribe(CurrentActor.get(), parse(lastEventId));
    }

    /**
     * The stream position a client resumes after, from its {@code Last-Event-ID} header (null: none,
     * a new stream); anything but an event id of this stream is refused. The pages' streams read it
     * the same way.
     */
    public static Long parse(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return null;
        }
        try {
            long id = Long.parseLong(lastEventId.trim());
            if (id >= 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidInputException("Last-Event-ID", "must be the id of an event of this stream");
    }
}
