package org.studysupport.application;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.studysupport.api.Nullable;
import org.studysupport.api.problem.ActionNotAllowedException;
import org.studysupport.api.problem.InvalidInputException;
import org.studysupport.api.problem.UnknownEntityException;
import org.studysupport.api.reference.HospitalDirectory;
import org.studysupport.notification.Channel;
import org.studysupport.notification.MessageStatus;
import org.studysupport.notification.NotificationProperties;
import org.studysupport.notification.Outbox;
import org.studysupport.notification.WebhookEndpoints;
import org.studysupport.notification.WebhookSignature;
import org.studysupport.security.CurrentActor;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The hospitals' webhook endpoints as administrators manage them: registration (the one time the
 * secret is shown), the list, removal, each endpoint's delivery log and a manual re-send. Who did
 * it and when is recorded with each change.
 */
@Service
public class WebhookService {

    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127(\\.\\d{1,3}){3}");

    private final WebhookEndpoints endpoints;
    private final Outbox outbox;
    private final HospitalDirectory hospitals;
    private final NotificationProperties properties;
    private final Clock clock;

    public WebhookService(WebhookEndpoints endpoints, Outbox outbox, HospitalDirectory hospitals,
                          NotificationProperties properties, Clock clock) {
        this.endpoints = endpoints;
        this.outbox = outbox;
        this.hospitals = hospitals;
        this.properties = properties;
        this.clock = clock;
    }

    /** A registered endpoint with its secret: the only answer that shows it. */
    public record RegisteredWebhook(UUID id, String hospital, String url, @Nullable String description,
                                    Instant createdAt, String createdBy, String secret) {
    }

    /** An endpoint as listed: never its secret; a removed one says by whom, when and why. */
    public record Webhook(UUID id, String hospital, String url, @Nullable String description, Instant createdAt,
                          String createdBy, @Nullable Instant removedAt, @Nullable String removedBy,
                          @Nullable String removedReason) {

        static Webhook of(WebhookEndpoints.Endpoint endpoint) {
            return new Webhook(endpoint.id(), endpoint.hospital(), endpoint.url(), endpoint.description(),
                    endpoint.createdAt(), endpoint.createdBy(), endpoint.removedAt(), endpoint.removedBy(),
                    endpoint.removedReason());
        }
    }

    /**
     * One attempt to deliver a message.
     *
     * @param outcome    DELIVERED, FAILED or DROPPED
     * @param httpStatus the receiver's HTTP status; null without an answer
     * @param error      what went wrong; null when delivered
     */
    public record DeliveryAttempt(int attempt, Instant attemptedAt, String node, String outcome,
                                  @Nullable Integer httpStatus, @Nullable String error, long durationMillis) {
    }

    /**
     * A message to an endpoint and its attempts.
     *
     * @param nextAttemptAt when it is tried next; null unless PENDING
     * @param finishedAt    when it was delivered, failed for good or dropped; null while PENDING
     * @param resentAt      when an administrator last asked for it to be sent again; null if never
     */
    public record WebhookDelivery(UUID messageId, String eventType, UUID requestId, MessageStatus status,
                                  Instant createdAt, @Nullable Instant nextAttemptAt, @Nullable Instant finishedAt,
                                  @Nullable Instant resentAt, @Nullable String resentBy,
                                  List<DeliveryAttempt> attempts) {

        static WebhookDelivery of(Outbox.Logged message) {
            return new WebhookDelivery(message.id(), message.eventType(), message.requestId(), message.status(),
                    message.createdAt(), message.nextAttemptAt(), message.finishedAt(), message.resentAt(),
                    message.resentBy(), message.attempts().stream().map(a -> new DeliveryAttempt(a.attempt(),
                            a.attemptedAt(), a.node(), a.outcome(), a.httpStatus(), a.error(), a.durationMillis()))
                    .toList());
        }
    }

    /** One page of an endpoint's deliveries, newest first; {@code total} counts them all. */
    public record DeliveryPage(List<WebhookDelivery> items, int page, int size, long total) {
    }

    @Transactional
    public RegisteredWebhook register(String hospital, String url, String description) {
        if (hospitals.find(hospital).isEmpty()) {
            throw new InvalidInputException("hospital", "no partner hospital has the code " + hospital);
        }
        requireAllowedUrl(url);
        String secret = WebhookSignature.newSecret();
        WebhookEndpoints.Endpoint endpoint = endpoints.add(hospital, url, description, secret, CurrentActor.get().id(),
                clock.instant());
        return new RegisteredWebhook(endpoint.id(), endpoint.hospital(), endpoint.url(), endpoint.description(),
                endpoint.createdAt(), endpoint.createdBy(), secret);
    }

    @Transactional(readOnly = true)
    public List<Webhook> list() {
        return endpoints.all().stream().map(Webhook::of).toList();
    }

    /** Removes the endpoint: it stays listed as removed, and what was not sent to it yet is dropped. */
    @Transactional
    public void remove(UUID id, String reason) {
        WebhookEndpoints.Endpoint endpoint = existing(id);
        Instant now = clock.instant();
        if (endpoint.removed() || !endpoints.remove(id, CurrentActor.get().id(), reason, now)) {
            throw new ActionNotAllowedException("The webhook endpoint " + id + " was removed already.");
        }
        outbox.dropPendingOfEndpoint(id, now);
    }

    @Transactional(readOnly = true)
    public DeliveryPage deliveries(UUID id, int page, int size) {
        existing(id);
        return new DeliveryPage(outbox.ofEndpoint(id, page, size).stream().map(WebhookDelivery::of).toList(), page,
                size, outbox.countOfEndpoint(id));
    }

    /** Sends a message to the endpoint again, now, whatever became of it before (not while it is pending). */
    @Transactional
    public WebhookDelivery resend(UUID id, UUID messageId) {
        WebhookEndpoints.Endpoint endpoint = existing(id);
        Outbox.Logged message = outbox.find(messageId).filter(m -> m.channel() == Channel.WEBHOOK
                && id.equals(m.endpointId())).orElseThrow(() ->
                new UnknownEntityException("No delivery " + messageId + " to webhook endpoint " + id + "."));
        if (endpoint.removed()) {
            throw new ActionNotAllowedException("The webhook endpoint " + id + " was removed: nothing is sent to it.");
        }
        if (message.status() == MessageStatus.PENDING) {
            throw new ActionNotAllowedException("The delivery " + messageId + " is pending: it is being sent already.");
        }
        outbox.resend(messageId, CurrentActor.get().id(), clock.instant());
        return WebhookDelivery.of(outbox.find(messageId).orElseThrow());
    }

    private WebhookEndpoints.Endpoint existing(UUID id) {
        return endpoints.find(id).orElseThrow(() -> new UnknownEntityException("No webhook endpoint " + id + "."));
    }

    private void requireAllowedUrl(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new InvalidInputException("url", "must be an absolute https:// URL");
        }
        if (!uri.isAbsolute() || uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw new InvalidInputException("url", "must be an absolute https:// URL without user info or fragment");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if ("https".equals(scheme)) {
            return;
        }
        if ("http".equals(scheme) && properties.webhooks().allowHttpLoopback() && isLoopback(uri.getHost())) {
            return;
        }
        throw new InvalidInputException("url", "must be an https:// URL"
                + (properties.webhooks().allowHttpLoopback() ? " (or http:// to a loopback address)" : ""));
    }

    private static boolean isLoopback(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        return "localhost".equals(name) || "[::1]".equals(name) || IPV4_LOOPBACK.matcher(name).matches();
    }
}
