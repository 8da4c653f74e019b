package org.studysupport.api.security;

import org.junit.jupiter.api.Test;
import org.studysupport.api.problem.NotPermittedException;

import java.util.Arrays;
import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The policy of who may act: the product's roles, as the rules the aggregate and the paths read. */
class ActionTest {

    @Test
    void auditorsReadEverythingAndChangeNothing() {
        assertThat(Arrays.stream(Action.values()).filter(action -> action.allows(Role.AUDITOR)))
                .allSatisfy(action -> assertThat(action.effect()).as(action.name()).isEqualTo(Action.Effect.READS));
    }

    @Test
    void everyActionIsGrantedToSomeRole() {
        assertThat(Action.values()).allSatisfy(action -> assertThat(action.roles()).as(action.name()).isNotEmpty());
    }

    @Test
    void investigatorsActOnlyOnTheirOwnRequests() {
        for (Action action : Action.values()) {
            action.scopeFor(Role.INVESTIGATOR).ifPresent(scope -> assertThat(scope).as(action.name())
                    .isIn(Scope.OWN_REQUEST, Scope.VISIBLE, Scope.ANY));
        }
        assertThat(Action.WITHDRAW_REQUEST.scopeFor(Role.INVESTIGATOR)).contains(Scope.OWN_REQUEST);
        assertThat(Action.ANSWER_CLARIFICATION.scopeFor(Role.INVESTIGATOR)).contains(Scope.OWN_REQUEST);
        assertThat(Action.COMMENT.scopeFor(Role.INVESTIGATOR)).contains(Scope.OWN_REQUEST);
    }

    @Test
    void hospitalStaffWorkOnlyTheirHospitalsAssignments() {
        EnumSet<Scope> hospitalScopes = EnumSet.of(Scope.HOSPITAL_OF_ASSIGNMENT, Scope.ASSIGNMENT_AT_OWN_HOSPITAL,
                Scope.OPEN_ASSIGNMENT_AT_OWN_HOSPITAL, Scope.OWN_HOSPITAL, Scope.VISIBLE, Scope.ANY);
        for (Action action : Action.values()) {
            action.scopeFor(Role.HOSPITAL).ifPresent(scope -> assertThat(scope).as(action.name()).isIn(hospitalScopes));
        }
        assertThat(Action.ACKNOWLEDGE_ASSIGNMENT.roles()).containsExactly(Role.HOSPITAL);
        assertThat(Action.ACKNOWLEDGE_ASSIGNMENT.scopeFor(Role.HOSPITAL)).contains(Scope.HOSPITAL_OF_ASSIGNMENT);
    }

    @Test
    void triageDecisionsAreTheCoordinatorsAlone() {
        for (Action action : EnumSet.of(Action.ACCEPT_REQUEST, Action.REJECT_REQUEST, Action.ASSIGN_SERVICE,
                Action.REASSIGN_ASSIGNMENT, Action.CANCEL_ASSIGNMENT, Action.COMPLETE_REQUEST)) {
            assertThat(action.roles()).as(action.name()).containsExactly(Role.COORDINATOR);
        }
    }

    @Test
    void aRoleNotGrantedTheActionIsRefusedWithTheRolesThatMay() {
        assertThatThrownBy(() -> Action.ACCEPT_REQUEST.requireRole(Actor.of("investigator1", Role.INVESTIGATOR)))
                .isInstanceOf(NotPermittedException.class)
                .hasMessage("Only COORDINATOR may accept requests.");
        assertThatThrownBy(() -> Action.ASK_CLARIFICATION.requireRole(Actor.of("auditor", Role.AUDITOR)))
                .isInstanceOf(NotPermittedException.class)
                .hasMessage("Only COORDINATOR or HOSPITAL may ask for clarification.");
        assertThat(Action.ASK_CLARIFICATION.requireRole(Actor.hospitalStaff("ous-staff", "OUS")))
                .isEqualTo(Scope.OPEN_ASSIGNMENT_AT_OWN_HOSPITAL);
    }
}
