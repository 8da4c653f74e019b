package org.studysupport.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The authorization matrix of {@code authorization-matrix.csv}: one row per endpoint and request
 * state, one expected status per caller. Lines starting with {@code #} are comments; fields hold no
 * commas.
 */
record AuthorizationMatrix(List<String> callers, List<Row> rows) {

    static final String FILE = "/authorization-matrix.csv";

    private static final List<String> LEADING = List.of("method", "endpoint", "state", "call");
    private static final List<String> TRAILING = List.of("note");

    /**
     * One row.
     *
     * @param endpoint the method and path template, as the application maps it: {@code POST /api/requests/{id}/accept}
     * @param call     the path to call, with variables: the template, or a concrete form of it
     * @param expected the status per caller, in the order of the callers
     */
    record Row(int line, String method, String endpoint, String state, String call, Map<String, Integer> expected,
               String note) {

        String key() {
            return method + " " + endpoint;
        }

        @Override
        public String toString() {
            return key() + " [" + state + "]" + (call.equals(endpoint) ? "" : " as " + call);
        }
    }

    static AuthorizationMatrix read() {
        try (InputStream in = AuthorizationMatrix.class.getResourceAsStream(FILE)) {
            if (in == null) {
                throw new IllegalStateException(FILE + " is missing");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static AuthorizationMatrix parse(List<String> lines) {
        List<String> header = null;
        List<String> callers = null;
        List<Row> rows = new ArrayList<>();
        for (int index = 0; index < lines.size(); index++) {
            String line = lines.get(index);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            List<String> fields = List.of(line.split(",", -1));
            if (header == null) {
                header = fields;
                if (!header.subList(0, LEADING.size()).equals(LEADING)
                        || !header.subList(header.size() - TRAILING.size(), header.size()).equals(TRAILING)) {
                    throw new IllegalStateException(FILE + ": the header must start with " + LEADING + " and end with "
                            + TRAILING + ", the callers between them: " + header);
                }
                callers = header.subList(LEADING.size(), header.size() - TRAILING.size());
                continue;
            }
            rows.add(row(index + 1, header, callers, fields));
        }
        if (callers == null) {
            throw new IllegalStateException(FILE + " has no header");
        }
        return new AuthorizationMatrix(callers, rows);
    }

    private static Row row(int line, List<String> header, List<String> callers, List<String> fields) {
        if (fields.size() != header.size()) {
            throw new IllegalStateException(FILE + " line " + line + ": " + fields.size() + " fields, the header has "
                    + header.size());
        }
        Map<String, Integer> expected = new LinkedHashMap<>();
        for (int i = 0; i < callers.size(); i++) {
            String status = fields.get(LEADING.size() + i).trim();
            try {
                expected.put(callers.get(i), Integer.valueOf(status));
            } catch (NumberFormatException e) {
                throw new IllegalStateException(FILE + " line " + line + ": '" + status + "' for " + callers.get(i)
                        + " is not a status");
            }
        }
        String endpoint = fields.get(1).trim();
        String call = fields.get(3).trim();
        return new Row(line, fields.get(0).trim(), endpoint, fields.get(2).trim(), call.isEmpty() ? endpoint : call,
                expected, fields.get(fields.size() - 1).trim());
    }
}
