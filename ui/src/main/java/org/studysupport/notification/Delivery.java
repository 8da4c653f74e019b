package org.studysupport.notification;

/**
 * How one attempt to deliver a message ended.
 *
 * @param outcome    DELIVERED, FAILED (to be tried again) or DROPPED (must not be sent)
 * @param httpStatus the receiver's HTTP status (webhooks); null otherwise or without an answer
 * @param error      what went wrong: the SMTP error, the HTTP status or the I/O failure; null when delivered
 */
record Delivery(MessageStatus outcome, Integer httpStatus, String error) {

    static Delivery delivered(Integer httpStatus) {
        return new Delivery(MessageStatus.DELIVERED, httpStatus, null);
    }

    static Delivery failed(Integer httpStatus, String error) {
        return new Delivery(MessageStatus.FAILED, httpStatus, error);
    }

    static Delivery dropped(String why) {
        return new Delivery(MessageStatus.DROPPED, null, why);
    }
}
