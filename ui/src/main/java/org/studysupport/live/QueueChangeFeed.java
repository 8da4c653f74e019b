package org.studysupport.live;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;
import org.studysupport.api.query.FindQueueChanges;
import org.studysupport.api.query.FindQueueHead;
import org.studysupport.api.query.QueueChange;
import org.studysupport.api.query.QueueChanges;
import org.studysupport.api.security.Actor;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reads the queue changes that any node's projection stored and pushes each to the stream clients
 * of this node that may see it. Reading the shared table, rather than listening to this JVM's own
 * events, is what makes a change made on one node reach clients connected to another.
 */
@Component
@EnableConfigurationProperties(LiveUpdateSettings.class)
public class QueueChangeFeed implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(QueueChangeFeed.class);

    private final QueryGateway queries;
    private final TaskScheduler scheduler;
    private final LiveUpdateSettings settings;
    private final Set<QueueSubscriber> subscribers = ConcurrentHashMap.newKeySet();
    private final TreeSet<Long> seen = new TreeSet<>();
    private final List<ScheduledFuture<?>> tasks = new ArrayList<>();
    private long newestSeen = -1;
    private volatile boolean running;
    private volatile boolean reading;
    private final AtomicBoolean pollPending = new AtomicBoolean();
    /** Changes up to this position were there before this node started reading. */
    private long startedAt;

    public QueueChangeFeed(QueryGateway queries, TaskScheduler scheduler, LiveUpdateSettings settings) {
        this.queries = queries;
        this.scheduler = scheduler;
        this.settings = settings;
    }

    /** Starts reading once the application is ready, when the query handlers it asks are registered. */
    @EventListener(ApplicationReadyEvent.class)
    public void startReading() {
        tasks.add(scheduler.scheduleWithFixedDelay(this::pollSafely, settings.pollInterval()));
        tasks.add(scheduler.scheduleWithFixedDelay(this::heartbeat, settings.heartbeat()));
        reading = true;
    }

    /**
     * A change was stored through this node: read the feed now rather than at the next interval, so
     * this node's stream clients hear of it at once. Changes stored through other nodes are read at
     * the interval. Calls while a read is pending make no second one.
     */
    public void changed() {
        if (reading && running && pollPending.compareAndSet(false, true)) {
            scheduler.schedule(() -> {
                pollPending.set(false);
                pollSafely();
            }, Instant.now());
        }
    }

    /**
     * Stops reading and ends every open stream. Runs in the first shutdown phase, before the web
     * server waits for open requests to finish: an open stream would otherwise hold it to its timeout.
     * Clients reconnect, with their Last-Event-ID, to another node or to this one once it is back.
     */
    @Override
    public void stop() {
        running = false;
        reading = false;
        tasks.forEach(task -> task.cancel(false));
        tasks.clear();
        subscribers.forEach(QueueSubscriber::close);
    }

    /** The reading itself starts when the application is ready (see {@link #startReading()}). */
    @Override
    public void start() {
        running = true;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }

    /**
     * Opens a stream for the viewer. With a last event id, first sends what the viewer may see of
     * the changes after it, so a client that reconnects misses nothing.
     */
    public SseEmitter subscribe(Actor viewer, Long lastEventId) {
        QueueSubscriber subscriber = new QueueSubscriber(viewer, settings.connectionTimeout().toMillis(),
                subscribers::remove);
        subscribers.add(subscriber);
        subscriber.greet();
        if (lastEventId != null) {
            long after = lastEventId;
            List<QueueChange> missed;
            do {
                missed = changesAfter(after, settings.batch());
                missed.forEach(subscriber::replay);
                if (!missed.isEmpty()) {
                    after = missed.get(missed.size() - 1).position();
                }
            } while (missed.size() == settings.batch() && subscriber.isOpen());
        }
        subscriber.ready();
        return subscriber.emitter();
    }

    private void pollSafely() {
        try {
            poll();
        } catch (RuntimeException e) {
            log.warn("Reading queue changes failed; trying again at the next poll", e);
        }
    }

    /**
     * Reads the changes after the newest seen, looking {@code lookback} positions further back for
     * changes whose transactions committed after a later position's; a change is delivered once.
     */
    synchronized void poll() {
        if (newestSeen < 0) {
            newestSeen = queries.query(new FindQueueHead(), ResponseTypes.instanceOf(Long.class)).join();
            startedAt = newestSeen;
            return;
        }
        long from = Math.max(startedAt, newestSeen - settings.lookback());
        for (QueueChange change : changesAfter(from, settings.lookback() + settings.batch())) {
            if (change.position() > from && seen.add(change.position())) {
                newestSeen = Math.max(newestSeen, change.position());
                subscribers.forEach(subscriber -> subscriber.offer(change));
            }
        }
        seen.headSet(newestSeen - 2L * settings.lookback()).clear();
    }

    private void heartbeat() {
        subscribers.forEach(QueueSubscriber::heartbeat);
    }

    private List<QueueChange> changesAfter(long position, int limit) {
        return queries.query(new FindQueueChanges(position, limit), ResponseTypes.instanceOf(QueueChanges.class))
                .join().changes();
    }
}
