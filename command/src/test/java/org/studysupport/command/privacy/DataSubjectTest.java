package org.studysupport.command.privacy;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.studysupport.api.privacy.EraseSubject;
import org.studysupport.api.privacy.ErasureOutcome;
import org.studysupport.api.privacy.SubjectErased;
import org.studysupport.api.problem.ActionNotAllowedException;
import org.studysupport.api.problem.InvalidInputException;
import org.studysupport.api.problem.NotPermittedException;
import org.studysupport.api.security.Actor;
import org.studysupport.api.security.Role;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DataSubjectTest {

    private static final String SUBJECT = "investigator1";
    private static final Map<String, Object> AS_ADMIN = Map.of(Actor.USER_ID, "admin", Actor.ROLE, Role.ADMIN.name());

    private final InMemoryKeys keys = new InMemoryKeys();
    private FixtureConfiguration<DataSubject> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(DataSubject.class);
        fixture.registerInjectableResource(keys);
        keys.add(SUBJECT, "key-1");
        keys.add(SUBJECT, "key-2");
        keys.add("investigator2", "key-3");
    }

    @Test
    void anAdminErasesASubjectByDestroyingTheirKeysAndRecordingIt() {
        fixture.givenNoPriorActivity()
                .when(new EraseSubject(SUBJECT, "Art. 17 request of 2026-11-30"), AS_ADMIN)
                .expectEvents(new SubjectErased(SUBJECT, List.of("key-1", "key-2")))
                .expectResultMessagePayloadMatching(org.hamcrest.Matchers.instanceOf(ErasureOutcome.class));
        assertThat(keys.of(SUBJECT)).isEmpty();
        assertThat(keys.of("investigator2")).as("another subject's keys stay").containsExactly("key-3");
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"INVESTIGATOR", "COORDINATOR", "HOSPITAL", "AUDITOR"})
    void onlyAdminsMayErase(Role role) {
        fixture.givenNoPriorActivity()
                .when(new EraseSubject(SUBJECT, "Because"), Map.of(Actor.USER_ID, "someone", Actor.ROLE, role.name()))
                .expectException(NotPermittedException.class)
                .expectNoEvents();
        assertThat(keys.of(SUBJECT)).hasSize(2);
    }

    @Test
    void anErasureNeedsAReasonOfAtMost2000Characters() {
        fixture.givenNoPriorActivity()
                .when(new EraseSubject(SUBJECT, " "), AS_ADMIN)
                .expectException(InvalidInputException.class)
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new EraseSubject(SUBJECT, "x".repeat(2001)), AS_ADMIN)
                .expectException(InvalidInputException.class)
                .expectNoEvents();
        assertThat(keys.of(SUBJECT)).hasSize(2);
    }

    @Test
    void aSubjectErasedBeforeWithNothingStoredSinceIsRefused() {
        keys.clear(SUBJECT);
        fixture.given(new SubjectErased(SUBJECT, List.of("key-1")))
                .when(new EraseSubject(SUBJECT, "Again"), AS_ADMIN)
                .expectException(ActionNotAllowedException.class)
                .expectNoEvents();
    }

    @Test
    void aSubjectErasedBeforeIsErasedAgainWhenAKeyWasCreatedSince() {
        keys.clear(SUBJECT);
        keys.add(SUBJECT, "key-4");
        fixture.given(new SubjectErased(SUBJECT, List.of("key-1")))
                .when(new EraseSubject(SUBJECT, "A later submission"), AS_ADMIN)
                .expectEvents(new SubjectErased(SUBJECT, List.of("key-4")));
    }

    @Test
    void aSubjectWithoutKeysIsErasedOnceSoThatTheirUnsealedContactsReadAsErased() {
        fixture.givenNoPriorActivity()
                .when(new EraseSubject("never-sealed", "Contacts from before sealing"), AS_ADMIN)
                .expectEvents(new SubjectErased("never-sealed", List.of()));
        assertThat(keys.erased).containsKey("never-sealed");
    }

    /** Keys per subject, in creation order. */
    private static final class InMemoryKeys implements SubjectKeys {
        private final Map<String, List<String>> keys = new HashMap<>();
        private final Map<String, Instant> erased = new HashMap<>();

        void add(String subject, String keyId) {
            keys.computeIfAbsent(subject, s -> new ArrayList<>()).add(keyId);
        }

        void clear(String subject) {
            keys.remove(subject);
        }

        List<String> of(String subject) {
            return keys.getOrDefault(subject, List.of());
        }

        @Override
        public List<String> destroy(String subject, Instant erasedAt) {
            erased.put(subject, erasedAt);
            List<String> destroyed = keys.remove(subject);
            return destroyed == null ? List.of() : destroyed;
        }
    }
}
