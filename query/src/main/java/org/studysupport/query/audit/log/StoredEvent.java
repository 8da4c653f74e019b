package org.studysupport.query.audit.log;

/**
 * One row of the event store as it is stored: the columns of {@code domain_event_entry} that the
 * audit log hashes and exports, with payload and metadata as their stored (JSON) bytes.
 *
 * @param position        the global index
 * @param eventId         the event identifier
 * @param aggregateId     the aggregate (request) identifier
 * @param sequence        the event's sequence number within its aggregate
 * @param payloadType     the stored payload type (a class name)
 * @param payloadRevision the stored payload revision, or null
 * @param timestamp       the stored {@code time_stamp} text, unchanged
 * @param payload         the stored payload bytes
 * @param metadata        the stored metadata bytes, or null
 */
public record StoredEvent(long position, String eventId, String aggregateId, long sequence, String payloadType,
                          String payloadRevision, String timestamp, byte[] payload, byte[] metadata) {

    /** The type's simple name: the payload type after its package (and any enclosing class). */
    public String simpleType() {
        return simpleName(payloadType);
    }

    public static String simpleName(String payloadType) {
        int cut = Math.max(payloadType.lastIndexOf('.'), payloadType.lastIndexOf('$'));
        return payloadType.substring(cut + 1);
    }
}
