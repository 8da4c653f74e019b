package org.studysupport.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;
import org.studysupport.api.privacy.SealedContact;
import org.studysupport.api.request.ContactDetails;
import org.studysupport.api.request.RequestSubmitted;
import org.studysupport.support.RevisionOneFixture;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The upcaster on the stored first-revision {@code RequestSubmitted} of the fixture: its plaintext
 * contact becomes an unsealed contact of the submitting investigator, the other fields as stored.
 */
class RequestSubmittedUpcasterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
    private final RequestSubmittedUpcaster upcaster = new RequestSubmittedUpcaster();

    @Test
    void thePlaintextContactBecomesAnUnsealedContactOfTheInvestigator() throws Exception {
        RevisionOneFixture.Row stored = RevisionOneFixture.rowsOfType("RequestSubmitted").get(0);

        ObjectNode upcast = RequestSubmittedUpcaster.toRevision2((ObjectNode) JSON.readTree(stored.payload()));

        assertThat(JSON.writeValueAsString(upcast.path("contact"))).isEqualTo("{\"subject\":\"investigator1\","
                + "\"keyId\":null,\"ciphertext\":null,\"plaintext\":{\"name\":\"Kari Nordmann\","
                + "\"email\":\"kari@example.org\",\"phone\":\"+47 22 00 00 00\"}}");
        ObjectNode withoutContact = ((ObjectNode) JSON.readTree(stored.payload())).without("contact");
        assertThat((Object) upcast.deepCopy().without("contact")).isEqualTo(withoutContact);
    }

    @Test
    void aStoredRowIsReadThroughAxonAsRevisionTwo() {
        RevisionOneFixture.Row stored = RevisionOneFixture.rowsOfType("RequestSubmitted").get(0);

        List<IntermediateEventRepresentation> upcast = upcaster.upcast(Stream.of(initial(stored))).toList();

        assertThat(upcast.get(0).getType().getRevision()).isEqualTo("2");
        RequestSubmitted event = serializer.deserialize(upcast.get(0).getData());
        assertThat(event.contact()).isEqualTo(SealedContact.unsealed("investigator1",
                new ContactDetails("Kari Nordmann", "kari@example.org", "+47 22 00 00 00")));
        assertThat(event.contact().legacyPlaintext()).isTrue();
        assertThat(event.reference()).isEqualTo("SR-2026-00001");
    }

    @Test
    void otherEventsAreLeftAsStored() {
        RevisionOneFixture.Row question = RevisionOneFixture.rowsOfType("ClarificationRequested").get(0);
        InitialEventRepresentation initial = initial(question);
        assertThat(upcaster.upcast(Stream.of(initial)).toList()).containsExactly(initial);
    }

    private InitialEventRepresentation initial(RevisionOneFixture.Row row) {
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>(row.type(), row.aggregateIdentifier(),
                row.sequenceNumber(), row.eventIdentifier(), row.timeStamp(), row.payloadType(), row.payloadRevision(),
                row.payload().getBytes(StandardCharsets.UTF_8), row.metaData().getBytes(StandardCharsets.UTF_8));
        return new InitialEventRepresentation(entry, serializer);
    }
}
