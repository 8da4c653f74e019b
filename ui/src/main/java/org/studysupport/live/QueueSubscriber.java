package org.studysupport.live;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.studysupport.api.query.QueueChange;
import org.studysupport.api.security.Actor;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One open stream. The feed hands it changes without ever waiting: they go into a bounded backlog,
 * and this stream's own sending task (on the feed's sender pool, running only while there is
 * something to send) writes them to the client. A client that stops reading blocks only that task;
 * when its backlog is full it is dropped: its backlog is discarded and, once the connection takes
 * it, a last {@code resume} event tells it to reconnect with the id it names.
 *
 * <p>Every change is sent at most once, in stream order: the task remembers the stream position it
 * has handled (its cursor) and skips whatever is not after it. A client that resumes first gets
 * the changes after its Last-Event-ID from the database; the live feed's changes are taken in only
 * once the replay has almost caught up, and the replay's last reads cover whatever the feed
 * delivered before that.
 */
final class QueueSubscriber {

    private static final Logger log = LoggerFactory.getLogger(QueueSubscriber.class);

    static final String EVENT_NAME = "queue-change";
    static final String RESUME_EVENT = "resume";
    static final String GREETING = "connected";
    static final String HEARTBEAT = "keep-alive";

    /** The data of the last event of a dropped stream: where to resume, and why. */
    record ResumeNotice(String lastEventId, String reason) {
    }

    /** Where a resuming stream reads the changes after a stream position. */
    interface Replay {
        List<QueueChange> after(long position, int limit);
    }

    private final Actor viewer;
    private final SseEmitter emitter;
    private final BlockingQueue<QueueChange> backlog;
    private final Executor sender;
    private final LiveUpdateSettings settings;
    private final Replay replay;
    private final Consumer<QueueSubscriber> onClose;
    private final Runnable onDrop;
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean heartbeatDue = new AtomicBoolean();
    /** Whether the feed's changes are taken in (false while the missed changes are replayed). */
    private volatile boolean live;
    private volatile boolean overflowed;
    private volatile boolean ending;
    private volatile boolean open = true;
    // Touched by the sending task only (one at a time; the pool's hand-over orders them).
    private long cursor;
    private boolean greeted;
    private boolean replaying;

    private QueueSubscriber(Actor viewer, LiveUpdateSettings settings, Executor sender, Replay replay,
                            Consumer<QueueSubscriber> onClose, Runnable onDrop) {
        this.viewer = viewer;
        this.settings = settings;
        this.sender = sender;
        this.replay = replay;
        this.onClose = onClose;
        this.onDrop = onDrop;
        this.backlog = new ArrayBlockingQueue<>(settings.clientBacklog());
        this.emitter = new SseEmitter(settings.connectionTimeout().toMillis());
        emitter.onCompletion(this::closed);
        emitter.onTimeout(this::closed);
        emitter.onError(error -> closed());
    }

    /** A stream that hears of the changes after {@code head}, the position the feed delivered last. */
    static QueueSubscriber live(Actor viewer, long head, LiveUpdateSettings settings, Executor sender,
                                Consumer<QueueSubscriber> onClose, Runnable onDrop) {
        QueueSubscriber subscriber = new QueueSubscriber(viewer, settings, sender, null, onClose, onDrop);
        subscriber.cursor = head;
        subscriber.live = true;
        return subscriber;
    }

    /** A stream that first replays the changes after {@code lastEventId}, then goes on live. */
    static QueueSubscriber resuming(Actor viewer, long lastEventId, LiveUpdateSettings settings, Executor sender,
                                    Replay replay, Consumer<QueueSubscriber> onClose, Runnable onDrop) {
        QueueSubscriber subscriber = new QueueSubscriber(viewer, settings, sender, replay, onClose, onDrop);
        subscriber.cursor = lastEventId;
        subscriber.replaying = true;
        return subscriber;
    }

    SseEmitter emitter() {
        return emitter;
    }

    /** Starts sending: the greeting, the replay if any, then what the feed offers. */
    void start() {
        schedule();
    }

