package org.studysupport.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Drives the application through its public HTTP API with concurrent clients, each with its own
 * bearer token, for fixed durations (not fixed counts), so that the same run works whether an
 * action takes half a second or a millisecond.
 */
final class LoadDriver {

    private static final int LOGGED_PROBLEMS = 5;
    private static final String[] DRUGS = {"colchicine", "metformin", "apixaban", "semaglutide", "ketamine"};
    private static final String[] CONDITIONS = {"myocardial infarction", "type 2 diabetes", "sepsis",
            "heart failure", "major depression"};
    private static final String[] SERVICES = {"MONITORING", "DATA_MANAGEMENT", "BIOSTATISTICS", "REGULATORY",
            "METHODOLOGY"};

    private final Api api;
    private final Tokens tokens;
    private final NextAction next;
    private final AtomicLong problemsLogged = new AtomicLong();

    LoadDriver(Api api, Tokens tokens, NextAction next) {
        this.api = api;
        this.tokens = tokens;
        this.next = next;
    }

    // --- submissions ---

    record Submissions(double perSecond, Latencies latencies, List<RequestState> submitted, long refused) {
    }

    /** {@code clients} investigators (investigator1..N) submitting requests back to back for {@code duration}. */
    Submissions submit(int clients, Duration duration) throws Exception {
        Latencies latencies = new Latencies();
        List<RequestState> submitted = Collections.synchronizedList(new ArrayList<>());
        AtomicLong refused = new AtomicLong();
        long started = System.nanoTime();
        long deadline = started + duration.toNanos();
        runClients(clients, client -> {
            String investigator = "investigator" + (client + 1);
            Random random = new Random(client);
            while (System.nanoTime() < deadline) {
                List<String> services = services(random);
                Api.Answer answer = api.post("/api/requests", tokens.investigator(investigator),
                        submission(random, services));
                if (answer.status() == 201) {
                    latencies.add(answer.nanos());
                    submitted.add(RequestState.fromView(answer.json(), false));
                } else if (answer.status() == 202) {
                    latencies.add(answer.nanos());
                    UUID id = UUID.fromString(answer.location().substring(answer.location().lastIndexOf('/') + 1));
                    submitted.add(new RequestState(id, investigator, services, false, "SUBMITTED", 0, List.of(), null));
                } else {
                    refused.incrementAndGet();
                    problem("submit", answer);
                    if (answer.status() < 0) {
                        return;
                    }
                }
            }
        });
        double seconds = (System.nanoTime() - started) / 1e9;
        return new Submissions(latencies.count() / seconds, latencies, new ArrayList<>(submitted), refused.get());
    }

    private static List<String> services(Random random) {
        List<String> pool = new ArrayList<>(List.of(SERVICES));
        Collections.shuffle(pool, random);
        return List.copyOf(pool.subList(0, 1 + random.nextInt(2)));
    }

