package org.studysupport.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Settings of the notifications (e-mail and webhooks), under {@code study-support.notifications.*}.
 * E-mail is sent only when Spring's {@code spring.mail.host} is set; webhooks only to the endpoints
 * an administrator registered. See docs/operations.md, Notifications.
 *
 * @param baseUrl         where the web interface is reached: the links in messages are
 *                        {@code <base-url>/requests/{id}}
 * @param defaultLanguage the language of messages to investigators who chose none ({@code nb} or {@code en})
 * @param from            the sender address of the e-mail
 * @param coordinators    the coordinators' addresses, each with its language: told of SLA warnings,
 *                        breaches and escalations
 * @param hospitals       per hospital code, the unit's address and language: told of assignments
 *                        that arrive or are reassigned away
 * @param delivery        how the outbox is worked off
 * @param webhooks        how webhooks are sent
 */
@ConfigurationProperties("study-support.notifications")
public record NotificationProperties(
        @DefaultValue("http://localhost:8080") URI baseUrl,
        @DefaultValue("nb") String defaultLanguage,
        @DefaultValue("study-support@localhost") String from,
        List<Recipient> coordinators,
        Map<String, Recipient> hospitals,
        @DefaultValue Delivery delivery,
        @DefaultValue Webhooks webhooks) {

    public NotificationProperties {
        coordinators = coordinators == null ? List.of() : List.copyOf(coordinators);
        hospitals = hospitals == null ? Map.of() : Map.copyOf(hospitals);
        if (!Languages.SUPPORTED.contains(defaultLanguage)) {
            throw new IllegalArgumentException("study-support.notifications.default-language must be one of "
                    + Languages.SUPPORTED + ", not " + defaultLanguage);
        }
    }

    /** An address and the language of the messages sent to it ({@code nb} or {@code en}; default: the site's). */
    public record Recipient(String email, String language) {
    }

    /**
     * @param pollInterval   how often each node looks for due messages
     * @param threads        how many messages one node sends at once (the senders' bounded pool)
     * @param lease          how long a claimed message is this node's; past it, another node may send it
     *                       (longer than a send can take: connect plus read timeout)
     * @param initialBackoff the wait after the first failed attempt, doubled after each further one
     * @param maxBackoff     the longest wait between two attempts
     * @param jitter         the share of each wait drawn at random (0 to 1), so receivers coming back
     *                       are not hit by every sender at once
     * @param giveUpAfter    how long after its first attempt a message is retried; then it is FAILED
     */
    public record Delivery(@DefaultValue("1s") Duration pollInterval,
                           @DefaultValue("4") int threads,
                           @DefaultValue("2m") Duration lease,
                           @DefaultValue("30s") Duration initialBackoff,
                           @DefaultValue("1h") Duration maxBackoff,
                           @DefaultValue("0.2") double jitter,
                           @DefaultValue("24h") Duration giveUpAfter) {
    }

    /**
     * @param connectTimeout    how long a receiver may take to accept the connection
     * @param readTimeout       how long a receiver may take to answer once the request is sent
     * @param allowHttpLoopback whether endpoints may be plain {@code http://} on a loopback address
     *                          (tests, local development); refused in the {@code prod} profile
     */
    public record Webhooks(@DefaultValue("5s") Duration connectTimeout,
                           @DefaultValue("10s") Duration readTimeout,
                           @DefaultValue("false") boolean allowHttpLoopback) {
    }

    /** The language of messages to the given configured recipient. */
    String languageOf(Recipient recipient) {
        return recipient.language() == null || recipient.language().isBlank() ? defaultLanguage : recipient.language();
    }
}
