package org.studysupport.query.queue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/** Reading columns of the read tables the same way on H2 and PostgreSQL. */
public final class Rows {

    private Rows() {
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** {@code ,A,B,} → [A, B]. */
    public static List<String> codes(String commaEnclosed) {
        return Arrays.stream(commaEnclosed.split(",")).filter(code -> !code.isBlank()).toList();
    }
}