    /**
     * A change from the live feed. Never waits: a full backlog drops the client instead.
     */
    void offer(QueueChange change) {
        if (!open || !live || overflowed || !QueueEvent.visibleTo(change, viewer)) {
            return;
        }
        if (!backlog.offer(change)) {
            overflowed = true;
            backlog.clear();
            onDrop.run();
        }
        schedule();
    }

    /** A keep-alive comment, unless changes are on their way anyway. */
    void heartbeat() {
        if (open && backlog.isEmpty()) {
            heartbeatDue.set(true);
            schedule();
        }
    }

    /** Ends the stream (at shutdown) once what is being written is written. */
    void close() {
        ending = true;
        schedule();
    }

    private void schedule() {
        if (open && draining.compareAndSet(false, true)) {
            try {
                sender.execute(this::drain);
            } catch (RejectedExecutionException stopped) {
                draining.set(false);
                closed();
            }
        }
    }

    private void drain() {
        do {
            try {
                sendWhatIsDue();
            } catch (RuntimeException e) {
                log.warn("A stream ended because its changes could not be read; the client resumes with Last-Event-ID", e);
                end();
            } finally {
                draining.set(false);
            }
        } while (hasWork() && draining.compareAndSet(false, true));
    }

    private boolean hasWork() {
        return open && (!backlog.isEmpty() || overflowed || ending || heartbeatDue.get());
    }

    private void sendWhatIsDue() {
        if (!greeted) {
            greeted = true;
            comment(GREETING);
        }
        if (replaying) {
            replayMissed();
        }
        QueueChange change;
        while (open && !overflowed && !ending && (change = backlog.poll()) != null) {
            send(change);
        }
        if (overflowed) {
            dropped();
        } else if (ending) {
            end();
        } else if (heartbeatDue.getAndSet(false)) {
            comment(HEARTBEAT);
        }
    }

    /**
     * Sends the changes after the cursor from the database until a read comes back short, takes in
     * the live feed, and reads once more: what the feed delivered before it was taken in is stored
     * by then, and what it delivers later waits in the backlog (duplicates are skipped by position).
     */
    private void replayMissed() {
        replayUntilShort();
        live = true;
        replayUntilShort();
        replaying = false;
    }

    private void replayUntilShort() {
        List<QueueChange> changes;
        do {
            changes = replay.after(cursor, settings.batch());
            for (QueueChange change : changes) {
                if (QueueEvent.visibleTo(change, viewer)) {
                    send(change);
                } else {
                    cursor = Math.max(cursor, change.position());
                }
            }
        } while (open && !ending && changes.size() == settings.batch());
    }

    private void send(QueueChange change) {
        if (!open || change.position() <= cursor) {
            return;
        }
        cursor = change.position();
        write(SseEmitter.event()
                .id(Long.toString(change.position()))
                .name(EVENT_NAME)
                .data(QueueEvent.of(change), MediaType.APPLICATION_JSON));
    }

    /**
     * The client fell more than the backlog behind: tell it where to resume (every change up to the
     * cursor was sent to it or is not for it), then end the stream.
     */
    private void dropped() {
        write(SseEmitter.event()
                .id(Long.toString(cursor))
                .name(RESUME_EVENT)
                .reconnectTime(settings.reconnectDelay().toMillis())
                .data(new ResumeNotice(Long.toString(cursor),
                        "This client fell behind the stream; reconnect with Last-Event-ID to resume."),
                        MediaType.APPLICATION_JSON));
        end();
    }

    private void comment(String text) {
        write(SseEmitter.event().comment(text));
    }

    private void write(SseEmitter.SseEventBuilder event) {
        if (!open) {
            return;
        }
        try {
            emitter.send(event);
        } catch (IOException | IllegalStateException gone) {
            end();
        }
    }

    private void end() {
        if (open) {
            closed();
            try {
                emitter.complete();
            } catch (RuntimeException alreadyGone) {
                // the connection is closed already
            }
        }
    }

    private void closed() {
        open = false;
        backlog.clear();
        onClose.accept(this);
    }
}
