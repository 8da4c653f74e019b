package org.studysupport.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.studysupport.api.assignment.AssignmentAcknowledged;
import org.studysupport.api.assignment.AssignmentCancelled;
import org.studysupport.api.assignment.AssignmentCompleted;
import org.studysupport.api.assignment.AssignmentDeclined;
import org.studysupport.api.assignment.AssignmentReassigned;
import org.studysupport.api.assignment.AssignmentStatus;
import org.studysupport.api.assignment.ServiceAssigned;
import org.studysupport.api.reference.ServiceCode;
import org.studysupport.api.request.ClarificationRequested;
import org.studysupport.api.request.RequestAccepted;
import org.studysupport.api.request.RequestCompleted;
import org.studysupport.api.request.RequestRejected;
import org.studysupport.api.sla.Clock;
import org.studysupport.api.sla.RequestEscalated;
import org.studysupport.api.sla.SlaClockBreached;
import org.studysupport.api.sla.SlaWarningRaised;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The notifications processor's handlers: each event that someone must hear of becomes messages in
 * the outbox, one per recipient and channel, in the transaction that also moves the processor's
 * token, so an event is turned into messages exactly once. E-mail goes to the investigator (a
 * question, acceptance, rejection, completion), to a hospital's unit (an assignment arrived or was
 * moved away) and to the coordinators (SLA warning, breach, escalation); every event about a
 * hospital's assignments goes to that hospital's webhook endpoints.
 *
 * <p>Every handler is {@link DisallowReplay}: a reset of this processor goes over the old events
 * without writing anything, so nothing is sent twice; the read models' rebuilds do not involve this
 * processor at all.
 */
@ProcessingGroup(NotificationEvents.PROCESSING_GROUP)
public class NotificationEvents {

    public static final String PROCESSING_GROUP = "notifications";
    private static final Logger log = LoggerFactory.getLogger(NotificationEvents.class);

    private final RequestFacts requests;
    private final Outbox outbox;
    private final WebhookEndpoints endpoints;
    private final EmailTexts texts;
    private final NotificationProperties properties;
    private final Supplier<Boolean> mailEnabled;
    private final ObjectMapper objectMapper;
    private final java.time.Clock clock;

    NotificationEvents(RequestFacts requests, Outbox outbox, WebhookEndpoints endpoints, EmailTexts texts,
                       NotificationProperties properties, Supplier<Boolean> mailEnabled, ObjectMapper objectMapper,
                       java.time.Clock clock) {
        this.requests = requests;
        this.outbox = outbox;
        this.endpoints = endpoints;
        this.texts = texts;
        this.properties = properties;
        this.mailEnabled = mailEnabled;
        this.objectMapper = objectMapper;
        this.clock = clock;
    }

    // --- the investigator

    @EventHandler
    @DisallowReplay
    void on(ClarificationRequested event, EventMessage<?> message) {
        toInvestigator(message, event.requestId(), EmailTexts.Kind.CLARIFICATION_ASKED);
    }

    @EventHandler
    @DisallowReplay
    void on(RequestAccepted event, EventMessage<?> message) {
        toInvestigator(message, event.requestId(), EmailTexts.Kind.REQUEST_ACCEPTED);
    }

    @EventHandler
    @DisallowReplay
    void on(RequestRejected event, EventMessage<?> message) {
        toInvestigator(message, event.requestId(), EmailTexts.Kind.REQUEST_REJECTED);
    }

    @EventHandler
    @DisallowReplay
    void on(RequestCompleted event, EventMessage<?> message) {
        toInvestigator(message, event.requestId(), EmailTexts.Kind.REQUEST_COMPLETED);
    }

    // --- the hospitals

    @EventHandler
    @DisallowReplay
    void on(ServiceAssigned event, EventMessage<?> message) {
        Supplier<RequestFacts.Facts> facts = factsOf(event.requestId());
        toHospitalUnit(message, facts, event.requestId(), event.hospital(), event.service(),
                EmailTexts.Kind.ASSIGNMENT_ARRIVED);
        toWebhooks(message, facts, event.requestId(), event.hospital(), "assignment.assigned",
                assignment(event.assignmentId(), event.service(), event.hospital(), AssignmentStatus.PENDING));
    }

