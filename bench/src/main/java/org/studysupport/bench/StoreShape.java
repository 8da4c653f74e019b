package org.studysupport.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Checks that the generated events look exactly like the ones the application wrote during the
 * run: for each event type both wrote, the same payload fields in the same order, the same
 * metadata keys, the same time stamp format, aggregate type and revision.
 */
final class StoreShape {

    /** @param compared the event types both wrote; @param mismatches what differs, per type */
    record Report(List<String> compared, List<String> mismatches) {
    }

    private static final Pattern AXON_TIME = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    private static final String FIRST_OF_EACH_TYPE = "select distinct on (payload_type) payload_type, payload,"
            + " meta_data, time_stamp, type, payload_revision from domain_event_entry where global_index %s ?"
            + " order by payload_type, global_index";

    private StoreShape() {
    }

    static Report compare(Database database, long lastGeneratedIndex) throws Exception {
        Map<String, Row> generated = firstOfEachType(database, "<=", lastGeneratedIndex);
        Map<String, Row> written = firstOfEachType(database, ">", lastGeneratedIndex);
        List<String> compared = new ArrayList<>();
        List<String> mismatches = new ArrayList<>();
        for (var entry : written.entrySet()) {
            Row ours = generated.get(entry.getKey());
            if (ours == null) {
                continue;
            }
            Row theirs = entry.getValue();
            String type = entry.getKey().substring(entry.getKey().lastIndexOf('.') + 1);
            compared.add(type);
            if (!fields(ours.payload()).equals(fields(theirs.payload()))) {
                mismatches.add(type + " payload " + fields(ours.payload()) + " vs " + fields(theirs.payload()));
            }
            if (!keys(ours.metaData()).equals(keys(theirs.metaData()))) {
                mismatches.add(type + " metadata " + keys(ours.metaData()) + " vs " + keys(theirs.metaData()));
            }
            if (!AXON_TIME.matcher(ours.timeStamp()).matches() || !AXON_TIME.matcher(theirs.timeStamp()).matches()) {
                mismatches.add(type + " time stamp " + ours.timeStamp() + " vs " + theirs.timeStamp());
            }
            if (!Objects.equals(ours.type(), theirs.type()) || !Objects.equals(ours.revision(), theirs.revision())) {
                mismatches.add(type + " type/revision " + ours.type() + "/" + ours.revision() + " vs " + theirs.type()
                        + "/" + theirs.revision());
            }
        }
        return new Report(compared, mismatches);
    }

    private record Row(JsonNode payload, JsonNode metaData, String timeStamp, String type, String revision) {
    }

    private static Map<String, Row> firstOfEachType(Database database, String comparison, long index)
            throws Exception {
        Map<String, Row> rows = new LinkedHashMap<>();
        try (Connection connection = database.connect();
             PreparedStatement query = connection.prepareStatement(String.format(FIRST_OF_EACH_TYPE, comparison))) {
            query.setLong(1, index);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.put(result.getString(1), new Row(Api.JSON.readTree(result.getBytes(2)),
                            Api.JSON.readTree(result.getBytes(3)), result.getString(4), result.getString(5),
                            result.getString(6)));
                }
            }
        }
        return rows;
    }

    /** Field paths in order, nested objects included (values ignored: they differ, and may be null). */
    private static List<String> fields(JsonNode node) {
        List<String> paths = new ArrayList<>();
        collect(node, "", paths);
        return paths;
    }

    private static void collect(JsonNode node, String prefix, List<String> paths) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            var field = it.next();
            paths.add(prefix + field.getKey());
            if (field.getValue().isObject()) {
                collect(field.getValue(), prefix + field.getKey() + ".", paths);
            }
        }
    }

    private static TreeSet<String> keys(JsonNode node) {
        TreeSet<String> keys = new TreeSet<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }
}
