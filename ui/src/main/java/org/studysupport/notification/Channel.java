package org.studysupport.notification;

/** How a message travels: e-mail over SMTP, or a signed HTTP POST to a hospital's webhook endpoint. */
public enum Channel {
    EMAIL, WEBHOOK
}
