package org.studysupport.application;

import org.studysupport.api.Nullable;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.studysupport.api.problem.ActionNotAllowedException;
import org.studysupport.api.problem.UnknownEntityException;
import org.studysupport.api.query.RebuildStatus;
import org.studysupport.config.StudySupportProperties;
import org.studysupport.query.request.RequestViewCatchUp;
import org.studysupport.query.request.RequestViewProjection;
import org.studysupport.query.request.RequestViewRebuild;
import org.studysupport.security.CurrentActor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the read models' event processors are doing, on every node: their positions in the log
 * (from the token store the nodes share), who holds each segment, errors and parked events, and the
 * rebuilds administrators asked for.
 */
@Service
public class ProjectionService {

    /** The processors that write the request read model; a replay of either rebuilds it. */
    private static final Set<String> REQUEST_VIEW_PROCESSORS = Set.of(RequestViewProjection.PROCESSING_GROUP,
            RequestViewCatchUp.PROCESSING_GROUP);

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final RequestViewRebuild rebuild;
    private final String node;

    public ProjectionService(EventProcessingConfiguration processing, JdbcTemplate jdbc, Serializer serializer,
                             RequestViewRebuild rebuild, StudySupportProperties properties) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.rebuild = rebuild;
        this.node = properties.nodeName();
    }

    /** A read model's processor as an administrator sees it. */
    public record Projection(String name, String mode, String readModel, @Nullable Long position, @Nullable Long lag,
                             boolean replaying, @Nullable RebuildStatus rebuild, List<Segment> segments,
                             Errors errors) {
    }

    /**
     * One segment of a streaming processor. What only the node holding the segment knows (caught up,
     * error) is null when another node holds it.
     */
    public record Segment(int segment, @Nullable String owner, @Nullable Long position, boolean replaying,
                          @Nullable Boolean caughtUp, @Nullable String error) {
    }

    /** @param deadLetters the processor's parked events */
    public record Errors(long deadLetters, List<String> segments) {
    }

    public List<Projection> list() {
        Long head = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        RebuildStatus latest = rebuild.latest(1).stream().findFirst().orElse(null);
        List<Projection> projections = new ArrayList<>();
        for (Map.Entry<String, EventProcessor> entry : processing.eventProcessors().entrySet()) {
            String name = entry.getKey();
            long deadLetters = deadLetters(name);
            RebuildStatus ofModel = REQUEST_VIEW_PROCESSORS.contains(name) ? latest : null;
            boolean rebuilding = ofModel != null && ofModel.running();
            // the request view's processors write the request read model; any other (the
            // notifications' outbox) is named for itself
            String readModel = REQUEST_VIEW_PROCESSORS.contains(name) ? RequestViewRebuild.READ_MODEL : name;
            if (entry.getValue() instanceof StreamingEventProcessor streaming) {
                List<Segment> segments = segments(name, streaming);
                // a segment without a position yet holds the processor back the most (Stream.min
                // cannot answer null: it fails on a null minimum)
                Long position = segments.stream().anyMatch(s -> s.position() == null) ? null
                        : segments.stream().map(Segment::position).min(Comparator.naturalOrder()).orElse(null);
                Long lag = head == null ? 0L : position == null ? head + 1 : Math.max(0, head - position);
                projections.add(new Projection(name, entry.getValue() instanceof PooledStreamingEventProcessor
                        ? "pooled" : "tracking", readModel, position, lag,
                        rebuilding || segments.stream().anyMatch(Segment::replaying), ofModel, segments,
                        new Errors(deadLetters, segments.stream().map(Segment::error).filter(e -> e != null).toList())));
            } else if (entry.getValue() instanceof SubscribingEventProcessor) {
                // writes in the transaction of the command that stores the events: never behind
                projections.add(new Projection(name, "subscribing", readModel, head, 0L,
                        rebuilding, ofModel, List.of(), new Errors(deadLetters, List.of())));
            }
        }
        projections.sort(Comparator.comparing(Projection::name));
        return projections;
    }

    /** Starts rebuilding the read model a processor writes, from the log, while it keeps answering. */
    public RebuildStatus replay(String name, String reason) {
        if (!REQUEST_VIEW_PROCESSORS.contains(name) || processing.eventProcessor(name).isEmpty()) {
            throw new UnknownEntityException("No read model processor " + name + ".");
        }
        return rebuild.start(CurrentActor.get(), reason, node).orElseThrow(() ->
                new ActionNotAllowedException("A rebuild of " + RequestViewRebuild.READ_MODEL + " is running already."));
    }

    private List<Segment> segments(String name, StreamingEventProcessor processor) {
        Map<Integer, EventTrackerStatus> local = processor.processingStatus();
        return jdbc.query("select segment, owner, token, token_type from token_entry where processor_name = ?"
                + " order by segment", (rs, row) -> {
                    int segment = rs.getInt("segment");
                    TrackingToken token = token(rs.getBytes("token"), rs.getString("token_type"));
                    EventTrackerStatus status = local.get(segment);
                    return new Segment(segment, rs.getString("owner"),
                            token == null ? null : token.position().stream().boxed().findFirst().orElse(null),
                            ReplayToken.isReplay(token),
                            status == null ? null : status.isCaughtUp(),
                            status == null || status.getError() == null ? null : status.getError().toString());
                }, name);
    }

    private TrackingToken token(byte[] bytes, String type) {
        if (bytes == null || type == null) {
            return null;
        }
        return serializer.deserialize(new SimpleSerializedObject<>(bytes, byte[].class, type, null));
    }

    private long deadLetters(String processingGroup) {
        Long count = jdbc.queryForObject("select count(*) from dead_letter_entry where processing_group = ?",
                Long.class, processingGroup);
        return count == null ? 0 : count;
    }
}
