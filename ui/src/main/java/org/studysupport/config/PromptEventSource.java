package org.studysupport.config;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.scheduling.TaskScheduler;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The event store as the source of the pooled streaming processors, telling them at once when events
 * are there to read. The embedded store's streams cannot do that, and a pooled processor without it
 * looks for new events only every 500 ms, which every action would wait for. Here its streams are
 * told right after a local transaction that stored events commits, and on a short tick for events
 * that other nodes stored.
 */
public class PromptEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    private final EmbeddedEventStore eventStore;
    private final Set<Runnable> listeners = ConcurrentHashMap.newKeySet();

    public PromptEventSource(EmbeddedEventStore eventStore, TaskScheduler scheduler, Duration tick) {
        this.eventStore = eventStore;
        eventStore.subscribe(events -> {
            if (CurrentUnitOfWork.isStarted()) {
                CurrentUnitOfWork.get().root().afterCommit(unitOfWork -> signal());
            } else {
                signal();
            }
        });
        scheduler.scheduleWithFixedDelay(this::signal, tick);
    }

    private void signal() {
        listeners.forEach(Runnable::run);
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return new SignallingStream(eventStore.openStream(trackingToken));
    }

    @Override
    public TrackingToken createTailToken() {
        return eventStore.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return eventStore.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return eventStore.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return eventStore.createTokenSince(duration);
    }

    /** A stream of the event store that also accepts a callback for when events become available. */
    private final class SignallingStream implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> stream;
        private Runnable callback;

        SignallingStream(BlockingStream<TrackedEventMessage<?>> stream) {
            this.stream = stream;
        }

        @Override
        public boolean setOnAvailableCallback(Runnable newCallback) {
            if (callback != null) {
                listeners.remove(callback);
            }
            callback = newCallback;
            listeners.add(newCallback);
            return true;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return stream.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return stream.hasNextAvailable(timeout, unit);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return stream.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            stream.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public void close() {
            if (callback != null) {
                listeners.remove(callback);
            }
            stream.close();
        }
    }
}