    private static Map<String, Object> submission(Random random, List<String> services) {
        String drug = DRUGS[random.nextInt(DRUGS.length)];
        String condition = CONDITIONS[random.nextInt(CONDITIONS.length)];
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "Low-dose " + drug + " after " + condition);
        body.put("acronym", drug.substring(0, 4).toUpperCase() + "-" + (10 + random.nextInt(90)));
        body.put("studyPhase", "PHASE_3");
        body.put("sponsor", "Oslo University Hospital");
        body.put("therapeuticArea", "Cardiology");
        body.put("fundingStatus", "AWARDED");
        body.put("plannedStartDate", "2027-03-01");
        body.put("countries", List.of("NO", "SE"));
        body.put("plannedSites", 8);
        body.put("description", "Multicentre randomised trial of " + drug + " in adults with " + condition
                + ". Primary endpoint at 12 months.");
        body.put("services", services);
        body.put("contact", Map.of("name", "Kari Nordmann", "email", "kari@example.org", "phone", "+47 22 00 00 00"));
        return body;
    }

    // --- actions ---

    /** An answered action, for the projection lag: when it was sent and answered, and the change it shows. */
    record Answered(UUID requestId, Instant updatedAt, long sentNanos, long answeredNanos) {
    }

    record Actions(Latencies latencies, double perSecond, long stale, long accepted, long generatedConflicts,
                   long freshConflicts, long otherRefusals, long onGenerated, List<Answered> answered) {
    }

    /**
     * {@code clients} users working on requests at a paced total {@code rate} (actions per second):
     * each client has its own requests (so no two clients race on one), alternates between fresh
     * and generated ones, and starts its next action on schedule, or at once when it is late.
     */
    Actions act(List<RequestState> fresh, List<RequestState> generated, double rate, int clients, Duration duration)
            throws Exception {
        List<Deque<RequestState>> freshOf = split(fresh, clients);
        List<Deque<RequestState>> generatedOf = split(generated, clients);
        Latencies latencies = new Latencies();
        AtomicLong stale = new AtomicLong();
        AtomicLong accepted = new AtomicLong();
        AtomicLong generatedConflicts = new AtomicLong();
        AtomicLong freshConflicts = new AtomicLong();
        AtomicLong others = new AtomicLong();
        AtomicLong onGenerated = new AtomicLong();
        List<Answered> answered = Collections.synchronizedList(new ArrayList<>());
        long interval = (long) (clients / rate * 1e9);
        long started = System.nanoTime();
        long deadline = started + duration.toNanos();
        runClients(clients, client -> {
            Random random = new Random(1000 + client);
            long due = started + interval * client / clients;
            for (int k = 0; System.nanoTime() < deadline; k++) {
                LockSupport.parkNanos(due - System.nanoTime());
                due = Math.max(due + interval, System.nanoTime() - interval);
                Deque<RequestState> pool = k % 2 == 0 && !freshOf.get(client).isEmpty() || generatedOf.get(client).isEmpty()
                        ? freshOf.get(client) : generatedOf.get(client);
                RequestState request = pool.pollFirst();
                if (request == null) {
                    return;
                }
                NextAction.Action action = next.choose(request, random);
                long sent = System.nanoTime();
                Api.Answer answer = api.post(action.path(), action.token(), action.body());
                long received = System.nanoTime();
                if (request.generated) {
                    onGenerated.incrementAndGet();
                }
                if (answer.status() == 200) {
                    latencies.add(answer.nanos());
                    JsonNode view = answer.json();
                    boolean shows = view.path("version").asLong() > request.version && action.shows().test(view);
                    if (shows) {
                        request.update(view);
                        answered.add(new Answered(request.id, parse(request.updatedAt), sent, received));
                    } else {
                        stale.incrementAndGet();
                        refresh(request);
                    }
                } else if (answer.status() == 202) {
                    latencies.add(answer.nanos());
                    accepted.incrementAndGet();
                    refresh(request);
                } else {
                    if (answer.status() == 409) {
                        (request.generated ? generatedConflicts : freshConflicts).incrementAndGet();
                    } else {
                        others.incrementAndGet();
                    }
                    problem(action.name() + " on a " + (request.generated ? "generated" : "fresh") + " "
                            + request.status + " request", answer);
                    if (answer.status() < 0) {
                        return;
                    }
                    refresh(request);
                }
                if (!request.isFinal()) {
                    pool.addLast(request);
                }
            }
        });
        double seconds = (System.nanoTime() - started) / 1e9;
        return new Actions(latencies, latencies.count() / seconds, stale.get(), accepted.get(),
                generatedConflicts.get(), freshConflicts.get(), others.get(), onGenerated.get(),
                new ArrayList<>(answered));
    }

    /** Reads the request again (not timed), after an answer that did not show the change. */
    private void refresh(RequestState request) {
        Api.Answer answer = api.get("/api/requests/" + request.id, tokens.coordinator());
        if (answer.status() == 200) {
            request.update(answer.json());
        }
    }

    /** The projection lag of each answered action, as seen on the stream; unmatched ones are counted apart. */
    record Lag(Latencies lags, long unmatched, long beforeAnswer) {
    }

    /**
     * For each action: from its answer until the stream shows the same change (same request, same
     * time of change). A change the stream showed before the answer arrived counts as no lag.
     */
    static Lag lag(List<Answered> answered, QueueStream stream) {
        Latencies lags = new Latencies();
        long unmatched = 0;
        long before = 0;
        for (Answered action : answered) {
            QueueStream.Change match = null;
            for (QueueStream.Change change : stream.changesOf(action.requestId())) {
                if (action.updatedAt() != null ? action.updatedAt().equals(change.occurredAt())
                        : change.arrivedNanos() >= action.sentNanos()) {
                    match = change;
                    break;
                }
            }
            if (match == null) {
                unmatched++;
            } else {
                long lag = match.arrivedNanos() - action.answeredNanos();
                if (lag < 0) {
                    before++;
                }
                lags.add(Math.max(0, lag));
            }
        }
        return new Lag(lags, unmatched, before);
    }

    // --- reads ---

    record Reads(Latencies latencies, long failed) {
    }

    static final List<String> QUEUE_READS = List.of(
            "/api/queues/triage",
            "/api/queues/triage?page=2",
            "/api/requests?status=IN_PROGRESS&sort=updatedAt,desc",
            "/api/requests?q=colchicine",
            "/api/requests?service=MONITORING&page=3",
            "/api/requests?status=SUBMITTED&sort=submittedAt,asc",
            "/api/requests?hospital=OUS&status=IN_PROGRESS",
            "/api/requests?priority=HIGH&sort=priority,desc&size=50",
            "/api/requests?submittedFrom=2025-01-01T00:00:00Z&submittedTo=2025-02-01T00:00:00Z&sort=slaDueAt,asc");

    /** Coordinators reading the triage queue and filtered, sorted list pages, back to back. */
    Reads read(int clients, Duration duration) throws Exception {
        Latencies latencies = new Latencies();
        AtomicLong failed = new AtomicLong();
        long deadline = System.nanoTime() + duration.toNanos();
        runClients(clients, client -> {
            for (int k = client; System.nanoTime() < deadline; k++) {
                Api.Answer answer = api.get(QUEUE_READS.get(k % QUEUE_READS.size()), tokens.coordinator());
                if (answer.status() == 200) {
                    latencies.add(answer.nanos());
                } else {
                    failed.incrementAndGet();
                    problem("read", answer);
                    if (answer.status() < 0) {
                        return;
                    }
                }
            }
        });
        return new Reads(latencies, failed.get());
    }

    // --- one action on a long and on a short history ---

    /**
     * The median time of a coordinator's comment on one request, one at a time, after one comment
     * not counted (the first load of the request).
     */
    Double commentMedian(UUID requestId, int samples) {
        Latencies latencies = new Latencies();
        String path = "/api/requests/" + requestId + "/comments";
        for (int i = 0; i <= samples; i++) {
            Api.Answer answer = api.post(path, tokens.coordinator(),
                    Map.of("text", "Follow-up " + i + " after the steering committee.", "visibility", "PUBLIC"));
            if (answer.status() != 200 && answer.status() != 202) {
                problem("comment", answer);
                continue;
            }
            if (i > 0) {
                latencies.add(answer.nanos());
            }
        }
        return latencies.percentileMillis(50);
    }

    // --- helpers ---

    private interface Client {
        void run(int client) throws Exception;
    }

    private static void runClients(int clients, Client body) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                running.add(pool.submit(() -> {
                    body.run(client);
                    return null;
                }));
            }
            for (Future<?> future : running) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Deque<RequestState>> split(List<RequestState> requests, int parts) {
        List<Deque<RequestState>> split = new ArrayList<>();
        for (int i = 0; i < parts; i++) {
            split.add(new ArrayDeque<>());
        }
        for (int i = 0; i < requests.size(); i++) {
            split.get(i % parts).add(requests.get(i));
        }
        return split;
    }

    private static Instant parse(String instant) {
        return instant == null ? null : Instant.parse(instant).truncatedTo(ChronoUnit.MILLIS);
    }

    private void problem(String what, Api.Answer answer) {
        if (problemsLogged.incrementAndGet() <= LOGGED_PROBLEMS) {
            String body = answer.body() == null ? "" : answer.body();
            Output.progress(what + " answered " + answer.status() + ": "
                    + (body.length() > 300 ? body.substring(0, 300) + "…" : body));
        }
    }
}
