package org.studysupport.faults;

import org.studysupport.support.Api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;

import static org.awaitility.Awaitility.await;

/**
 * Submissions sent from several threads, each with a title of its own, until stopped; every
 * attempt and its outcome (a status, or no answer at all when the connection failed) is kept, so
 * that a test can check each against what the store holds afterwards. The threads of even number
 * send an {@code Idempotency-Key} with each submission, the others none.
 */
final class SubmissionLoad implements AutoCloseable {

    /**
     * One submission: its title, its idempotency key (null: none), the answer's status (0: no
     * answer), and the id and reference of a 201.
     */
    record Attempt(String title, String key, int status, String requestId, String reference) {
        boolean created() {
            return status == 201;
        }
    }

    /** How long a client waits before it looks again whether it may go on, or after no answer. */
    private static final Duration PAUSE = Duration.ofMillis(50);

    private final ConcurrentLinkedQueue<Attempt> attempts = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicBoolean paused = new AtomicBoolean(false);
    private final List<Thread> threads = new ArrayList<>();

    /** @param port where to send them; asked again before each submission (a node started anew) */
    SubmissionLoad(int threadCount, IntSupplier port) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        for (int t = 0; t < threadCount; t++) {
            String prefix = "Load " + run + " thread " + t + " #";
            boolean keyed = t % 2 == 0;
            Thread thread = new Thread(() -> submitUntilStopped(prefix, keyed, port), "submitter-" + t);
            thread.setDaemon(true);
            threads.add(thread);
        }
        threads.forEach(Thread::start);
    }

    private void submitUntilStopped(String prefix, boolean keyed, IntSupplier port) {
        for (int n = 0; running.get(); n++) {
            await().forever().pollInterval(PAUSE).until(() -> !paused.get() || !running.get());
            String title = prefix + n;
            String key = keyed ? UUID.randomUUID().toString() : null;
            try {
                Api.Answer answer = send(port.getAsInt(), title, key);
                boolean created = answer.status() == 201;
                attempts.add(new Attempt(title, key, answer.status(), created ? answer.text("id") : null,
                        created ? answer.text("reference") : null));
            } catch (RuntimeException noAnswer) {
                attempts.add(new Attempt(title, key, 0, null, null));
                // no answer: the node is down; the client waits a little before its next submission
                await().pollDelay(PAUSE).until(() -> true);
            }
        }
    }

    /** Sends an attempt's submission again, with its idempotency key, as its client would. */
    static Api.Answer resend(int port, Attempt attempt) {
        return send(port, attempt.title(), attempt.key());
    }

    private static Api.Answer send(int port, String title, String key) {
        Api api = Api.at(port, "investigator1");
        Map<String, Object> body = Api.submission(title, "MONITORING");
        return key == null ? api.post("/api/requests", body)
                : api.post("/api/requests", body, headers -> headers.set("Idempotency-Key", key));
    }

    /** The clients wait (after the submission each has under way) until {@link #resume}. */
    void pauseClients() {
        paused.set(true);
    }

    void resume() {
        paused.set(false);
    }

    long created() {
        return attempts.stream().filter(Attempt::created).count();
    }

    long failed() {
        return attempts.stream().filter(attempt -> !attempt.created()).count();
    }

    List<Attempt> attempts() {
        return List.copyOf(attempts);
    }

    /** How many attempts ended with each status (0: no answer). */
    Map<Integer, Long> statuses() {
        Map<Integer, Long> counts = new java.util.TreeMap<>();
        attempts.forEach(attempt -> counts.merge(attempt.status(), 1L, Long::sum));
        return counts;
    }

    @Override
    public void close() {
        running.set(false);
        for (Thread thread : threads) {
            try {
                thread.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
