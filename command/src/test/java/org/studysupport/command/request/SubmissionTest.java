package org.studysupport.command.request;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.studysupport.api.problem.InvalidInputException;
import org.studysupport.api.problem.NotPermittedException;
import org.studysupport.api.request.RequestSubmitted;
import org.studysupport.api.request.SubmitRequest;
import org.studysupport.api.security.Actor;
import org.studysupport.api.security.Role;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.studysupport.api.reference.ServiceCode.DATA_MANAGEMENT;
import static org.studysupport.api.reference.ServiceCode.MONITORING;
import static org.studysupport.command.request.RequestFixtures.INVESTIGATOR;
import static org.studysupport.command.request.RequestFixtures.REFERENCE;
import static org.studysupport.command.request.RequestFixtures.REQUEST_ID;
import static org.studysupport.command.request.RequestFixtures.SERVICES;
import static org.studysupport.command.request.RequestFixtures.as;
import static org.studysupport.command.request.RequestFixtures.asInvestigator;
import static org.studysupport.command.request.RequestFixtures.contact;
import static org.studysupport.command.request.RequestFixtures.invalidField;
import static org.studysupport.command.request.RequestFixtures.sealedContact;
import static org.studysupport.command.request.RequestFixtures.study;
import static org.studysupport.command.request.RequestFixtures.withoutClocks;

class SubmissionTest {

    private RequestFixtures.CountingReferenceNumbers referenceNumbers;
    private FixtureConfiguration<SupportRequest> fixture;

    @BeforeEach
    void setUp() {
        referenceNumbers = new RequestFixtures.CountingReferenceNumbers();
        fixture = RequestFixtures.newFixture(referenceNumbers);
    }

    @Test
    void investigatorSubmitsARequestThatGetsAReferenceAndRecordsTheInvestigator() {
        fixture.givenNoPriorActivity()
                .when(new SubmitRequest(REQUEST_ID, study(), SERVICES, contact()), asInvestigator())
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(withoutClocks(new RequestSubmitted(REQUEST_ID, REFERENCE, INVESTIGATOR, study(), SERVICES, sealedContact())));
        assertThat(referenceNumbers.calls).hasValue(1);
    }

    @Test
    void requestedServicesKeepTheirOrder() {
        fixture.givenNoPriorActivity()
                .when(new SubmitRequest(REQUEST_ID, study(), List.of(DATA_MANAGEMENT, MONITORING), contact()),
                        asInvestigator())
                .expectEventsMatching(withoutClocks(new RequestSubmitted(REQUEST_ID, REFERENCE, INVESTIGATOR, study(),
                        List.of(DATA_MANAGEMENT, MONITORING), sealedContact())));
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"COORDINATOR", "HOSPITAL", "AUDITOR", "ADMIN"})
    void onlyInvestigatorsMaySubmitRequests(Role role) {
        fixture.givenNoPriorActivity()
                .when(new SubmitRequest(REQUEST_ID, study(), SERVICES, contact()), as(role))
                .expectException(NotPermittedException.class)
                .expectExceptionMessage(containsString("submit requests"))
                .expectNoEvents();
        assertThat(referenceNumbers.calls).hasValue(0);
    }

    @Test
    void theInvestigatorsLanguageIsRecordedWithTheSubmission() {
        fixture.givenNoPriorActivity()
                .when(new SubmitRequest(REQUEST_ID, study(), SERVICES, contact(), "en"), asInvestigator())
                .expectEventsMatching(withoutClocks(new RequestSubmitted(REQUEST_ID, REFERENCE, INVESTIGATOR, study(),
                        SERVICES, sealedContact(), "en")));
    }

    @Test
    void aSubmissionInALanguageMessagesAreNotWrittenInIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new SubmitRequest(REQUEST_ID, study(), SERVICES, contact(), "de"), asInvestigator())
                .expectException(invalidField("language"))
                .expectNoEvents();
        assertThat(referenceNumbers.calls).hasValue(0);
    }

    @Test
    void aSubmissionWithoutAContactIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new SubmitRequest(REQUEST_ID, study(), SERVICES, null), asInvestigator())
                .expectException(invalidField("contact"))
                .expectNoEvents();
    }

    @Test
    void aRequestMustAskForAtLeastOneService() {
        fixture.givenNoPriorActivity()
                .when(new SubmitRequest(REQUEST_ID, study(), List.of(), contact()), asInvestigator())
                .expectException(InvalidInputException.class)
                .expectException(invalidField("services"))
                .expectExceptionMessage(containsString("at least one service"))
                .expectNoEvents();
        assertThat(referenceNumbers.calls).hasValue(0);
    }

    @Test
    void aServiceMayBeRequestedOnlyOnce() {
        fixture.givenNoPriorActivity()
                .when(new SubmitRequest(REQUEST_ID, study(), List.of(MONITORING, DATA_MANAGEMENT, MONITORING),
                        contact()), asInvestigator())
                .expectException(InvalidInputException.class)
                .expectException(invalidField("services"))
                .expectExceptionMessage(containsString("once"))
                .expectNoEvents();
        assertThat(referenceNumbers.calls).hasValue(0);
    }

    @Test
    void aCommandWithoutASignedInUserIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new SubmitRequest(REQUEST_ID, study(), SERVICES, contact()), Map.of())
                .expectException(NotPermittedException.class)
                .expectExceptionMessage(containsString("no signed-in user"))
                .expectNoEvents();
    }

    @Test
    void aCommandWithAUserButNoRoleIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new SubmitRequest(REQUEST_ID, study(), SERVICES, contact()),
                        Map.of(Actor.USER_ID, INVESTIGATOR))
                .expectException(NotPermittedException.class)
                .expectNoEvents();
    }
}
