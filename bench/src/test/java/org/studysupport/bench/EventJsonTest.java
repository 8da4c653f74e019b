package org.studysupport.bench;

import org.junit.jupiter.api.Test;
import org.studysupport.api.reference.ServiceCode;
import org.studysupport.api.request.ClarificationRequested;
import org.studysupport.api.request.ContactDetails;
import org.studysupport.api.request.FundingStatus;
import org.studysupport.api.request.RequestRejected;
import org.studysupport.api.request.RequestStatus;
import org.studysupport.api.request.StudyDetails;
import org.studysupport.api.request.StudyPhase;
import org.studysupport.api.security.Role;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generator writes what the application writes: payload and metadata bytes, and the time
 * stamp, as read from a {@code domain_event_entry} row of the application's demo data.
 */
class EventJsonTest {

    @Test
    void aSubmissionIsWrittenByteForByteAsTheApplicationWroteItsFirstRevision() throws Exception {
        RevisionOneSubmission event = new RevisionOneSubmission(UUID.fromString("b3caeb03-272a-4a74-b10a-e60765744b92"),
                "SR-2026-00001", "investigator1",
                new StudyDetails("Low-dose colchicine after myocardial infarction", "COLCHI-MI", StudyPhase.PHASE_3,
                        "Oslo University Hospital", "Cardiology", FundingStatus.AWARDED, LocalDate.of(2027, 4, 1),
                        List.of("NO"), 8, "Multicentre randomised trial of low-dose colchicine after acute myocardial"
                        + " infarction."),
                List.of(ServiceCode.MONITORING, ServiceCode.DATA_MANAGEMENT),
                new ContactDetails("Kari Nordmann", "kari.nordmann@example.org", "+47 22 00 00 00"));
        String written = "{\"requestId\":\"b3caeb03-272a-4a74-b10a-e60765744b92\",\"reference\":\"SR-2026-00001\","
                + "\"investigatorId\":\"investigator1\",\"study\":{\"title\":\"Low-dose colchicine after myocardial"
                + " infarction\",\"acronym\":\"COLCHI-MI\",\"studyPhase\":\"PHASE_3\",\"sponsor\":\"Oslo University"
                + " Hospital\",\"therapeuticArea\":\"Cardiology\",\"fundingStatus\":\"AWARDED\",\"plannedStartDate\":"
                + "\"2027-04-01\",\"countries\":[\"NO\"],\"plannedSites\":8,\"description\":\"Multicentre randomised"
                + " trial of low-dose colchicine after acute myocardial infarction.\"},\"services\":[\"MONITORING\","
                + "\"DATA_MANAGEMENT\"],\"contact\":{\"name\":\"Kari Nordmann\",\"email\":\"kari.nordmann@example.org\","
                + "\"phone\":\"+47 22 00 00 00\"}}";
        assertThat(new String(StoreGenerator.EVENT_JSON.writeValueAsBytes(event), StandardCharsets.UTF_8))
                .isEqualTo(written);
    }

    @Test
    void metadataIsWrittenAsTheApplicationWritesIt() throws Exception {
        Map<String, Object> metaData = SimulatedRequest.metaData(
                new SimulatedRequest.Who("coordinator", "COORDINATOR", null), "Out of scope",
                UUID.fromString("8cac59b0-2ddc-4af7-b68e-792c018e4e06"));
        assertThat(StoreGenerator.EVENT_JSON.writeValueAsString(metaData)).isEqualTo("{\"traceId\":"
                + "\"8cac59b0-2ddc-4af7-b68e-792c018e4e06\",\"reason\":\"Out of scope\",\"correlationId\":"
                + "\"8cac59b0-2ddc-4af7-b68e-792c018e4e06\",\"role\":\"COORDINATOR\",\"userId\":\"coordinator\"}");
        Map<String, Object> hospital = SimulatedRequest.metaData(SimulatedRequest.Who.staffOf("OUS"), null,
                UUID.fromString("5d803f23-3976-469e-9c29-8c1c192dddbd"));
        assertThat(StoreGenerator.EVENT_JSON.writeValueAsString(hospital)).isEqualTo("{\"traceId\":"
                + "\"5d803f23-3976-469e-9c29-8c1c192dddbd\",\"correlationId\":\"5d803f23-3976-469e-9c29-8c1c192dddbd\","
                + "\"role\":\"HOSPITAL\",\"hospital\":\"OUS\",\"userId\":\"ous-staff\"}");
        Map<String, Object> investigator = SimulatedRequest.metaData(SimulatedRequest.Who.investigator("investigator1"),
                null, UUID.fromString("fe8f92bd-ebf8-41a6-9ed2-9e48f15cd151"));
        assertThat(StoreGenerator.EVENT_JSON.writeValueAsString(investigator)).isEqualTo("{\"traceId\":"
                + "\"fe8f92bd-ebf8-41a6-9ed2-9e48f15cd151\",\"correlationId\":\"fe8f92bd-ebf8-41a6-9ed2-9e48f15cd151\","
                + "\"role\":\"INVESTIGATOR\",\"userId\":\"investigator1\"}");
    }

    @Test
    void eachRowCarriesItsPayloadsRevisionAsTheApplicationStoresIt() {
        UUID id = UUID.fromString("b3caeb03-272a-4a74-b10a-e60765744b92");
        assertThat(StoreGenerator.revision(new ClarificationRequested(id, id, "How many sites?", "coordinator",
                Role.COORDINATOR, null, RequestStatus.SUBMITTED))).isEqualTo("2");
        assertThat(StoreGenerator.revision(new RequestRejected(id, "Out of scope"))).isNull();
    }

    @Test
    void timeStampsHaveThreeFractionDigitsAlways() {
        assertThat(StoreGenerator.AXON_TIME.format(Instant.parse("2026-11-26T09:15:00Z")))
                .isEqualTo("2026-11-26T09:15:00.000Z");
        assertThat(StoreGenerator.AXON_TIME.format(Instant.parse("2026-12-01T14:35:49.024Z")))
                .isEqualTo("2026-12-01T14:35:49.024Z");
    }
}
