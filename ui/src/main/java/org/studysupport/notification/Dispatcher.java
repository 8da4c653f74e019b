package org.studysupport.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Works off the outbox on this node: every poll interval (and as soon as a send finishes) it claims
 * as many due messages as it has free sending threads, and sends each on a thread of its own bounded
 * pool, so a slow receiver holds one thread for at most the connect and read time-outs and never the
 * command side, the processors or the other receivers. Each attempt is recorded; a failed one is
 * tried again after a growing backoff until 24 hours after the first, then the message is FAILED.
 *
 * <p>Several nodes claim from one outbox; a claim is a lease ({@link Outbox#claim}), so each message
 * is sent by one node, and one whose node died is sent by another once the lease has passed. A node
 * that stops finishes the sends under way (within the time-outs) and gives back what it claimed.
 */
public class Dispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final Outbox outbox;
    private final Map<Channel, Sender> senders;
    private final TransactionTemplate transactions;
    private final NotificationProperties.Delivery settings;
    private final Duration sendTimeout;
    private final Backoff backoff;
    private final Clock clock;
    private final String node;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicBoolean pollQueued = new AtomicBoolean();
    private volatile boolean running;
    private ScheduledExecutorService poller;
    private ThreadPoolExecutor sending;

    public Dispatcher(Outbox outbox, Map<Channel, Sender> senders, TransactionTemplate transactions,
                      NotificationProperties.Delivery settings, Duration sendTimeout, Clock clock, String node) {
        this.outbox = outbox;
        // this node claims only what it can send: e-mail waits for a node with a mail server configured
        this.senders = Map.copyOf(senders);
        this.transactions = transactions;
        this.settings = settings;
        this.sendTimeout = sendTimeout;
        this.backoff = new Backoff(settings.initialBackoff(), settings.maxBackoff(), settings.jitter());
        this.clock = clock;
        this.node = node;
    }

    @Override
    public synchronized void start() {
        poller = Executors.newSingleThreadScheduledExecutor(task -> daemon(task, "notification-poller"));
        AtomicInteger threads = new AtomicInteger();
        sending = new ThreadPoolExecutor(settings.threads(), settings.threads(), 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(settings.threads()),
                task -> daemon(task, "notification-sender-" + threads.incrementAndGet()));
        running = true;
        poller.scheduleWithFixedDelay(this::pollSafely, 0, settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        poller.shutdownNow();
        sending.shutdown();
        try {
            // sends under way end within their time-outs; what is cut short is recorded as failed
            if (!sending.awaitTermination(sendTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                sending.shutdownNow();
                sending.awaitTermination(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            int released = transactions.execute(status -> outbox.releaseClaims(node));
            if (released > 0) {
                log.info("Gave back {} claimed notification messages not sent, for another node or a later start",
                        released);
            }
        } catch (RuntimeException e) {
            log.warn("Could not give back the claimed notification messages; their leases expire: {}", e.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before the web server and the database pool (higher phases stop first). */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 2048;
    }

    private void pollSafely() {
        pollQueued.set(false);
        try {
            poll();
        } catch (RuntimeException e) {
            log.warn("Looking for due notification messages failed; trying again at the next poll: {}", e.toString());
        }
    }

    private void poll() {
        while (running) {
            int free = settings.threads() - inFlight.get();
            if (free <= 0) {
                return;
            }
            List<Outbox.Claimed> claimed = transactions.execute(status ->
                    outbox.claim(node, free, clock.instant(), settings.lease(), senders.keySet()));
            if (claimed == null || claimed.isEmpty()) {
                return;
            }
            for (Outbox.Claimed message : claimed) {
                inFlight.incrementAndGet();
                sending.execute(() -> {
                    try {
                        deliver(message);
                    } finally {
                        inFlight.decrementAndGet();
                        pollSoon();
                    }
                });
            }
        }
    }

    /** A thread came free: look for more at once rather than at the next interval. */
    private void pollSoon() {
        if (running && pollQueued.compareAndSet(false, true)) {
            try {
                poller.execute(this::pollSafely);
            } catch (RuntimeException stopping) {
                pollQueued.set(false);
            }
        }
    }

    private void deliver(Outbox.Claimed message) {
        Instant started = clock.instant();
        long startNanos = System.nanoTime();
        Delivery delivery;
        try {
            delivery = senders.get(message.channel()).send(message);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            delivery = Delivery.failed(null, "cut short: the node is stopping");
        } catch (RuntimeException e) {
            delivery = Delivery.failed(null, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        long millis = (System.nanoTime() - startNanos) / 1_000_000;
        record(message, started, delivery, millis);
    }

    private void record(Outbox.Claimed message, Instant started, Delivery delivery, long millis) {
        int attempt = message.attempts() + 1;
        Instant now = clock.instant();
        MessageStatus status = delivery.outcome();
        Instant next = null;
        if (status == MessageStatus.FAILED) {
            Instant first = message.firstAttemptAt() == null ? started : message.firstAttemptAt();
            next = now.plus(backoff.after(attempt));
            if (next.isAfter(first.plus(settings.giveUpAfter()))) {
                status = MessageStatus.FAILED;
                next = null;
            } else {
                status = MessageStatus.PENDING;
            }
        }
        if (delivery.outcome() != MessageStatus.DELIVERED) {
            log.info("Notification {} ({} to {}), attempt {}: {} - {}", message.id(), message.channel(),
                    message.channel() == Channel.WEBHOOK ? "endpoint " + message.endpointId() : message.recipient()
                            .replaceFirst(":.*", ""), attempt, status, delivery.error());
        }
        MessageStatus finalStatus = status;
        Instant nextAttempt = next;
        try {
            transactions.executeWithoutResult(tx -> outbox.recordAttempt(message, node, started,
                    new Outbox.Attempt(attempt, started, node, delivery.outcome().name(), delivery.httpStatus(),
                            delivery.error(), millis), finalStatus, nextAttempt));
        } catch (RuntimeException e) {
            // the lease runs out and the message is tried again: receivers de-duplicate by its id
            log.warn("Could not record attempt {} on notification {}: {}", attempt, message.id(), e.toString());
        }
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }
}
