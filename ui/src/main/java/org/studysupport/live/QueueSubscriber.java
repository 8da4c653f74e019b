package org.studysupport.live;

import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.studysupport.api.query.QueueChange;
import org.studysupport.api.security.Actor;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * One open stream: sends each change the viewer may see once, in the order offered. Changes that
 * arrive while the missed ones are being replayed wait until the replay is done.
 */
final class QueueSubscriber {

    static final String EVENT_NAME = "queue-change";
    static final String GREETING = "connected";
    static final String HEARTBEAT = "keep-alive";
    private static final long SENT_MEMORY = 10_000;

    private final Actor viewer;
    private final SseEmitter emitter;
    private final Consumer<QueueSubscriber> onClose;
    /** Positions sent lately, so a change offered twice (replay and live) is sent once. */
    private final TreeSet<Long> sent = new TreeSet<>();
    private final List<QueueChange> waiting = new ArrayList<>();
    private boolean replaying = true;
    private boolean open = true;

    QueueSubscriber(Actor viewer, long timeoutMillis, Consumer<QueueSubscriber> onClose) {
        this.viewer = viewer;
        this.emitter = new SseEmitter(timeoutMillis);
        this.onClose = onClose;
        emitter.onCompletion(this::closed);
        emitter.onTimeout(this::closed);
        emitter.onError(error -> closed());
    }

    SseEmitter emitter() {
        return emitter;
    }

    synchronized boolean isOpen() {
        return open;
    }

    /** A change the client missed before it reconnected. */
    synchronized void replay(QueueChange change) {
        if (open && QueueEvent.visibleTo(change, viewer)) {
            send(change);
        }
    }

    /** A new change from the live feed; held back while the missed ones are still being replayed. */
    synchronized void offer(QueueChange change) {
        if (!open || !QueueEvent.visibleTo(change, viewer)) {
            return;
        }
        if (replaying) {
            waiting.add(change);
        } else {
            send(change);
        }
    }

    /** The replay is done: send what the live feed offered meanwhile. */
    synchronized void ready() {
        replaying = false;
        waiting.forEach(this::send);
        waiting.clear();
    }

    /**
     * The first line of every stream: the response goes out at once, and the client knows that what
     * changes from now on reaches it.
     */
    synchronized void greet() {
        comment(GREETING);
    }

    synchronized void heartbeat() {
        comment(HEARTBEAT);
    }

    private void comment(String text) {
        if (!open) {
            return;
        }
        try {
            emitter.send(SseEmitter.event().comment(text));
        } catch (IOException | IllegalStateException gone) {
            close();
        }
    }

    synchronized void close() {
        if (open) {
            emitter.complete();
            closed();
        }
    }

    private void send(QueueChange change) {
        if (!sent.add(change.position())) {
            return;
        }
        sent.headSet(change.position() - SENT_MEMORY).clear();
        try {
            emitter.send(SseEmitter.event()
                    .id(Long.toString(change.position()))
                    .name(EVENT_NAME)
                    .data(QueueEvent.of(change), MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException gone) {
            close();
        }
    }

    private synchronized void closed() {
        open = false;
        onClose.accept(this);
    }
}
