package org.studysupport.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the notification tests share: one real SMTP server (GreenMail) for the test JVM, and the
 * settings that point the application at it with fast retries: the coordinators (one English, one
 * bokmål address), two hospital units (OUS in bokmål, AHUS in English), webhooks to loopback http,
 * and a BIOBANK delivery clock of a few seconds so SLA warnings and breaches come during a test.
 */
final class NotificationSettings {

    static final String BASE_URL = "https://studysupport.example.org";
    static final String COORDINATORS_EN = "coordinators@example.org";
    static final String COORDINATORS_NB = "koordinatorer@example.org";
    static final String OUS_UNIT = "ous-unit@example.org";
    static final String AHUS_UNIT = "ahus-unit@example.org";

    private static GreenMail smtp;

    private NotificationSettings() {
    }

    static synchronized GreenMail smtp() {
        if (smtp == null) {
            smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
            smtp.start();
            Runtime.getRuntime().addShutdownHook(new Thread(smtp::stop, "greenmail-stopper"));
        }
        return smtp;
    }

    /** The settings, as property name to value. */
    static Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("spring.mail.host", "127.0.0.1");
        settings.put("spring.mail.port", Integer.toString(smtp().getSmtp().getPort()));
        settings.put("study-support.notifications.base-url", BASE_URL);
        settings.put("study-support.notifications.default-language", "nb");
        settings.put("study-support.notifications.from", "study-support@example.org");
        settings.put("study-support.notifications.coordinators[0].email", COORDINATORS_EN);
        settings.put("study-support.notifications.coordinators[0].language", "en");
        settings.put("study-support.notifications.coordinators[1].email", COORDINATORS_NB);
        settings.put("study-support.notifications.coordinators[1].language", "nb");
        settings.put("study-support.notifications.hospitals.OUS.email", OUS_UNIT);
        settings.put("study-support.notifications.hospitals.OUS.language", "nb");
        settings.put("study-support.notifications.hospitals.AHUS.email", AHUS_UNIT);
        settings.put("study-support.notifications.hospitals.AHUS.language", "en");
        settings.put("study-support.notifications.delivery.poll-interval", "100ms");
        settings.put("study-support.notifications.delivery.initial-backoff", "200ms");
        settings.put("study-support.notifications.delivery.max-backoff", "1s");
        settings.put("study-support.notifications.delivery.jitter", "0");
        settings.put("study-support.notifications.delivery.lease", "10s");
        settings.put("study-support.notifications.webhooks.allow-http-loopback", "true");
        settings.put("study-support.notifications.webhooks.connect-timeout", "1s");
        settings.put("study-support.notifications.webhooks.read-timeout", "8s");
        settings.put("study-support.sla.delivery.by-service.BIOBANK.duration", "4s");
        return settings;
    }

    /** The settings as {@code name=value} arguments. */
    static String[] arguments(String... more) {
        List<String> arguments = new java.util.ArrayList<>(settings().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).toList());
        arguments.addAll(Arrays.asList(more));
        return arguments.toArray(String[]::new);
    }

    /** The e-mail received for an address whose subject names the reference. */
    static List<MimeMessage> mailTo(String address, String reference) {
        return Arrays.stream(smtp().getReceivedMessages()).filter(message -> {
            try {
                return Arrays.stream(message.getAllRecipients()).anyMatch(r -> r.toString().equals(address))
                        && message.getSubject().contains(reference);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
