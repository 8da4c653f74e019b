package org.studysupport.api.security;

import org.studysupport.api.problem.NotPermittedException;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who may act: everything a signed-in user may ask the application to do, each with the roles that
 * may do it and, per role, the {@link Scope} it applies to. The single source of the role lists:
 * the HTTP path rules are built from it, and the aggregate asks it before it checks the scope
 * against the request's state. A role not listed for an action may not take it at all (403); a
 * role listed but out of scope is refused where the scope is decided (404 for a request the caller
 * may not see, 403 for one it may see).
 */
public enum Action {

    SUBMIT_REQUEST(Effect.CHANGES, "submit requests", grant(Role.INVESTIGATOR, Scope.ANY)),
    READ_REQUESTS(Effect.READS, "read requests",
            grant(Role.INVESTIGATOR, Scope.VISIBLE), grant(Role.COORDINATOR, Scope.VISIBLE),
            grant(Role.HOSPITAL, Scope.VISIBLE), grant(Role.AUDITOR, Scope.VISIBLE), grant(Role.ADMIN, Scope.VISIBLE)),
    READ_HISTORY(Effect.READS, "read the history of requests",
            grant(Role.INVESTIGATOR, Scope.OWN_REQUEST), grant(Role.COORDINATOR, Scope.ANY),
            grant(Role.AUDITOR, Scope.ANY), grant(Role.ADMIN, Scope.ANY)),
    ASK_CLARIFICATION(Effect.CHANGES, "ask for clarification",
            grant(Role.COORDINATOR, Scope.ANY), grant(Role.HOSPITAL, Scope.OPEN_ASSIGNMENT_AT_OWN_HOSPITAL)),
    ANSWER_CLARIFICATION(Effect.CHANGES, "answer clarification questions",
            grant(Role.INVESTIGATOR, Scope.OWN_REQUEST)),
    ACCEPT_REQUEST(Effect.CHANGES, "accept requests", grant(Role.COORDINATOR, Scope.ANY)),
    REJECT_REQUEST(Effect.CHANGES, "reject requests", grant(Role.COORDINATOR, Scope.ANY)),
    ASSIGN_SERVICE(Effect.CHANGES, "assign services", grant(Role.COORDINATOR, Scope.ANY)),
    ACKNOWLEDGE_ASSIGNMENT(Effect.CHANGES, "acknowledge assignments",
            grant(Role.HOSPITAL, Scope.HOSPITAL_OF_ASSIGNMENT)),
    DECLINE_ASSIGNMENT(Effect.CHANGES, "decline assignments", grant(Role.HOSPITAL, Scope.HOSPITAL_OF_ASSIGNMENT)),
    COMPLETE_ASSIGNMENT(Effect.CHANGES, "complete assignments", grant(Role.HOSPITAL, Scope.HOSPITAL_OF_ASSIGNMENT)),
    REASSIGN_ASSIGNMENT(Effect.CHANGES, "reassign assignments", grant(Role.COORDINATOR, Scope.ANY)),
    CANCEL_ASSIGNMENT(Effect.CHANGES, "cancel assignments", grant(Role.COORDINATOR, Scope.ANY)),
    COMPLETE_REQUEST(Effect.CHANGES, "complete requests", grant(Role.COORDINATOR, Scope.ANY)),
    WITHDRAW_REQUEST(Effect.CHANGES, "withdraw requests", grant(Role.INVESTIGATOR, Scope.OWN_REQUEST)),
    /** Investigators write PUBLIC comments only: a rule of the comment, which the aggregate keeps. */
    COMMENT(Effect.CHANGES, "comment", "Auditors read; they do not comment.",
            grant(Role.INVESTIGATOR, Scope.OWN_REQUEST), grant(Role.COORDINATOR, Scope.ANY),
            grant(Role.HOSPITAL, Scope.ASSIGNMENT_AT_OWN_HOSPITAL), grant(Role.ADMIN, Scope.ANY)),
    READ_TRIAGE_QUEUE(Effect.READS, "see today's triage queue", grant(Role.COORDINATOR, Scope.ANY)),
    READ_PAST_TRIAGE_QUEUE(Effect.READS, "see the triage queue as of a past moment",
            grant(Role.COORDINATOR, Scope.ANY), grant(Role.AUDITOR, Scope.ANY)),
    READ_HOSPITAL_QUEUE(Effect.READS, "see a hospital's queue",
            grant(Role.COORDINATOR, Scope.ANY), grant(Role.HOSPITAL, Scope.OWN_HOSPITAL)),
    FOLLOW_CHANGES(Effect.READS, "follow the live queue changes",
            grant(Role.COORDINATOR, Scope.VISIBLE), grant(Role.HOSPITAL, Scope.VISIBLE),
            grant(Role.INVESTIGATOR, Scope.VISIBLE)),
    RECOMMEND_HOSPITALS(Effect.READS, "ask which hospital to route a service to",
            grant(Role.COORDINATOR, Scope.ANY)),
    READ_STATISTICS(Effect.READS, "read the statistics",
            grant(Role.COORDINATOR, Scope.ANY), grant(Role.AUDITOR, Scope.ANY), grant(Role.ADMIN, Scope.ANY)),
    READ_REFERENCE_DATA(Effect.READS, "read the reference data",
            grant(Role.INVESTIGATOR, Scope.ANY), grant(Role.COORDINATOR, Scope.ANY), grant(Role.HOSPITAL, Scope.ANY),
            grant(Role.AUDITOR, Scope.ANY), grant(Role.ADMIN, Scope.ANY)),
    READ_AUDIT_LOG(Effect.READS, "read the audit log", grant(Role.AUDITOR, Scope.ANY), grant(Role.ADMIN, Scope.ANY)),
    /** Read models, dead letters, metrics, personal-data erasure: the operator's work. */
    OPERATE(Effect.CHANGES, "operate the application", grant(Role.ADMIN, Scope.ANY));

