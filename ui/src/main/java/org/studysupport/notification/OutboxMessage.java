package org.studysupport.notification;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * A message as the notifications processor writes it to the outbox: to one recipient over one
 * channel, about one event. Its id is derived from the event's id, the channel and the recipient
 * alone, so handling the same event again yields the same id, which the outbox stores once.
 *
 * @param recipient     {@code INVESTIGATOR:<user id>}, {@code HOSPITAL:<code>} or
 *                      {@code COORDINATORS:<address>} for e-mail; the endpoint's id for a webhook
 * @param endpointId    the webhook endpoint; null for e-mail
 * @param language      the language the text is written in; null for a webhook
 * @param subject       the e-mail's subject; null for a webhook
 * @param body          the e-mail's text, or the webhook's JSON body
 * @param sealedContact the investigator's sealed contact (JSON, ciphertext only), opened when
 *                      sending, so that an erasure in between leaves nothing to send to; null otherwise
 */
public record OutboxMessage(UUID id, String eventId, String eventType, Instant occurredAt, UUID requestId,
                            Channel channel, String recipient, UUID endpointId, String language, String subject,
                            String body, String sealedContact) {

    /** The stable id of the message about the given event to the given recipient over the given channel. */
    public static UUID idOf(String eventId, Channel channel, String recipient) {
        return UUID.nameUUIDFromBytes(("study-support/notification/v1|" + eventId + "|" + channel + "|" + recipient)
                .getBytes(StandardCharsets.UTF_8));
    }
}
