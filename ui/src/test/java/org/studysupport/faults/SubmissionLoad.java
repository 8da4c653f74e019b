package org.studysupport.faults;

import org.studysupport.support.Api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;

/**
 * Submissions sent from several threads, each with a title of its own, until stopped; every
 * attempt and its outcome (a status, or no answer at all when the connection failed) is kept, so
 * that a test can check each against what the store holds afterwards.
 */
final class SubmissionLoad implements AutoCloseable {

    /** One submission: its title, the answer's status (0: no answer), and the body of a 201. */
    record Attempt(String title, int status, String requestId, String reference) {
        boolean created() {
            return status == 201;
        }
    }

    private final ConcurrentLinkedQueue<Attempt> attempts = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> threads = new ArrayList<>();

    /** @param port where to send them; asked again before each submission (a node started anew) */
    SubmissionLoad(int threadCount, IntSupplier port) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        for (int t = 0; t < threadCount; t++) {
            String prefix = "Load " + run + " thread " + t + " #";
            Thread thread = new Thread(() -> submitUntilStopped(prefix, port), "submitter-" + t);
            thread.setDaemon(true);
            threads.add(thread);
        }
        threads.forEach(Thread::start);
    }

    private void submitUntilStopped(String prefix, IntSupplier port) {
        for (int n = 0; running.get(); n++) {
            String title = prefix + n;
            try {
                Api.Answer answer = Api.at(port.getAsInt(), "investigator1")
                        .post("/api/requests", Api.submission(title, "MONITORING"));
                boolean created = answer.status() == 201;
                attempts.add(new Attempt(title, answer.status(), created ? answer.text("id") : null,
                        created ? answer.text("reference") : null));
            } catch (RuntimeException noAnswer) {
                attempts.add(new Attempt(title, 0, null, null));
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
