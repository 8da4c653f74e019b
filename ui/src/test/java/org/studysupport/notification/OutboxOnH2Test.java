package org.studysupport.notification;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox's statements on H2, the embedded default (the API tests run on PostgreSQL): a message
 * is stored once, claimed by one node until its lease passes, one per recipient at a time, and an
 * attempt moves it on.
 */
class OutboxOnH2Test {

    private static final Set<Channel> ALL = EnumSet.allOf(Channel.class);

    private JdbcTemplate jdbc;
    private Outbox outbox;

    @BeforeEach
    void migrate() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:outbox-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        Flyway.configure().dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/h2").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        outbox = new Outbox(jdbc, false);
    }

    @Test
    void aMessageIsStoredOnceClaimedByOneNodeAndMovedOnByItsAttempt() {
        Instant now = Instant.parse("2026-12-01T12:00:00Z");
        OutboxMessage first = message("event-1", "HOSPITAL:OUS");
        assertThat(outbox.add(first, now)).isTrue();
        assertThat(outbox.add(first, now)).isFalse();
        OutboxMessage sameRecipient = message("event-2", "HOSPITAL:OUS");
        OutboxMessage other = message("event-3", "HOSPITAL:AHUS");
        outbox.add(sameRecipient, now.plusMillis(1));
        outbox.add(other, now.plusMillis(2));

        // a node without a mail server leaves the e-mail to the nodes that have one
        assertThat(outbox.claim("node-c", 10, now.plusSeconds(1), Duration.ofMinutes(1), Set.of(Channel.WEBHOOK)))
                .isEmpty();
        List<Outbox.Claimed> claimed = outbox.claim("node-a", 10, now.plusSeconds(1), Duration.ofMinutes(1), ALL);
        assertThat(claimed).extracting(Outbox.Claimed::id).containsExactly(first.id(), other.id());
        assertThat(outbox.claim("node-b", 10, now.plusSeconds(2), Duration.ofMinutes(1), ALL)).isEmpty();

        Outbox.Claimed sent = claimed.get(0);
        outbox.recordAttempt(sent, "node-a", now.plusSeconds(2), new Outbox.Attempt(1, now.plusSeconds(2), "node-a",
                "FAILED", 503, "the receiver answered HTTP 503", 12), MessageStatus.PENDING, now.plusSeconds(30));
        // the recipient is free again: its next message goes before the failed one is due again
        assertThat(outbox.claim("node-b", 10, now.plusSeconds(3), Duration.ofMinutes(1), ALL))
                .extracting(Outbox.Claimed::id).containsExactly(sameRecipient.id());
        // node-a's lease on the other message passes: another node may take it
        assertThat(outbox.claim("node-b", 10, now.plusSeconds(62), Duration.ofMinutes(1), ALL))
                .extracting(Outbox.Claimed::id).contains(other.id());
        assertThat(outbox.find(first.id()).orElseThrow().attempts()).singleElement()
                .satisfies(a -> assertThat(a.httpStatus()).isEqualTo(503));
        assertThat(outbox.releaseClaims("node-b")).isEqualTo(2);
    }

    private static OutboxMessage message(String event, String recipient) {
        return new OutboxMessage(OutboxMessage.idOf(event, Channel.EMAIL, recipient), event, "ServiceAssigned",
                Instant.parse("2026-12-01T11:00:00Z"), UUID.randomUUID(), Channel.EMAIL, recipient, null, "nb",
                "subject", "body", null);
    }
}
