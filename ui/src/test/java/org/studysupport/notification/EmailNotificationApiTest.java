package org.studysupport.notification;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.studysupport.support.Api;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.studysupport.notification.NotificationSettings.mailTo;

/**
 * E-mail through a real SMTP server (GreenMail): the right people get the right message in their
 * language, with the link to the request and nothing personal of anyone else; after an erasure
 * nothing reaches the investigator.
 */
class EmailNotificationApiTest extends NotificationApiTest {

    private static final Duration DELIVERY = Duration.ofSeconds(20);

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void investigatorIsToldOfAQuestionAndOfTheDecisionsInTheLanguageTheyChose() throws Exception {
        String english = address();
        JsonNode inEnglish = workflow().submit("investigator1", submission("Colchicine after MI", english, "en",
                "METHODOLOGY"));
        String question = "Which sites take part? " + UUID.randomUUID();
        workflow().ask("coordinator", inEnglish.path("id").asText(), question);

        String norwegian = address();
        JsonNode inNorwegian = workflow().submit("investigator1", submission("Asthma tapering", norwegian, null,
                "METHODOLOGY"));
        workflow().accept(inNorwegian.path("id").asText(), "NORMAL");
        String rejected = address();
        JsonNode toReject = workflow().submit("investigator1", submission("Registry", rejected, "en", "METHODOLOGY"));
        workflow().reject(toReject.path("id").asText());

        String reference = inEnglish.path("reference").asText();
        MimeMessage asked = awaitOne(english, reference);
        assertThat(asked.getSubject()).isEqualTo("[" + reference + "] A question about your request");
        String body = text(asked);
        assertThat(body).contains("asked a question about your request " + reference)
                .contains(NotificationSettings.BASE_URL + "/requests/" + inEnglish.path("id").asText())
                .doesNotContain(question).doesNotContain("Kari Nordmann");

        String norwegianReference = inNorwegian.path("reference").asText();
        MimeMessage accepted = awaitOne(norwegian, norwegianReference);
        // no language chosen: the site's default, bokmål
        assertThat(accepted.getSubject()).isEqualTo("[" + norwegianReference + "] Forespørselen din er godtatt");
        assertThat(text(accepted)).contains("Forespørselen din " + norwegianReference + " er godtatt")
                .contains(NotificationSettings.BASE_URL + "/requests/" + inNorwegian.path("id").asText());

        MimeMessage rejection = awaitOne(rejected, toReject.path("reference").asText());
        assertThat(rejection.getSubject()).endsWith("Your request was rejected");
        assertThat(text(rejection)).doesNotContain("Outside the network's remit");
        assertThat(rejection.getFrom()[0].toString()).isEqualTo("study-support@example.org");
    }

    @Test
    void investigatorIsToldWhenTheRequestIsCompleted() throws Exception {
        String address = address();
        JsonNode request = workflow().submit("investigator1", submission("Completed study", address, "en", "MONITORING"));
        String id = request.path("id").asText();
        workflow().accept(id, "NORMAL");
        String assignment = workflow().assign(id, "MONITORING", "OUS");
        workflow().acknowledge(id, assignment, "OUS");
        workflow().completeAssignment(id, assignment, "OUS");
        workflow().complete(id);

        String reference = request.path("reference").asText();
        await().atMost(DELIVERY).until(() -> mailTo(address, reference).size() == 2);
        assertThat(mailTo(address, reference)).extracting(MimeMessage::getSubject).containsExactlyInAnyOrder(
                "[" + reference + "] Your request was accepted", "[" + reference + "] Your request is completed");
    }

    @Test
    void hospitalUnitsAreToldOfAssignmentsArrivingAndMovedAwayInTheirLanguage() throws Exception {
        JsonNode request = workflow().submit("investigator1", submission("Reassigned", address(), null, "METHODOLOGY"));
        String id = request.path("id").asText();
        String reference = request.path("reference").asText();
        workflow().accept(id, "NORMAL");
        String atOus = workflow().assign(id, "METHODOLOGY", "OUS");
        workflow().reassign(id, atOus, "AHUS");

        await().atMost(DELIVERY).until(() -> mailTo(NotificationSettings.OUS_UNIT, reference).size() == 2
                && mailTo(NotificationSettings.AHUS_UNIT, reference).size() == 1);
        assertThat(mailTo(NotificationSettings.OUS_UNIT, reference)).extracting(MimeMessage::getSubject)
                .containsExactlyInAnyOrder("[" + reference + "] Nytt oppdrag: METHODOLOGY",
                        "[" + reference + "] Oppdrag flyttet: METHODOLOGY");
        MimeMessage arrived = mailTo(NotificationSettings.AHUS_UNIT, reference).get(0);
        assertThat(arrived.getSubject()).isEqualTo("[" + reference + "] New assignment: METHODOLOGY");
        assertThat(text(arrived)).contains("assigned to AHUS for the service METHODOLOGY")
                .contains(NotificationSettings.BASE_URL + "/requests/" + id)
                .doesNotContain("Kari Nordmann").doesNotContain("Closer to the sites");
        // the investigator hears of the acceptance only, never of the hospitals' work
        assertThat(mailTo(NotificationSettings.COORDINATORS_EN, reference)).isEmpty();
    }