    @EventHandler
    @DisallowReplay
    void on(AssignmentReassigned event, EventMessage<?> message) {
        Supplier<RequestFacts.Facts> facts = factsOf(event.requestId());
        toHospitalUnit(message, facts, event.requestId(), event.fromHospital(), event.service(),
                EmailTexts.Kind.ASSIGNMENT_REASSIGNED_AWAY);
        // the hospital it moved to hears of its new assignment from the ServiceAssigned that follows
        toWebhooks(message, facts, event.requestId(), event.fromHospital(), "assignment.reassigned",
                assignment(event.assignmentId(), event.service(), event.fromHospital(), AssignmentStatus.REASSIGNED));
    }

    @EventHandler
    @DisallowReplay
    void on(AssignmentAcknowledged event, EventMessage<?> message) {
        toWebhooks(message, factsOf(event.requestId()), event.requestId(), event.hospital(), "assignment.acknowledged",
                assignment(event.assignmentId(), event.service(), event.hospital(), AssignmentStatus.ACTIVE));
    }

    @EventHandler
    @DisallowReplay
    void on(AssignmentDeclined event, EventMessage<?> message) {
        toWebhooks(message, factsOf(event.requestId()), event.requestId(), event.hospital(), "assignment.declined",
                assignment(event.assignmentId(), event.service(), event.hospital(), AssignmentStatus.DECLINED));
    }

    @EventHandler
    @DisallowReplay
    void on(AssignmentCompleted event, EventMessage<?> message) {
        toWebhooks(message, factsOf(event.requestId()), event.requestId(), event.hospital(), "assignment.completed",
                assignment(event.assignmentId(), event.service(), event.hospital(), AssignmentStatus.COMPLETED));
    }

    @EventHandler
    @DisallowReplay
    void on(AssignmentCancelled event, EventMessage<?> message) {
        toWebhooks(message, factsOf(event.requestId()), event.requestId(), event.hospital(), "assignment.cancelled",
                assignment(event.assignmentId(), event.service(), event.hospital(), AssignmentStatus.CANCELLED));
    }

    // --- the coordinators, and the hospital of the clock's assignment

    @EventHandler
    @DisallowReplay
    void on(SlaWarningRaised event, EventMessage<?> message) {
        onClock(message, event.requestId(), event.clock(), event.assignmentId(), event.dueAt(),
                EmailTexts.Kind.SLA_WARNING, "sla.warning");
    }

    @EventHandler
    @DisallowReplay
    void on(SlaClockBreached event, EventMessage<?> message) {
        onClock(message, event.requestId(), event.clock(), event.assignmentId(), event.dueAt(),
                EmailTexts.Kind.SLA_BREACHED, "sla.breached");
    }

    @EventHandler
    @DisallowReplay
    void on(RequestEscalated event, EventMessage<?> message) {
        onClock(message, event.requestId(), event.clock(), event.assignmentId(), event.dueAt(),
                EmailTexts.Kind.REQUEST_ESCALATED, "request.escalated");
    }

    /**
     * A reset of this processor replays nothing (every handler disallows replay): the messages of
     * the events it had handled were written then, and are not written again.
     */
    @ResetHandler
    void onReset() {
        log.info("The notifications processor was reset: events it had handled send nothing again");
    }

    private void onClock(EventMessage<?> message, UUID requestId, Clock clockName, UUID assignmentId, Instant dueAt,
                         EmailTexts.Kind kind, String webhookType) {
        if (!mailEnabled.get() && assignmentId == null) {
            return;
        }
        RequestFacts.Facts facts = facts(requestId);
        RequestFacts.AssignmentFacts assignment = facts.assignment(assignmentId).orElse(null);
        if (mailEnabled.get()) {
            for (NotificationProperties.Recipient coordinators : properties.coordinators()) {
                String language = properties.languageOf(coordinators);
                EmailTexts.Text text = texts.render(kind, language, new EmailTexts.Values(facts.reference(), requestId,
                        assignment == null ? null : assignment.service().name(),
                        assignment == null ? null : assignment.hospital(), clockName.name(), dueAt));
                email(message, requestId, "COORDINATORS:" + coordinators.email(), language, text, null);
            }
        }
        if (assignment != null) {
            Map<String, Object> data = assignment(assignmentId, assignment.service(), assignment.hospital(), null);
            data.put("clock", clockName.name());
            data.put("dueAt", dueAt);
            toWebhooks(message, () -> facts, requestId, assignment.hospital(), webhookType, data);
        }
    }

