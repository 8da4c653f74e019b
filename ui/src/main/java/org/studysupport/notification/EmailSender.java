package org.studysupport.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.studysupport.api.privacy.SealedContact;
import org.studysupport.api.request.ContactDetails;
import org.studysupport.query.privacy.ContactOpener;

import java.util.Optional;

/**
 * Sends e-mail over SMTP (Spring's {@link JavaMailSender}; its time-outs are {@code spring.mail.properties.*}).
 * The investigator's address is opened from the request's sealed contact only now, when sending:
 * once they were erased, there is no address and the message is dropped. Hospital units' and the
 * coordinators' addresses are the configured ones.
 */
class EmailSender implements Sender {

    private static final String INVESTIGATOR = "INVESTIGATOR:";
    private static final String HOSPITAL = "HOSPITAL:";
    private static final String COORDINATORS = "COORDINATORS:";

    private final JavaMailSender mail;
    private final ContactOpener contacts;
    private final NotificationProperties properties;
    private final ObjectMapper objectMapper;

    EmailSender(JavaMailSender mail, ContactOpener contacts, NotificationProperties properties,
                ObjectMapper objectMapper) {
        this.mail = mail;
        this.contacts = contacts;
        this.properties = properties;
        this.objectMapper = objectMapper;
    }

    @Override
    public Delivery send(Outbox.Claimed message) {
        Optional<String> address = address(message);
        if (address.isEmpty()) {
            return Delivery.dropped(message.recipient().startsWith(INVESTIGATOR)
                    ? "the investigator's contact data was erased" : "no address is configured for " + message.recipient());
        }
        SimpleMailMessage email = new SimpleMailMessage();
        email.setFrom(properties.from());
        email.setTo(address.get());
        email.setSubject(message.subject());
        email.setText(message.body());
        try {
            mail.send(email);
            return Delivery.delivered(null);
        } catch (MailException e) {
            // an SMTP error may quote the address: keep the investigator's out of the delivery log
            String error = String.valueOf(e.getMessage());
            if (message.recipient().startsWith(INVESTIGATOR)) {
                error = error.replace(address.get(), "<investigator>");
            }
            return Delivery.failed(null, e.getClass().getSimpleName() + ": " + error);
        }
    }

    private Optional<String> address(Outbox.Claimed message) {
        String recipient = message.recipient();
        if (recipient.startsWith(INVESTIGATOR)) {
            return contacts.open(message.requestId(), sealed(message.sealedContact())).map(ContactDetails::email);
        }
        if (recipient.startsWith(HOSPITAL)) {
            NotificationProperties.Recipient unit = properties.hospitals().get(recipient.substring(HOSPITAL.length()));
            return Optional.ofNullable(unit == null ? null : unit.email()).filter(email -> !email.isBlank());
        }
        if (recipient.startsWith(COORDINATORS)) {
            String email = recipient.substring(COORDINATORS.length());
            return properties.coordinators().stream().map(NotificationProperties.Recipient::email)
                    .filter(email::equals).findFirst();
        }
        return Optional.empty();
    }

    private SealedContact sealed(String json) {
        try {
            return objectMapper.readValue(json, SealedContact.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored sealed contact does not read", e);
        }
    }
}
