package org.studysupport.web.page.queues;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.studysupport.api.security.Action;
import org.studysupport.api.security.Actor;
import org.studysupport.application.QueueService;
import org.studysupport.live.QueueChangeFeed;
import org.studysupport.security.CurrentActor;
import org.studysupport.web.queue.QueueStreamController;

/**
 * The boards' live connections, {@code /triage/stream} and {@code /hospitals/{code}/stream}: the same
 * per-node feed and subscription as the API's {@code /api/queues/stream}
 * ({@link QueueChangeFeed#subscribe}), so a board hears of exactly the changes its viewer may see,
 * one {@code queue-change} event each, and resumes with {@code Last-Event-ID} as the API's clients
 * do. They are served on the pages' paths because the API's chain does not take the pages' session.
 * Each is open to whoever may open its board, and to roles that may follow changes.
 */
@Controller
public class BoardStreams {

    private final QueueChangeFeed feed;
    private final QueueService queues;

    public BoardStreams(QueueChangeFeed feed, QueueService queues) {
        this.feed = feed;
        this.queues = queues;
    }

    @GetMapping(path = "/triage/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    SseEmitter triage(@RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        Actor viewer = CurrentActor.get();
        Action.READ_TRIAGE_QUEUE.requireRole(viewer);
        return open(viewer, lastEventId);
    }

    @GetMapping(path = "/hospitals/{code}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    SseEmitter hospital(@PathVariable String code,
                        @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        Action.READ_HOSPITAL_QUEUE.requireRole(CurrentActor.get());
        return open(queues.requireHospitalQueue(code), lastEventId);
    }

    private SseEmitter open(Actor viewer, String lastEventId) {
        Action.FOLLOW_CHANGES.requireRole(viewer);
        return feed.subscribe(viewer, QueueStreamController.parse(lastEventId));
    }

    /** The browser closed the stream (the user left the page): nothing to answer, nothing went wrong. */
    @ExceptionHandler(AsyncRequestNotUsableException.class)
    @ResponseBody
    void gone() {
        // the connection is closed; the subscription has ended itself
    }
}