    private void toInvestigator(EventMessage<?> message, UUID requestId, EmailTexts.Kind kind) {
        if (!mailEnabled.get()) {
            return;
        }
        RequestFacts.Facts facts = facts(requestId);
        String language = Languages.orDefault(facts.language(), properties.defaultLanguage());
        EmailTexts.Text text = texts.render(kind, language,
                new EmailTexts.Values(facts.reference(), requestId, null, null, null, null));
        email(message, requestId, "INVESTIGATOR:" + facts.investigatorId(), language, text, json(facts.contact()));
    }

    private void toHospitalUnit(EventMessage<?> message, Supplier<RequestFacts.Facts> facts, UUID requestId, String hospital,
                                ServiceCode service, EmailTexts.Kind kind) {
        NotificationProperties.Recipient unit = properties.hospitals().get(hospital);
        if (!mailEnabled.get() || unit == null || unit.email() == null || unit.email().isBlank()) {
            return;
        }
        String language = properties.languageOf(unit);
        EmailTexts.Text text = texts.render(kind, language,
                new EmailTexts.Values(facts.get().reference(), requestId, service.name(), hospital, null, null));
        email(message, requestId, "HOSPITAL:" + hospital, language, text, null);
    }

    private void email(EventMessage<?> message, UUID requestId, String recipient, String language,
                       EmailTexts.Text text, String sealedContact) {
        outbox.add(new OutboxMessage(OutboxMessage.idOf(message.getIdentifier(), Channel.EMAIL, recipient),
                message.getIdentifier(), eventType(message), message.getTimestamp(), requestId, Channel.EMAIL,
                recipient, null, language, text.subject(), text.body(), sealedContact), clock.instant());
    }

    private void toWebhooks(EventMessage<?> message, Supplier<RequestFacts.Facts> facts, UUID requestId, String hospital,
                            String type, Map<String, Object> data) {
        for (WebhookEndpoints.Endpoint endpoint : endpoints.activeOf(hospital)) {
            UUID id = OutboxMessage.idOf(message.getIdentifier(), Channel.WEBHOOK, endpoint.id().toString());
            Map<String, Object> about = new LinkedHashMap<>();
            about.put("requestId", requestId);
            about.put("reference", facts.get().reference());
            about.putAll(data);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("id", id);
            body.put("type", type);
            body.put("timestamp", message.getTimestamp());
            body.put("data", about);
            outbox.add(new OutboxMessage(id, message.getIdentifier(), eventType(message), message.getTimestamp(),
                    requestId, Channel.WEBHOOK, endpoint.id().toString(), endpoint.id(), null, null, json(body), null),
                    clock.instant());
        }
    }

    private static Map<String, Object> assignment(UUID assignmentId, ServiceCode service, String hospital,
                                                  AssignmentStatus status) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("assignmentId", assignmentId);
        data.put("service", service.name());
        data.put("hospital", hospital);
        if (status != null) {
            data.put("status", status.name());
        }
        return data;
    }

    /** The request's facts, read from the store at the first use only (often nothing needs them). */
    private Supplier<RequestFacts.Facts> factsOf(UUID requestId) {
        RequestFacts.Facts[] read = new RequestFacts.Facts[1];
        return () -> {
            if (read[0] == null) {
                read[0] = facts(requestId);
            }
            return read[0];
        };
    }

    private RequestFacts.Facts facts(UUID requestId) {
        return requests.of(requestId).orElseThrow(() ->
                new IllegalStateException("No submission of request " + requestId + " in the event store"));
    }

    private static String eventType(EventMessage<?> message) {
        return message.getPayloadType().getSimpleName();
    }

    private String json(Object value) {
        try {
            return objectMapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a notification as JSON", e);
        }
    }
}
