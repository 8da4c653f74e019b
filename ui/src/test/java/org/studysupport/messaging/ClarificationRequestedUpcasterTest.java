package org.studysupport.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;
import org.studysupport.api.request.ClarificationRequested;
import org.studysupport.api.request.RequestStatus;
import org.studysupport.api.security.Role;
import org.studysupport.support.RevisionOneFixture;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The upcaster on the stored first-revision {@code ClarificationRequested} rows of the fixture: the
 * exact revision-2 JSON, and the event Axon deserializes from a stored row through it.
 */
class ClarificationRequestedUpcasterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HOSPITALS_QUESTION = "Which visits need source data verification?";

    private final JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
    private final ClarificationRequestedUpcaster upcaster = new ClarificationRequestedUpcaster();

    @Test
    void aCoordinatorsQuestionGainsTheRoleAndNoHospital() throws Exception {
        RevisionOneFixture.Row stored = RevisionOneFixture.rowsOfType("ClarificationRequested").get(0);

        ObjectNode upcast = ClarificationRequestedUpcaster.toRevision2(
                (ObjectNode) JSON.readTree(stored.payload()), metaData(stored));

        assertThat(JSON.writeValueAsString(upcast)).isEqualTo("{\"requestId\":\"c766c382-c1f6-4cbb-9e9d-e103f33b8c12\","
                + "\"clarificationId\":\"bc24919a-3f4a-43bb-9bb9-e94037a4f9c5\",\"question\":\"How many sites will"
                + " recruit?\",\"askedBy\":\"coordinator\",\"askedByRole\":\"COORDINATOR\",\"askedByHospital\":null,"
                + "\"resumeStatus\":\"SUBMITTED\"}");
    }

    @Test
    void aHospitalsQuestionGainsTheRoleAndTheHospital() throws Exception {
        RevisionOneFixture.Row stored = RevisionOneFixture.rowsOfType("ClarificationRequested").get(1);

        ObjectNode upcast = ClarificationRequestedUpcaster.toRevision2(
                (ObjectNode) JSON.readTree(stored.payload()), metaData(stored));

        assertThat(JSON.writeValueAsString(upcast)).isEqualTo("{\"requestId\":\"c766c382-c1f6-4cbb-9e9d-e103f33b8c12\","
                + "\"clarificationId\":\"9ef60067-3244-4281-bb14-b2d7611c6ee4\",\"question\":\"Which visits need"
                + " source data verification?\",\"askedBy\":\"ous-staff\",\"askedByRole\":\"HOSPITAL\","
                + "\"askedByHospital\":\"OUS\",\"resumeStatus\":\"IN_PROGRESS\"}");
    }

    @Test
    void theRevisionTwoJsonIsWhatJacksonWritesForTheSameEvent() throws Exception {
        RevisionOneFixture.Row stored = RevisionOneFixture.rowsOfType("ClarificationRequested").get(1);

        ObjectNode upcast = ClarificationRequestedUpcaster.toRevision2(
                (ObjectNode) JSON.readTree(stored.payload()), metaData(stored));

        assertThat(JSON.writeValueAsString(upcast)).isEqualTo(JSON.writeValueAsString(hospitalsQuestion()));
    }

    @Test
    void aStoredRowIsReadThroughAxonAsRevisionTwo() {
        RevisionOneFixture.Row stored = RevisionOneFixture.rowsOfType("ClarificationRequested").get(1);

        List<IntermediateEventRepresentation> upcast = upcaster.upcast(Stream.of(initial(stored))).toList();

        assertThat(upcast).hasSize(1);
        SerializedType type = upcast.get(0).getType();
        assertThat(type.getName()).isEqualTo(ClarificationRequested.class.getName());
        assertThat(type.getRevision()).isEqualTo("2");
        assertThat((Object) serializer.deserialize(upcast.get(0).getData())).isEqualTo(hospitalsQuestion());
        assertThat(upcast.get(0).getMetaData().getObject()).containsEntry("hospital", "OUS");
    }

    @Test
    void otherEventsAndTheSecondRevisionAreLeftAsStored() {
        RevisionOneFixture.Row submitted = RevisionOneFixture.rowsOfType("RequestSubmitted").get(0);
        RevisionOneFixture.Row revision2 = new RevisionOneFixture.Row(99, RevisionOneFixture.REQUEST_ID, 8,
                "SupportRequest", UUID.randomUUID().toString(), ClarificationRequested.class.getName(), "2",
                "2026-12-01T16:43:00.000Z", "{\"askedBy\":\"coordinator\",\"askedByRole\":\"COORDINATOR\"}",
                "{\"role\":\"HOSPITAL\"}");

        for (RevisionOneFixture.Row row : List.of(submitted, revision2)) {
            InitialEventRepresentation initial = initial(row);
            assertThat(upcaster.upcast(Stream.of(initial)).toList()).containsExactly(initial);
        }
    }

    private static ClarificationRequested hospitalsQuestion() {
        return new ClarificationRequested(UUID.fromString(RevisionOneFixture.REQUEST_ID),
                UUID.fromString(RevisionOneFixture.HOSPITALS_QUESTION), HOSPITALS_QUESTION, "ous-staff",
                Role.HOSPITAL, "OUS", RequestStatus.IN_PROGRESS);
    }

    private InitialEventRepresentation initial(RevisionOneFixture.Row row) {
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>(row.type(), row.aggregateIdentifier(),
                row.sequenceNumber(), row.eventIdentifier(), row.timeStamp(), row.payloadType(), row.payloadRevision(),
                row.payload().getBytes(StandardCharsets.UTF_8), row.metaData().getBytes(StandardCharsets.UTF_8));
        return new InitialEventRepresentation(entry, serializer);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> metaData(RevisionOneFixture.Row row) throws Exception {
        return JSON.readValue(row.metaData(), Map.class);
    }
}