    @Test
    void coordinatorsAreToldOfAnSlaWarningBreachAndEscalationEachInTheirLanguage() throws Exception {
        JsonNode request = workflow().submit("investigator1", submission("Biobank", address(), null, "BIOBANK"));
        String id = request.path("id").asText();
        String reference = request.path("reference").asText();
        workflow().accept(id, "NORMAL");
        String assignment = workflow().assign(id, "BIOBANK", "OUS");
        // the delivery clock of BIOBANK runs a few seconds here: warning, breach and escalation follow
        workflow().acknowledge(id, assignment, "OUS");

        await().atMost(Duration.ofSeconds(30)).until(() -> mailTo(NotificationSettings.COORDINATORS_EN, reference).size() == 3
                && mailTo(NotificationSettings.COORDINATORS_NB, reference).size() == 3);
        assertThat(mailTo(NotificationSettings.COORDINATORS_EN, reference)).extracting(MimeMessage::getSubject)
                .containsExactlyInAnyOrder("[" + reference + "] SLA warning: DELIVERY",
                        "[" + reference + "] SLA breached: DELIVERY", "[" + reference + "] Escalated: DELIVERY");
        assertThat(mailTo(NotificationSettings.COORDINATORS_NB, reference)).extracting(MimeMessage::getSubject)
                .containsExactlyInAnyOrder("[" + reference + "] SLA-varsel: DELIVERY",
                        "[" + reference + "] SLA-brudd: DELIVERY", "[" + reference + "] Eskalert: DELIVERY");
    }

    @Test
    void nothingReachesAnInvestigatorAfterTheirErasureAndTheirAddressIsNeverStored() throws Exception {
        String address = address();
        JsonNode request = workflow().submit("investigator2", submission("Erased", address, "en", "METHODOLOGY"));
        String id = request.path("id").asText();
        Api.Answer erased = as("admin").post("/api/admin/subjects/investigator2/erase",
                Map.of("reason", "GDPR art. 17 request " + UUID.randomUUID()));
        assertThat(erased.status()).isEqualTo(200);
        workflow().ask("coordinator", id, "Which sites?");

        await().atMost(DELIVERY).until(() -> "DROPPED".equals(statusOf(id, "ClarificationRequested")));
        assertThat(mailTo(address, request.path("reference").asText())).isEmpty();
        assertThat(jdbc.queryForObject("select error from notification_attempt a join notification_message m"
                + " on m.id = a.message_id where m.request_id = ?", String.class, UUID.fromString(id)))
                .isEqualTo("the investigator's contact data was erased");
        assertThat(jdbc.queryForObject("select count(*) from notification_message where recipient like ? or body like ?"
                + " or sealed_contact like ?", Long.class, "%" + address + "%", "%" + address + "%", "%" + address + "%"))
                .isZero();
    }

    @Test
    void aSubmissionInAnUnknownLanguageIsRefusedAndStoresNothing() {
        String title = "Unknown language " + UUID.randomUUID();
        Api.Answer refused = as("investigator1").post("/api/requests", submission(title, address(), "de", "METHODOLOGY"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("errors").toString()).contains("language");
        assertThat(as("coordinator").get("/api/requests?q=" + title.substring(title.length() - 8)).body()
                .path("total").asLong()).isZero();
    }

    private String statusOf(String requestId, String eventType) {
        List<String> statuses = jdbc.queryForList("select status from notification_message where request_id = ?"
                + " and event_type = ?", String.class, UUID.fromString(requestId), eventType);
        return statuses.isEmpty() ? null : statuses.get(0);
    }

    private static MimeMessage awaitOne(String address, String reference) {
        await().atMost(DELIVERY).until(() -> mailTo(address, reference).size() == 1);
        return mailTo(address, reference).get(0);
    }

    private static String text(MimeMessage message) throws Exception {
        return message.getContent().toString().replace("\r\n", "\n");
    }

    private static String address() {
        return "investigator-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    static Map<String, Object> submission(String title, String email, String language, String... services) {
        Map<String, Object> body = new LinkedHashMap<>(Api.submission(title + " " + UUID.randomUUID(), services));
        body.put("contact", Map.of("name", "Kari Nordmann", "email", email));
        if (language != null) {
            body.put("language", language);
        }
        return body;
    }
}
