package org.studysupport.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.studysupport.api.request.ClarificationRequested;
import org.studysupport.api.security.Actor;

import java.util.Iterator;
import java.util.Map;

/**
 * Reads a stored revision-1 {@link ClarificationRequested} (no revision, only the asker's user id) as
 * revision 2: the asker's role and hospital are added right after {@code askedBy}, taken from the
 * event's own metadata, where the dispatch interceptor put the signed-in user's role and hospital when
 * the question was asked. The stored row is never rewritten: the upcast happens on every read, so the
 * log keeps the bytes it was written (and hashed) with.
 */
public class ClarificationRequestedUpcaster extends SingleEventUpcaster {

    static final SimpleSerializedType REVISION_1 =
            new SimpleSerializedType(ClarificationRequested.class.getName(), null);
    static final SimpleSerializedType REVISION_2 =
            new SimpleSerializedType(ClarificationRequested.class.getName(), "2");
    private static final String ASKED_BY = "askedBy";

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_1.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        MetaData metaData = representation.getMetaData().getObject();
        return representation.upcastPayload(REVISION_2, JsonNode.class,
                revision1 -> toRevision2((ObjectNode) revision1, metaData));
    }

    /** The revision-2 payload: revision 1's fields in their order, the asker's role and hospital after {@code askedBy}. */
    static ObjectNode toRevision2(ObjectNode revision1, Map<String, ?> metaData) {
        ObjectNode revision2 = JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> fields = revision1.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            revision2.set(field.getKey(), field.getValue());
            if (ASKED_BY.equals(field.getKey())) {
                addAsker(revision2, metaData);
            }
        }
        if (!revision1.has(ASKED_BY)) {
            addAsker(revision2, metaData);
        }
        return revision2;
    }

    private static void addAsker(ObjectNode payload, Map<String, ?> metaData) {
        payload.put("askedByRole", text(metaData.get(Actor.ROLE)));
        payload.put("askedByHospital", text(metaData.get(Actor.HOSPITAL)));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
