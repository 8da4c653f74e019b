package org.studysupport.bench;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What to run: {@code --quick} (a small store and short phases, under 5 minutes on 2 cores) or the
 * default (100k requests ≈ 1M events), and on which database.
 *
 * @param jdbcUrl  an existing, empty PostgreSQL database; null: start an embedded one
 * @param requests how many requests the store generator writes (besides the one long request)
 */
record Options(boolean quick, String jdbcUrl, String user, String password, int requests, Path appJar,
               Path workDir) {

    static final int CLIENTS = 16;
    static final int ACTION_CLIENTS = 8;
    static final int QUEUE_CLIENTS = 8;
    static final int LONG_HISTORY_EVENTS = 5_000;
    static final int LONG_HISTORY_SAMPLES = 30;
    static final long SEED = 20261126L;

    static Options parse(String[] args) {
        boolean quick = false;
        String url = null;
        String user = System.getenv().getOrDefault("PGUSER", "postgres");
        String password = System.getenv().getOrDefault("PGPASSWORD", "postgres");
        Integer requests = null;
        Path appJar = Path.of("ui/target/study-support.jar");
        Path workDir = Path.of("bench/target");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--jdbc-url" -> url = args[++i];
                case "--user" -> user = args[++i];
                case "--password" -> password = args[++i];
                case "--requests" -> requests = Integer.parseInt(args[++i]);
                case "--app-jar" -> appJar = Path.of(args[++i]);
                case "--work-dir" -> workDir = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("Unknown option " + args[i] + "; usage: run.sh [--quick]"
                        + " [--jdbc-url URL [--user U] [--password P]] [--requests N]");
            }
        }
        return new Options(quick, url, user, password, requests != null ? requests : quick ? 10_000 : 100_000,
                appJar.toAbsolutePath(), workDir.toAbsolutePath());
    }

    Duration insertBaseline() {
        return Duration.ofSeconds(quick ? 5 : 10);
    }

    Duration submitPhase() {
        return Duration.ofSeconds(quick ? 10 : 30);
    }

    Duration actionPhase() {
        return Duration.ofSeconds(quick ? 20 : 60);
    }

    Duration queuePhase() {
        return Duration.ofSeconds(quick ? 10 : 30);
    }

    /**
     * How long the read model may take to catch up with the generated store before the figure is
     * null; short enough with --quick that the whole run stays under 5 minutes.
     */
    Duration replayLimit() {
        return quick ? Duration.ofSeconds(150) : Duration.ofMinutes(10);
    }
}
