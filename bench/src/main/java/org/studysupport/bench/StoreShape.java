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
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Checks that the generated events look exactly like the ones the application wrote during the
 * run: for each event type both wrote, the same payload fields in the same order, the same
 * metadata keys (a hospital exactly for hospital staff), the same time stamp format, aggregate
 * type and revision. The exact bytes, key order included, are checked by the generator's tests.
 */
final class StoreShape {

    /** @param compared the event types both wrote; @param mismatches what differs, per type */
    record Report(List<String> compared, List<String> mismatches) {
    }

    private static final Pattern AXON_TIME = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    private static final String WRITTEN = "select distinct on (payload_type) payload_type, payload, meta_data,"
            + " time_stamp, type, payload_revision from domain_event_entry where global_index > ?"
            + " order by payload_type, global_index";
    /** The first generated event of a type: a walk along the primary key that stops at the first match. */
    private static final String GENERATED = "select payload_type, payload, meta_data, time_stamp, type,"
            + " payload_revision from domain_event_entry where payload_type = ? and global_index <= ?"
            + " order by global_index limit 1";

    private static final String SUBMITTED = "RequestSubmitted";

    private StoreShape() {
    }

    static Report compare(Database database, long lastGeneratedIndex) throws Exception {
        Map<String, Row> written = new LinkedHashMap<>();
        Map<String, Row> generated = new LinkedHashMap<>();
        try (Connection connection = database.connect()) {
            try (PreparedStatement query = connection.prepareStatement(WRITTEN)) {
                query.setLong(1, lastGeneratedIndex);
                read(query, written);
            }
            try (PreparedStatement query = connection.prepareStatement(GENERATED)) {
                for (String type : written.keySet()) {
                    query.setString(1, type);
                    query.setLong(2, lastGeneratedIndex);
                    read(query, generated);
                }
            }
        }
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
            if (SUBMITTED.equals(type)) {
                compareSubmission(ours, theirs, mismatches);
                continue;
            }
            if (!fields(ours.payload()).equals(fields(theirs.payload()))) {
                mismatches.add(type + " payload " + fields(ours.payload()) + " vs " + fields(theirs.payload()));
            }
            if (!keys(ours.metaData()).equals(keys(theirs.metaData()))) {
                mismatches.add(type + " metadata " + keys(ours.metaData()) + " vs " + keys(theirs.metaData()));
            }
            if (!hospitalIffStaff(ours.metaData()) || !hospitalIffStaff(theirs.metaData())) {
                mismatches.add(type + " metadata hospital " + ours.metaData() + " vs " + theirs.metaData());
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

    /**
     * Submissions are generated as revision 1 (plaintext contact, see {@link RevisionOneSubmission}) and
     * the application writes revision 2 (sealed contact): the same fields apart from inside the contact,
     * and {@code language}, the investigator's e-mail language, which revision 2 gained later as an
     * optional field (rows without it read as the site's language).
     */
    private static void compareSubmission(Row ours, Row theirs, List<String> mismatches) {
        List<String> generated = fields(ours.payload()).stream().filter(f -> !f.startsWith("contact.")).toList();
        List<String> written = fields(theirs.payload()).stream().filter(f -> !f.startsWith("contact."))
                .filter(f -> !f.equals("language")).toList();
        if (!generated.equals(written)) {
            mismatches.add(SUBMITTED + " payload " + generated + " vs " + written);
        }
        if (ours.revision() != null || !"2".equals(theirs.revision()) || !Objects.equals(ours.type(), theirs.type())) {
            mismatches.add(SUBMITTED + " type/revision " + ours.type() + "/" + ours.revision() + " vs "
                    + theirs.type() + "/" + theirs.revision() + " (expected revision 1 against 2)");
        }
        if (!keys(ours.metaData()).equals(keys(theirs.metaData()))) {
            mismatches.add(SUBMITTED + " metadata " + keys(ours.metaData()) + " vs " + keys(theirs.metaData()));
        }
    }

    private record Row(JsonNode payload, JsonNode metaData, String timeStamp, String type, String revision) {
    }

    private static void read(PreparedStatement query, Map<String, Row> rows) throws Exception {
        try (ResultSet result = query.executeQuery()) {
            while (result.next()) {
                rows.put(result.getString(1), new Row(Api.JSON.readTree(result.getBytes(2)),
                        Api.JSON.readTree(result.getBytes(3)), result.getString(4), result.getString(5),
                        result.getString(6)));
            }
        }
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

    /**
     * The metadata keys every event has; {@code hospital} (staff only) and {@code reason} (commands
     * with one: the same event type can come from a command with or without) are checked apart.
     */
    private static TreeSet<String> keys(JsonNode node) {
        TreeSet<String> keys = new TreeSet<>();
        node.fieldNames().forEachRemaining(keys::add);
        keys.removeAll(Set.of("hospital", "reason"));
        return keys;
    }

    private static boolean hospitalIffStaff(JsonNode metaData) {
        return metaData.has("hospital") == "HOSPITAL".equals(metaData.path("role").asText());
    }
}
