package org.studysupport.cluster;

import org.axonframework.eventhandling.pooled.MaxSegmentProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The nodes sharing this database, and each streaming processor's share of segments on this node.
 * Every node records in {@code cluster_node} that it is alive, at a fixed interval; a node is counted
 * while its last record is younger than the token claim timeout. A processor with {@code s} segments
 * claims at most {@code ceil(s / nodes)} of them here: when a node joins, the others' coordinators
 * release what they hold beyond their new share and the newcomer claims it; when a node dies, its
 * claims expire after the claim timeout, it stops being counted at about the same time, and the
 * survivors' larger share lets them claim its segments.
 *
 * <p>Pooled streaming processors ask for their share at every coordination round; it is computed
 * at each heartbeat, not on each question.
 */
public class ClusterNodes implements MaxSegmentProvider, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ClusterNodes.class);
    /** Axon's own limit when none is set: as many as there are. */
    private static final int UNLIMITED = Short.MAX_VALUE;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final String node;
    private final Duration nodeTimeout;
    private final ScheduledExecutorService heartbeat;
    private final Map<String, Integer> shares = new ConcurrentHashMap<>();
    private volatile int nodesAlive = 1;

    /**
     * Records this node at once (so that its share is right before its processors start) and then at
     * every heartbeat interval.
     *
     * @param nodeTimeout after how long without a heartbeat a node no longer counts: the claim timeout
     */
    public ClusterNodes(JdbcTemplate jdbc, Clock clock, String node, Duration nodeTimeout, ClusterSettings settings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.node = node;
        this.nodeTimeout = nodeTimeout;
        Instant now = clock.instant();
        if (jdbc.update("update cluster_node set started_at = ?, heartbeat_at = ? where node_name = ?",
                Timestamp.from(now), Timestamp.from(now), node) == 0) {
            insert(now);
        }
        refreshShares();
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "cluster-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        long every = settings.heartbeatInterval().toMillis();
        heartbeat.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
    }

    /** This node's name in {@code cluster_node} and in the processors' token claims. */
    public String node() {
        return node;
    }

    /** The nodes counted alive at the last heartbeat, this one included. */
    public int nodesAlive() {
        return nodesAlive;
    }

    /** The most segments of the processor this node claims: an even share among the nodes alive. */
    @Override
    public int getMaxSegments(String processorName) {
        return shares.getOrDefault(processorName, UNLIMITED);
    }

    private void beat() {
        try {
            Instant now = clock.instant();
            if (jdbc.update("update cluster_node set heartbeat_at = ? where node_name = ?", Timestamp.from(now), node) == 0) {
                insert(now);
            }
            refreshShares();
        } catch (RuntimeException e) {
            // e.g. the database is unreachable for a while: the shares stay as they were until it is
            // back; the heartbeat goes on (an exception escaping would end the scheduled task)
            log.warn("Cannot record this node's heartbeat: {}", e.getMessage());
        }
    }

    private void insert(Instant now) {
        try {
            jdbc.update("insert into cluster_node (node_name, started_at, heartbeat_at) values (?, ?, ?)", node,
                    Timestamp.from(now), Timestamp.from(now));
        } catch (DuplicateKeyException startedAtOnceOnAnotherNodeOfTheSameName) {
            jdbc.update("update cluster_node set heartbeat_at = ? where node_name = ?", Timestamp.from(now), node);
        }
    }

    private void refreshShares() {
        Timestamp aliveSince = Timestamp.from(clock.instant().minus(nodeTimeout));
        Integer others = jdbc.queryForObject("select count(*) from cluster_node where heartbeat_at > ? and node_name <> ?",
                Integer.class, aliveSince, node);
        int alive = 1 + (others == null ? 0 : others);
        if (alive != nodesAlive) {
            log.info("{} node(s) alive on this database, this one ({}) included", alive, node);
        }
        nodesAlive = alive;
        jdbc.query("select processor_name, count(*) from token_entry group by processor_name", rs -> {
            int segments = rs.getInt(2);
            shares.put(rs.getString(1), Math.max(1, (segments + alive - 1) / alive));
        });
    }

    /** Stops the heartbeat and leaves the table: the other nodes count one fewer at once. */
    @Override
    public void close() {
        heartbeat.shutdownNow();
        try {
            jdbc.update("delete from cluster_node where node_name = ?", node);
        } catch (DataAccessException e) {
            log.warn("Cannot remove this node from cluster_node; it stops counting after the claim timeout: {}",
                    e.getMessage());
        }
    }
}
