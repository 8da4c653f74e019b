package org.studysupport.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.studysupport.api.reference.ServiceCode;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The benchmark: PostgreSQL's own limits, a generated store, the application started on it, and
 * a realistic mix of work through the public HTTP API. Prints one JSON line per figure (see
 * bench/README.md); exits non-zero only when something is broken (the application does not start,
 * answers 5xx, or the generator breaks a rule), never because a figure is slow.
 */
public final class Bench {

    private static final String NOT_BUILT = "not built yet (issue 7)";

    private final Options options;
    private final Tokens tokens = new Tokens();
    private Database database;
    private Path publicKey;
    private final List<String> broken = new ArrayList<>();

    private Bench(Options options) {
        this.options = options;
    }

    public static void main(String[] args) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        int exit;
        try {
            exit = new Bench(Options.parse(args)).run();
        } catch (Exception e) {
            Output.progress("FAILED: " + e.getMessage());
            e.printStackTrace();
            exit = 1;
        }
        System.exit(exit);
    }

    private int run() throws Exception {
        long runStarted = System.nanoTime();
        Files.createDirectories(options.workDir());
        publicKey = tokens.writePublicKey(options.workDir());
        Output.progress((options.quick() ? "quick run" : "full run") + ": " + options.requests()
                + " requests; application " + options.appJar());
        database = Database.start(options);
        try {
            measure();
        } finally {
            database.close();
        }
        Output.progress(String.format("done in %.0f s", (System.nanoTime() - runStarted) / 1e9));
        if (!broken.isEmpty()) {
            Output.progress("BROKEN: " + String.join("; ", broken));
            return 1;
        }
        return 0;
    }

    private void measure() throws Exception {
        Baselines baselines = new Baselines(database);
        Output.progress("baseline: event-shaped inserts, one per transaction, " + Options.CLIENTS + " connections");
        double insertsPerSecond = baselines.insertsPerSecond(Options.CLIENTS, options.insertBaseline());
        Output.figure("pg_insert_per_s", insertsPerSecond, "rows/s", "plain JDBC, " + Options.CLIENTS
                + " connections, one event-shaped row per transaction, " + options.insertBaseline().toSeconds() + " s"
                + (database.embedded() ? "; embedded PostgreSQL, synchronous_commit on" : ""));

        Map<String, Set<String>> hospitals = createSchema();

        Output.progress("generating " + options.requests() + " requests and one with " + Options.LONG_HISTORY_EVENTS
                + " events");
        StoreGenerator.Result store = new StoreGenerator(database, serviceCodes(hospitals), options.requests(),
                Options.LONG_HISTORY_EVENTS, Options.SEED, Instant.now()).generate();
        Output.progress("generated " + store.events() + " events in " + store.writing().toMillis() + " ms; statuses "
                + store.statuses());
        Output.figure("generate_events_per_s", store.events() / (store.writing().toNanos() / 1e9), "events/s",
                "store generator: simulated requests written into domain_event_entry with batched multi-row inserts");

        Output.progress("baseline: raw rebuild of a view from the generated events");
        double rawRebuild = baselines.rawRebuildPerSecond();
        Output.figure("pg_raw_rebuild_per_s", rawRebuild, "events/s",
                "plain JDBC: all events in global order (fetch size 1000), Jackson parse, batched upsert of a"
                        + " view row per request, one thread");

        Path log = options.workDir().resolve("app.log");
        Output.progress("starting the application on the generated store (log: " + log + ")");
        try (AppProcess app = AppProcess.start(options.appJar(), database, publicKey, log, "1g")) {
            app.awaitHealthy();
            long appStartMillis = (System.nanoTime() - app.startedNanos()) / 1_000_000;
            Output.figure("app_start_ms", appStartMillis, "ms", "from process start until /actuator/health is UP,"
                    + " on the generated store");
            boolean replayed = awaitReplay(app, store, rawRebuild);
            if (replayed) {
                vacuumReadTables();
            }
            work(app, store, hospitals, replayed, insertsPerSecond);
        }
    }

    /**
     * What operations does after a rebuild (docs/operations.md): every row of the read tables was
     * just rewritten, and until (auto)vacuum has passed, counts and index-only scans visit the heap
     * for each row and the planner's statistics describe empty tables.
     */
    private void vacuumReadTables() throws Exception {
        Output.progress("vacuum analyze of the rebuilt read tables");
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            statement.execute("vacuum analyze request_view, request_service, assignment_view, request_comment,"
                    + " request_clarification");
        }
    }

    /**
     * Starts the application once on the empty database, so that its own migrations create the
     * schema, and asks it which hospitals offer which services.
     */
    private Map<String, Set<String>> createSchema() throws Exception {
        Path log = options.workDir().resolve("app-schema.log");
        Output.progress("creating the schema: starting the application once on the empty database");
        try (AppProcess app = AppProcess.start(options.appJar(), database, publicKey, log, "1g")) {
            app.awaitHealthy();
            Api api = new Api(app.base());
            Api.Answer answer = api.get("/api/hospitals", tokens.coordinator());
            if (answer.status() != 200) {
                throw app.failure("GET /api/hospitals with a bearer token answered " + answer.status() + " "
                        + answer.body());
            }
            Map<String, Set<String>> hospitals = new LinkedHashMap<>();
            for (JsonNode hospital : answer.json()) {
                if (hospital.path("acceptingRequests").asBoolean(true)) {
                    Set<String> services = new TreeSet<>();
                    hospital.path("services").forEach(service -> services.add(service.asText()));
                    hospitals.put(hospital.path("code").asText(), services);
                }
            }
            return hospitals;
        }
    }

    private static Map<String, List<ServiceCode>> serviceCodes(Map<String, Set<String>> hospitals) {
        Map<String, List<ServiceCode>> codes = new LinkedHashMap<>();
        hospitals.forEach((code, services) -> codes.put(code, services.stream().map(ServiceCode::valueOf).toList()));
        return codes;
    }

    /**
     * Waits until the read model holds every generated event: as many request views as requests,
     * and their versions (the sequence number of each request's last event) adding up to the events.
     */
    private boolean awaitReplay(AppProcess app, StoreGenerator.Result store, double rawRebuild) throws Exception {
        long requests = store.requests().size() + 1;
        long deadline = app.startedNanos() + options.replayLimit().toNanos();
        long[] seen = {0, 0};
        while (System.nanoTime() < deadline && app.alive()) {
            try (Connection connection = database.connect(); Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery(
                         "select count(*), coalesce(sum(version + 1), 0) from request_view")) {
                rows.next();
                seen[0] = rows.getLong(1);
                seen[1] = rows.getLong(2);
            }
            if (seen[0] == requests && seen[1] == store.events()) {
                double seconds = (System.nanoTime() - app.startedNanos()) / 1e9;
                double perSecond = store.events() / seconds;
                Output.figure("replay_events_per_s", perSecond, "events/s", store.events()
                        + " events projected into request_view, from process start (app start included)");
                Output.figure("replay_vs_raw_rebuild", perSecond / rawRebuild, "ratio");
                return true;
            }
            Thread.sleep(500);
        }
        if (!app.alive()) {
            throw app.failure("The application died while building its read model");
        }
        String note = "the read model did not hold every event within " + options.replayLimit().toSeconds()
                + " s (" + seen[0] + " of " + requests + " requests, " + seen[1] + " of " + store.events()
                + " events)";
        Output.figure("replay_events_per_s", null, "events/s", note);
        Output.figure("replay_vs_raw_rebuild", null, "ratio", note);
        return false;
    }

    private void work(AppProcess app, StoreGenerator.Result store, Map<String, Set<String>> hospitals,
                      boolean replayed, double insertsPerSecond) throws Exception {
        Api api = new Api(app.base());
        LoadDriver driver = new LoadDriver(api, tokens, new NextAction(hospitals, tokens));

        Output.progress("submissions: " + Options.CLIENTS + " investigators for " + options.submitPhase().toSeconds()
                + " s");
        LoadDriver.Submissions submissions = driver.submit(Options.CLIENTS, options.submitPhase());
        Output.figure("submit_per_s", submissions.perSecond(), "requests/s", Options.CLIENTS
                + " clients back to back, 201/202 answers; p50 " + millis(submissions.latencies().percentileMillis(50))
                + " ms, p99 " + millis(submissions.latencies().percentileMillis(99)) + " ms; refused "
                + submissions.refused());
        Output.figure("submit_vs_pg_insert", submissions.perSecond() / insertsPerSecond, "ratio");

        List<RequestState> generated = workableGenerated(store, replayed);
        double rate = Math.max(1.0, submissions.perSecond() / 2);
        Output.progress(String.format("actions: %.1f/s over %d clients for %d s, on %d fresh and %d generated requests",
                rate, Options.ACTION_CLIENTS, options.actionPhase().toSeconds(), submissions.submitted().size(),
                generated.size()));
        LoadDriver.Actions actions;
        LoadDriver.Lag lag;
        try (QueueStream stream = new QueueStream(api, tokens.coordinator())) {
            Thread.sleep(500);
            actions = driver.act(submissions.submitted(), generated, rate, Options.ACTION_CLIENTS,
                    options.actionPhase());
            Thread.sleep(3_000);
            lag = LoadDriver.lag(actions.answered(), stream);
            if (stream.problem() != null) {
                Output.progress("queue stream: " + stream.problem());
            }
        }
        String mix = String.format("paced at %.1f/s (half of submit_per_s) by %d clients, achieved %.1f/s; %d actions,"
                        + " %d on generated requests", rate, Options.ACTION_CLIENTS, actions.perSecond(),
                actions.latencies().count(), actions.onGenerated());
        Output.figure("action_p50_ms", actions.latencies().percentileMillis(50), "ms", mix);
        Output.figure("action_p99_ms", actions.latencies().percentileMillis(99), "ms", "answer includes the updated view");
        Output.figure("stale_answers", actions.stale(), "count", "200 answers whose view lacked the action's change");
        Output.figure("accepted_202", actions.accepted(), "count", "actions stored but answered before the view showed them");
        Output.figure("generated_actions_409", actions.generatedConflicts(), "count",
                "actions on generated requests refused as not allowed (a generator that broke no rule gives 0)");
        Output.figure("fresh_actions_409", actions.freshConflicts(), "count");
        Output.figure("actions_refused_other", actions.otherRefusals(), "count", "4xx other than 409, or no answer");
        String lagNote = lag.lags().count() + " changes matched on the coordinator's stream; " + lag.unmatched()
                + " not seen; " + lag.beforeAnswer() + " arrived before the action's answer (counted as 0)";
        Output.figure("projection_lag_p50_ms", lag.lags().percentileMillis(50), "ms", lagNote);
        Output.figure("projection_lag_p99_ms", lag.lags().percentileMillis(99), "ms",
                "from the action's answer to the queue-change event on another reader's stream");

        Output.progress("queue and list reads: " + Options.QUEUE_CLIENTS + " coordinators for "
                + options.queuePhase().toSeconds() + " s");
        LoadDriver.Reads reads = driver.read(Options.QUEUE_CLIENTS, options.queuePhase());
        Output.figure("queue_p50_ms", reads.latencies().percentileMillis(50), "ms");
        Output.figure("queue_p99_ms", reads.latencies().percentileMillis(99), "ms", reads.latencies().count()
                + " reads of the triage queue and filtered/sorted list pages by " + Options.QUEUE_CLIENTS
                + " clients; " + reads.failed() + " failed");

        longHistory(api, driver, store);
        asOfQueue(api, store);
        rebuild(api);

        StoreShape.Report shape = StoreShape.compare(database, store.lastIndex());
        Output.figure("store_shape_mismatches", shape.mismatches().size(), "count", shape.mismatches().isEmpty()
                ? "generated events have the fields, metadata keys and time format of the application's own, for "
                + shape.compared() : String.join("; ", shape.mismatches()));

        Api.Answer heap = api.get("/actuator/metrics/jvm.memory.used?tag=area:heap", tokens.admin());
        Output.figure("heap_used_mb", heap.status() == 200
                        ? heap.json().path("measurements").path(0).path("value").asDouble() / (1024 * 1024) : null, "MB",
                heap.status() == 200 ? "application heap in use at the end (-Xmx1g)" : "metrics answered " + heap.status());
        Output.figure("requests", database.queryLong("select count(*) from request_view"), "count");
        Output.figure("events", database.queryLong("select count(*) from domain_event_entry"), "count");

        if (api.serverErrors() > 0 || api.transportErrors() > 0) {
            broken.add(api.serverErrors() + " answers 5xx and " + api.transportErrors() + " failed exchanges; last: "
                    + api.lastError());
        }
        if (!app.alive()) {
            broken.add("the application died during the run");
            return;
        }
        export(app, api, store);
    }

    /** Generated requests that are not closed and whose view is projected to their last event. */
    private List<RequestState> workableGenerated(StoreGenerator.Result store, boolean replayed) throws Exception {
        List<RequestState> open = new ArrayList<>(store.requests().stream().filter(r -> !r.isFinal()).toList());
        Collections.shuffle(open, new Random(Options.SEED));
        if (replayed) {
            return open;
        }
        Map<UUID, Long> projected = new HashMap<>();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select id, version from request_view")) {
            while (rows.next()) {
                projected.put(rows.getObject(1, UUID.class), rows.getLong(2));
            }
        }
        return open.stream().filter(r -> projected.getOrDefault(r.id, -1L) == r.version).toList();
    }

    private void longHistory(Api api, LoadDriver driver, StoreGenerator.Result store) {
        Output.progress("a comment on the request with " + Options.LONG_HISTORY_EVENTS + " events, and on a fresh one");
        Double longMedian = driver.commentMedian(store.longRequest().id, Options.LONG_HISTORY_SAMPLES);
        Api.Answer fresh = api.post("/api/requests", tokens.investigator("investigator1"),
                Map.of("title", "Short history", "studyPhase", "PHASE_2", "fundingStatus", "NONE",
                        "description", "A request with few events.", "services", List.of("MONITORING"),
                        "contact", Map.of("name", "Ola Hansen", "email", "ola@example.org")));
        Double freshMedian = null;
        if (fresh.status() == 201) {
            freshMedian = driver.commentMedian(UUID.fromString(fresh.json().path("id").asText()),
                    Options.LONG_HISTORY_SAMPLES);
        } else if (fresh.status() == 202) {
            freshMedian = driver.commentMedian(UUID.fromString(
                    fresh.location().substring(fresh.location().lastIndexOf('/') + 1)), Options.LONG_HISTORY_SAMPLES);
        }
        Output.figure("long_history_comment_p50_ms", longMedian, "ms", Options.LONG_HISTORY_SAMPLES
                + " comments one at a time on a request with " + Options.LONG_HISTORY_EVENTS + " events, after one not counted");
        Output.figure("fresh_comment_p50_ms", freshMedian, "ms", "the same on a request just submitted");
        Output.figure("long_history_ratio", longMedian == null || freshMedian == null ? null : longMedian / freshMedian,
                "ratio", longMedian == null || freshMedian == null ? "comments did not answer" : null);
    }

    /**
     * The triage queue as of a past moment: the first page at the time of the store's middle event,
     * asked five times (the first also warms the code path); the median is the figure.
     */
    private void asOfQueue(Api api, StoreGenerator.Result store) {
        String asOf = URLEncoder.encode(store.middle().toString(), StandardCharsets.UTF_8);
        List<Double> millis = new ArrayList<>();
        Api.Answer triage = null;
        for (int i = 0; i < 5; i++) {
            triage = api.get("/api/queues/triage?asOf=" + asOf, tokens.coordinator());
            if (triage.status() != 200) {
                Output.figure("asof_queue_ms", null, "ms", "GET /api/queues/triage?asOf= answered " + triage.status());
                return;
            }
            millis.add(triage.nanos() / 1e6);
        }
        List<Double> sorted = millis.stream().sorted().toList();
        Output.figure("asof_queue_ms", sorted.get(2), "ms", "median of 5 GET /api/queues/triage?asOf= at the store's"
                + " middle event (" + store.middle() + "), " + triage.json().path("total").asLong()
                + " requests waiting then; all: " + millis.stream().map(m -> String.format("%.1f", m)).toList());
    }

    /**
     * A rebuild of the request read model from the log while it keeps answering
     * ({@code POST /api/admin/projections/request-view/replay}), timed until it reports completion.
     */
    private void rebuild(Api api) throws InterruptedException {
        Output.progress("rebuilding the request read model from the log");
        long started = System.nanoTime();
        Api.Answer replay = api.post("/api/admin/projections/request-view/replay", tokens.admin(),
                Map.of("reason", "benchmark"));
        if (replay.status() != 202) {
            Output.figure("rebuild_requests_per_s", null, "requests/s", "the replay answered " + replay.status());
            return;
        }
        String id = replay.json().path("id").asText();
        JsonNode rebuild = null;
        while (System.nanoTime() - started < Duration.ofMinutes(30).toNanos()) {
            Thread.sleep(200);
            Api.Answer list = api.get("/api/admin/projections", tokens.admin());
            for (JsonNode processor : list.json()) {
                if (processor.path("rebuild").path("id").asText().equals(id)) {
                    rebuild = processor.path("rebuild");
                }
            }
            if (rebuild != null && !"RUNNING".equals(rebuild.path("outcome").asText())) {
                break;
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        boolean completed = rebuild != null && "COMPLETED".equals(rebuild.path("outcome").asText());
        Output.figure("rebuild_requests_per_s", completed ? rebuild.path("done").asLong() / seconds : null,
                "requests/s", completed ? rebuild.path("done").asLong() + " requests rebuilt in "
                        + String.format("%.1f", seconds) + " s while the application answered"
                        : "the rebuild did not complete: " + rebuild);
        if (!completed) {
            broken.add("the rebuild did not complete: " + rebuild);
        }
    }

    /**
     * The export of the whole log as JSON Lines, once it exists (issue 7): on the application
     * restarted with a 256 MB heap, since an export must stream rather than hold the log.
     */
    private void export(AppProcess app, Api api, StoreGenerator.Result store) throws Exception {
        String moment = URLEncoder.encode(store.middle().toString(), StandardCharsets.UTF_8);
        Api.Answer probe = api.get("/api/audit/events?from=" + moment + "&to=" + moment, tokens.auditor());
        if (probe.status() != 200) {
            Output.figure("export_events_per_s", null, "events/s", NOT_BUILT + "; GET /api/audit/events answered "
                    + probe.status());
            return;
        }
        Output.progress("exporting the whole log as JSON Lines, the application restarted with -Xmx256m");
        app.close();
        try (AppProcess small = AppProcess.start(options.appJar(), database, publicKey,
                options.workDir().resolve("app-export.log"), "256m")) {
            small.awaitHealthy();
            Api smallApi = new Api(small.base());
            long started = System.nanoTime();
            long lines = 0;
            HttpResponse<InputStream> response = smallApi.stream("/api/audit/events", tokens.auditor(),
                    "application/x-ndjson", null);
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(),
                    StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (!line.isBlank()) {
                        lines++;
                    }
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            if (response.statusCode() != 200 || !small.alive()) {
                broken.add("the export answered " + response.statusCode() + (small.alive() ? "" : " and the"
                        + " application died") + "; see " + options.workDir().resolve("app-export.log"));
            }
            Output.figure("export_events_per_s", response.statusCode() == 200 ? lines / seconds : null, "events/s",
                    lines + " JSON lines of GET /api/audit/events, application heap -Xmx256m; the generated events"
                    + " were written beside the application, so they carry no chain links");
        }
    }

    private static String millis(Double value) {
        return value == null ? "-" : Output.round(value).toPlainString();
    }
}
