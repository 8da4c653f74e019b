package org.studysupport.notification;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.studysupport.config.StudySupportProperties;
import org.studysupport.privacy.MasterKeys;
import org.studysupport.privacy.PrivacyProperties;
import org.studysupport.privacy.SubjectKeyVault;
import org.studysupport.query.privacy.ContactOpener;

import javax.sql.DataSource;
import java.net.http.HttpClient;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;

/**
 * The notifications: the processor that writes the outbox, the dispatcher that works it off, and
 * their senders (e-mail only when Spring's mail sender is configured, that is {@code spring.mail.host}).
 * See ADR 0025.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationProperties.class)
public class NotificationConfiguration {

    /**
     * The notifications processor starts, at its first start, from the head of the log: an
     * installation that adds it does not notify anyone of its past. Its handlers' failures are
     * retried (the batch and its token roll back), never logged and skipped: a message must not be lost.
     */
    @Bean
    ConfigurerModule notificationsProcessor() {
        return configurer -> configurer.eventProcessing()
                .registerPooledStreamingEventProcessorConfiguration(NotificationEvents.PROCESSING_GROUP,
                        (configuration, builder) -> builder.initialToken(StreamableMessageSource::createHeadToken))
                .registerListenerInvocationErrorHandler(NotificationEvents.PROCESSING_GROUP,
                        configuration -> PropagatingErrorHandler.instance());
    }

    @Bean
    Outbox notificationOutbox(JdbcTemplate jdbc, DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return new Outbox(jdbc, "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName()));
        }
    }

    /** Webhook secrets are encrypted with the same master keyset as the subjects' keys (loaded after it). */
    @Bean
    WebhookEndpoints webhookEndpoints(JdbcTemplate jdbc, PrivacyProperties privacy, StudySupportProperties properties,
                                      SubjectKeyVault subjectKeyVault) {
        return new WebhookEndpoints(jdbc, MasterKeys.load(privacy.masterKeyFile(), properties.dataDir()));
    }

    @Bean
    NotificationEvents notificationEvents(EventStore eventStore, Outbox outbox, WebhookEndpoints endpoints,
                                          NotificationProperties notifications, StudySupportProperties properties,
                                          ObjectProvider<JavaMailSender> mail, ObjectMapper objectMapper, Clock clock) {
        return new NotificationEvents(new RequestFacts(eventStore), outbox, endpoints,
                new EmailTexts(notifications.baseUrl(), properties.timeZone()), notifications,
                () -> mail.getIfAvailable() != null, objectMapper, clock);
    }

    @Bean
    Dispatcher notificationDispatcher(Outbox outbox, WebhookEndpoints endpoints, NotificationProperties notifications,
                                      ObjectProvider<JavaMailSender> mail, ContactOpener contacts,
                                      ObjectMapper objectMapper, PlatformTransactionManager transactionManager,
                                      StudySupportProperties properties, Clock clock) {
        NotificationProperties.Webhooks webhooks = notifications.webhooks();
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(webhooks.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        Map<Channel, Sender> senders = new EnumMap<>(Channel.class);
        senders.put(Channel.WEBHOOK, new WebhookSender(http, endpoints, webhooks.readTimeout(),
                webhooks.allowHttpLoopback(), clock));
        JavaMailSender mailSender = mail.getIfAvailable();
        if (mailSender != null) {
            senders.put(Channel.EMAIL, new EmailSender(mailSender, contacts, notifications, objectMapper));
        }
        return new Dispatcher(outbox, senders, new TransactionTemplate(transactionManager), notifications.delivery(),
                webhooks.connectTimeout().plus(webhooks.readTimeout()), clock, properties.nodeName());
    }
}
