package org.studysupport.query.audit.log;

import java.sql.ResultSet;
import java.sql.SQLException;

/** How the audit log reads {@code domain_event_entry} rows: the columns, and a row as a {@link StoredEvent}. */
final class StoredEvents {

    /** The columns of {@link #read}, in its order, qualified by the table alias {@code e}. */
    static final String COLUMNS = "e.global_index, e.event_identifier, e.aggregate_identifier, e.sequence_number,"
            + " e.payload_type, e.payload_revision, e.time_stamp, e.payload, e.meta_data";
    /** How many columns {@link #COLUMNS} names. */
    static final int COLUMN_COUNT = 9;

    private StoredEvents() {
    }

    static StoredEvent read(ResultSet row) throws SQLException {
        return new StoredEvent(row.getLong(1), row.getString(2), row.getString(3), row.getLong(4),
                row.getString(5), row.getString(6), row.getString(7), row.getBytes(8), row.getBytes(9));
    }
}
