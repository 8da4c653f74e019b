package org.studysupport.web.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.studysupport.api.problem.InvalidInputException;
import org.studysupport.query.audit.AccessRecord;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The two shapes of the access trail's export: JSON Lines (one object per line, the default) and
 * CSV (RFC 4180: a header row, CRLF line ends, fields with a comma, quote or line break quoted,
 * quotes doubled). Chosen by the {@code Accept} header, highest quality first.
 */
enum AccessFormat {

    JSON_LINES(MediaType.parseMediaType("application/x-ndjson")) {
        @Override
        void start(OutputStream out) {
            // no header: every line stands alone
        }

        @Override
        void write(AccessRecord record, OutputStream out, ObjectMapper json) throws IOException {
            out.write(json.writeValueAsBytes(new Line(record.id(), record.at(),
                    new Line.Actor(record.userId(), record.role()), record.action(), record.target(), record.detail(),
                    record.outcome())));
            out.write('\n');
        }
    },

    CSV(new MediaType("text", "csv", StandardCharsets.UTF_8)) {
        @Override
        void start(OutputStream out) throws IOException {
            out.write((CSV_HEADER + "\r\n").getBytes(StandardCharsets.UTF_8));
        }

        @Override
        void write(AccessRecord record, OutputStream out, ObjectMapper json) throws IOException {
            String row = String.join(",", Long.toString(record.id()), record.at().toString(), field(record.userId()),
                    field(record.role()), field(record.action()), field(record.target()), field(record.detail()),
                    Integer.toString(record.outcome()));
            out.write((row + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
    };

    /** One line of the JSON Lines export; the actor as in a request's history. */
    record Line(long id, Instant at, Actor actor, String action, String target, String detail, int outcome) {
        record Actor(String id, String role) {
        }
    }

    static final String CSV_HEADER = "id,at,actor_id,actor_role,action,target,detail,outcome";

    private final MediaType mediaType;

    AccessFormat(MediaType mediaType) {
        this.mediaType = mediaType;
    }

    MediaType mediaType() {
        return mediaType;
    }

    abstract void start(OutputStream out) throws IOException;

    abstract void write(AccessRecord record, OutputStream out, ObjectMapper json) throws IOException;

    /** The format the {@code Accept} header asks for: JSON Lines without one or for any type, CSV for text/csv. */
    static AccessFormat chosenBy(String accept) throws HttpMediaTypeNotAcceptableException {
        if (accept == null || accept.isBlank()) {
            return JSON_LINES;
        }
        List<MediaType> accepted;
        try {
            accepted = new ArrayList<>(MediaType.parseMediaTypes(accept));
        } catch (InvalidMediaTypeException e) {
            throw new InvalidInputException("Accept", "is not a list of media types");
        }
        accepted.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
        for (MediaType type : accepted) {
            if (type.getQualityValue() == 0) {
                continue;
            }
            if (type.includes(JSON_LINES.mediaType)) {
                return JSON_LINES;
            }
            if (type.includes(CSV.mediaType)) {
                return CSV;
            }
        }
        throw new HttpMediaTypeNotAcceptableException(List.of(JSON_LINES.mediaType, CSV.mediaType));
    }

    /** An RFC 4180 field: empty for null, quoted when it holds a comma, a quote or a line break. */
    static String field(String value) {
        if (value == null) {
            return "";
        }
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\r') < 0 && value.indexOf('\n') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
