package org.studysupport.support;

import org.axonframework.eventhandling.GenericEventMessage;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Sets the time that Axon stamps on new events ({@link GenericEventMessage#clock}), so that tests
 * can build a history with known times. The clock is global to the JVM: every test that sets it
 * must {@link #reset()} it in a finally block or an {@code @AfterEach}.
 */
public final class EventClock {

    private EventClock() {
    }

    /** From now on, events happen at this instant until the clock is set again or reset. */
    public static void at(Instant instant) {
        GenericEventMessage.clock = Clock.fixed(instant, ZoneOffset.UTC);
    }

    public static void at(String instant) {
        at(Instant.parse(instant));
    }

    public static void reset() {
        GenericEventMessage.clock = Clock.systemUTC();
    }
}
