package org.studysupport.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.studysupport.api.request.RequestSubmitted;

import java.util.Iterator;
import java.util.Map;

/**
 * Reads a stored revision-1 {@link RequestSubmitted} (no revision, the contact block in plaintext)
 * as revision 2: the contact becomes a sealed contact of the submitting investigator that is marked
 * as not sealed, its plaintext under {@code plaintext} and no key. The read side then treats it like
 * a sealed one: shown to whoever may see the contact, shown as erased once its subject was erased.
 * The stored row is never rewritten (its bytes are what the audit chain hashed), which is why
 * erasure cannot reach the plaintext of these rows: see docs/privacy.md.
 */
public class RequestSubmittedUpcaster extends SingleEventUpcaster {

    static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(RequestSubmitted.class.getName(), null);
    static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(RequestSubmitted.class.getName(), "2");
    private static final String CONTACT = "contact";

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_1.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, JsonNode.class,
                revision1 -> toRevision2((ObjectNode) revision1));
    }

    /** The revision-2 payload: revision 1's fields in their order, the contact as an unsealed one. */
    static ObjectNode toRevision2(ObjectNode revision1) {
        ObjectNode revision2 = JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> fields = revision1.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (CONTACT.equals(field.getKey())) {
                revision2.set(CONTACT, unsealed(field.getValue(), revision1.path("investigatorId")));
            } else {
                revision2.set(field.getKey(), field.getValue());
            }
        }
        return revision2;
    }

    private static JsonNode unsealed(JsonNode plaintext, JsonNode investigatorId) {
        if (plaintext == null || plaintext.isNull()) {
            return JsonNodeFactory.instance.nullNode();
        }
        ObjectNode contact = JsonNodeFactory.instance.objectNode();
        contact.set("subject", investigatorId);
        contact.putNull("keyId");
        contact.putNull("ciphertext");
        contact.set("plaintext", plaintext);
        return contact;
    }
}
