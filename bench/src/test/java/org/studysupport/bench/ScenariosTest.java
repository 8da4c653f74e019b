package org.studysupport.bench;

import org.junit.jupiter.api.Test;
import org.studysupport.api.reference.ServiceCode;
import org.studysupport.api.request.RequestStatus;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated lives keep the request's rules (a broken rule throws), reach every status, number
 * their events from 0 without gaps, and come out the same for the same seed.
 */
class ScenariosTest {

    /** The hospitals of application.yml. */
    private static final Map<String, List<ServiceCode>> HOSPITALS = new LinkedHashMap<>();

    static {
        HOSPITALS.put("OUS", List.of(ServiceCode.values()));
        HOSPITALS.put("AHUS", codes("METHODOLOGY BIOSTATISTICS MONITORING STUDY_NURSES PATIENT_INVOLVEMENT GCP_TRAINING"));
        HOSPITALS.put("HUS", codes("METHODOLOGY BIOSTATISTICS REGULATORY DATA_MANAGEMENT MONITORING PHARMACOVIGILANCE"
                + " BIOBANK HEALTH_ECONOMICS CONTRACTS_FUNDING"));
        HOSPITALS.put("SUS", codes("DATA_MANAGEMENT MONITORING STUDY_NURSES PROJECT_MANAGEMENT GCP_TRAINING"));
        HOSPITALS.put("STO", codes("METHODOLOGY BIOSTATISTICS REGULATORY PHARMACOVIGILANCE PROJECT_MANAGEMENT BIOBANK"
                + " HEALTH_ECONOMICS PATIENT_INVOLVEMENT CONTRACTS_FUNDING"));
        HOSPITALS.put("UNN", codes("REGULATORY DATA_MANAGEMENT MONITORING STUDY_NURSES PROJECT_MANAGEMENT GCP_TRAINING"));
    }

    private static List<ServiceCode> codes(String names) {
        return Arrays.stream(names.split(" ")).map(ServiceCode::valueOf).toList();
    }

    @Test
    void livesKeepTheRulesAndReachEveryStatus() {
        List<SimulatedRequest> lives = lives(42, 3_000);
        Set<RequestStatus> reached = EnumSet.noneOf(RequestStatus.class);
        long events = 0;
        for (SimulatedRequest life : lives) {
            reached.add(life.status());
            List<SimulatedRequest.Event> stream = life.events();
            assertThat(stream.get(0).payload()).isInstanceOf(RevisionOneSubmission.class);
            for (int i = 0; i < stream.size(); i++) {
                assertThat(stream.get(i).sequence()).isEqualTo(i);
            }
            assertThat(life.state().version).isEqualTo(stream.size() - 1);
            events += stream.size();
        }
        assertThat(reached).containsExactlyInAnyOrder(RequestStatus.values());
        assertThat((double) events / lives.size()).isBetween(8.0, 13.0);
    }

    @Test
    void theSameSeedGivesTheSameLives() {
        assertThat(json(lives(7, 200))).isEqualTo(json(lives(7, 200)));
        assertThat(json(lives(7, 200))).isNotEqualTo(json(lives(8, 200)));
    }

    @Test
    void theLongHistoryHasExactlyTheEventsAskedFor() {
        Random random = new Random(1);
        SimulatedRequest request = new SimulatedRequest(UUID.randomUUID(), "investigator1", UUID::randomUUID);
        new Scenarios(random, HOSPITALS).longHistory(request, "SR-2025-00001", LocalDate.of(2025, 3, 1), 5_000);
        assertThat(request.events()).hasSize(5_000);
        assertThat(request.status()).isEqualTo(RequestStatus.IN_PROGRESS);
    }

    private static List<SimulatedRequest> lives(long seed, int count) {
        Random random = new Random(seed);
        Scenarios scenarios = new Scenarios(random, HOSPITALS);
        List<SimulatedRequest> lives = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            SimulatedRequest request = new SimulatedRequest(new UUID(random.nextLong(), random.nextLong()),
                    "investigator" + (1 + random.nextInt(50)), () -> new UUID(random.nextLong(), random.nextLong()));
            scenarios.live(request, String.format("SR-2025-%05d", i + 1), LocalDate.of(2025, 1, 1).plusDays(i % 300),
                    scenarios.targetFor(i % 2 == 0 ? 30 : 400));
            lives.add(request);
        }
        return lives;
    }

    private static String json(List<SimulatedRequest> lives) {
        StringBuilder all = new StringBuilder();
        for (SimulatedRequest life : lives) {
            for (SimulatedRequest.Event event : life.events()) {
                try {
                    all.append(StoreGenerator.EVENT_JSON.writeValueAsString(event.payload()))
                            .append(StoreGenerator.EVENT_JSON.writeValueAsString(event.metaData())).append('\n');
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return all.toString();
    }
}
