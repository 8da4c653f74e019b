package org.studysupport.api.query;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The bands of time to triage: each duration in exactly one band, a band's upper limit excluded. */
class TriageTimesTest {

    @Test
    void eachDurationFallsInTheBandWhoseLimitsHoldIt() {
        TriageTimes times = TriageTimes.of(List.of(
                Duration.ZERO, Duration.ofMinutes(59),
                Duration.ofHours(1),
                Duration.ofHours(4), Duration.ofHours(23).plusMinutes(59),
                Duration.ofHours(24), Duration.ofHours(71),
                Duration.ofDays(3), Duration.ofDays(40)));

        assertThat(times.bands()).extracting(TriageTimes.Band::requests).containsExactly(2L, 1L, 2L, 2L, 2L);
        assertThat(times.total()).isEqualTo(9);
    }

    @Test
    void theBandsCoverEveryDurationWithoutGapOrOverlap() {
        List<TriageTimes.Band> bands = TriageTimes.of(List.of()).bands();

        assertThat(bands).hasSize(TriageTimes.LIMITS.size() + 1);
        assertThat(bands.get(0).atLeast()).isEqualTo(Duration.ZERO);
        for (int i = 1; i < bands.size(); i++) {
            assertThat(bands.get(i).atLeast()).isEqualTo(bands.get(i - 1).lessThan());
        }
        assertThat(bands.get(bands.size() - 1).lessThan()).isNull();
        assertThat(bands).extracting(TriageTimes.Band::requests).containsOnly(0L);
    }
}