    /** Whether taking the action only reads, or may change what is stored. */
    public enum Effect {
        READS, CHANGES
    }

    private final Effect effect;
    private final String description;
    private final String roleRefusal;
    private final Map<Role, Scope> grants;

    Action(Effect effect, String description, Grant... grants) {
        this(effect, description, null, grants);
    }

    Action(Effect effect, String description, String roleRefusal, Grant... grants) {
        Map<Role, Scope> byRole = new EnumMap<>(Role.class);
        for (Grant grant : grants) {
            if (byRole.put(grant.role(), grant.scope()) != null) {
                throw new IllegalArgumentException(grant.role() + " is granted " + name() + " twice");
            }
        }
        this.effect = effect;
        this.description = description;
        this.grants = Collections.unmodifiableMap(byRole);
        this.roleRefusal = roleRefusal != null ? roleRefusal
                : "Only " + String.join(" or ", byRole.keySet().stream().map(Role::name).toList()) + " may "
                + description + ".";
    }

    private static Grant grant(Role role, Scope scope) {
        return new Grant(role, scope);
    }

    private record Grant(Role role, Scope scope) {
    }

    public Effect effect() {
        return effect;
    }

    /** What the action does, as the end of "may ...": {@code accept requests}. */
    public String description() {
        return description;
    }

    /** The roles that may take the action, on some scope. */
    public Set<Role> roles() {
        return grants.keySet();
    }

    /** The role names, for path rules and documents. */
    public Set<String> roleNames() {
        return roles().stream().map(Role::name).collect(Collectors.toUnmodifiableSet());
    }

    public boolean allows(Role role) {
        return grants.containsKey(role);
    }

    /** The scope the role may take the action on; empty if the role may not take it at all. */
    public Optional<Scope> scopeFor(Role role) {
        return Optional.ofNullable(grants.get(role));
    }

    /**
     * The role part of the policy: the scope the actor may take the action on, or a refusal if its
     * role may not take it at all.
     */
    public Scope requireRole(Actor actor) {
        return scopeFor(actor.role()).orElseThrow(() -> new NotPermittedException(roleRefusal));
    }

    /** Why a role not granted the action is refused. */
    public String roleRefusal() {
        return roleRefusal;
    }
}
