package org.studysupport.live;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.studysupport.api.query.FindQueueChanges;
import org.studysupport.api.query.FindQueueHead;
import org.studysupport.api.query.QueueChange;
import org.studysupport.api.query.QueueChanges;
import org.studysupport.api.security.Actor;
import org.studysupport.query.queue.QueueChangeOrder;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reads the queue changes that any node's projection stored and hands each to the stream clients
 * of this node that may see it. Reading the shared table, rather than listening to this JVM's own
 * events, is what makes a change made on one node reach clients connected to another.
 *
 * <p>Each poll first numbers the newly committed changes in commit order ({@link QueueChangeOrder};
 * whichever node polls first numbers them for all), then reads the numbered changes after the last
 * one it delivered, in that order. The number is the stream's event id, so "the changes after the
 * id a client holds" are exactly those it has not seen.
 *
 * <p>The poll and the heartbeats run on this feed's own thread and never wait for a client: each
 * stream has a bounded backlog and its own sending task on the sender pool ({@link QueueSubscriber}).
 */
@Component
@EnableConfigurationProperties(LiveUpdateSettings.class)
public class QueueChangeFeed implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(QueueChangeFeed.class);

    private final QueryGateway queries;
    private final QueueChangeOrder order;
    private final LiveUpdateSettings settings;
    private final Set<QueueSubscriber> subscribers = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean pollPending = new AtomicBoolean();
    private final Counter dropped;
    private ThreadPoolTaskScheduler scheduler;
    private ExecutorService senders;
    /** The stream position of the last change handed to the subscribers; -1 before the first read. */
    private long delivered = -1;
    private volatile boolean running;
    private volatile boolean reading;

    public QueueChangeFeed(QueryGateway queries, QueueChangeOrder order, LiveUpdateSettings settings,
                           MeterRegistry meters) {
        this.queries = queries;
        this.order = order;
        this.settings = settings;
        this.dropped = Counter.builder("study_support.stream.dropped_clients")
                .description("Stream clients dropped because they fell more than the backlog behind")
                .register(meters);
        Gauge.builder("study_support.stream.clients", subscribers, Set::size)
                .description("Open streams on this node")
                .register(meters);
    }

    /** Starts reading once the application is ready, when the query handlers it asks are registered. */
    @EventListener(ApplicationReadyEvent.class)
    public void startReading() {
        scheduler.scheduleWithFixedDelay(this::pollSafely, settings.pollInterval());
        scheduler.scheduleWithFixedDelay(this::heartbeat, settings.heartbeat());
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

    /** Creates the feed's thread and the streams' sender pool. */
    @Override
    public void start() {
        scheduler = new ThreadPoolTaskScheduler();
        scheduler.setThreadNamePrefix("queue-feed-");
        scheduler.setPoolSize(1);
        scheduler.initialize();
        CustomizableThreadFactory threads = new CustomizableThreadFactory("queue-stream-");
        threads.setDaemon(true);
        senders = Executors.newCachedThreadPool(threads);
        running = true;
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
        scheduler.shutdown();
        subscribers.forEach(QueueSubscriber::close);
        senders.shutdown();
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
     * the changes after it, so a client that reconnects misses nothing; an id beyond the newest
     * change stands for the newest.
     */
    public SseEmitter subscribe(Actor viewer, Long lastEventId) {
        QueueSubscriber subscriber;
        if (lastEventId == null) {
            synchronized (this) {
                subscriber = QueueSubscriber.live(viewer, head(), settings, senders, subscribers::remove,
                        dropped::increment);
                subscribers.add(subscriber);
            }
        } else {
            long after = Math.min(lastEventId, newestStored());
            subscriber = QueueSubscriber.resuming(viewer, after, settings, senders, this::changesAfter,
                    subscribers::remove, dropped::increment);
            subscribers.add(subscriber);
        }
        subscriber.start();
        return subscriber.emitter();
    }

    private void pollSafely() {
        try {
            poll();
        } catch (RuntimeException e) {
            log.warn("Reading queue changes failed; trying again at the next poll", e);
        }
    }

    /** Numbers what committed since the last poll (on any node), then delivers the numbered changes. */
    void poll() {
        int numbered;
        do {
            numbered = order.numberCommitted(settings.batch());
        } while (numbered == settings.batch());
        deliver();
    }

    private synchronized void deliver() {
        if (delivered < 0) {
            delivered = newestStored();
            return;
        }
        List<QueueChange> changes;
        do {
            changes = changesAfter(delivered, settings.batch());
            for (QueueChange change : changes) {
                delivered = change.position();
                subscribers.forEach(subscriber -> subscriber.offer(change));
            }
        } while (changes.size() == settings.batch());
    }

    /** The position after which a new stream hears of changes: what this node delivered last. */
    private long head() {
        if (delivered < 0) {
            delivered = newestStored();
        }
        return delivered;
    }

    private void heartbeat() {
        subscribers.forEach(QueueSubscriber::heartbeat);
    }

    private long newestStored() {
        return queries.query(new FindQueueHead(), ResponseTypes.instanceOf(Long.class)).join();
    }

    private List<QueueChange> changesAfter(long position, int limit) {
        return queries.query(new FindQueueChanges(position, limit), ResponseTypes.instanceOf(QueueChanges.class))
                .join().changes();
    }
}
