package org.studysupport.page;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.studysupport.config.StudySupportProperties;
import org.studysupport.support.Browser;
import org.studysupport.support.BrowserTest;
import org.studysupport.support.Workflow;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auditor's pages: finding a request, its whole timeline with each step's actor, the request as
 * it stood at a chosen moment, the check of the log's hash chain, and downloads that work with the
 * pages' session and are recorded on the access trail; other roles get the 403 page.
 */
class AuditPagesBrowserTest extends BrowserTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");

    @Autowired
    StudySupportProperties properties;

    @Test
    void theAuditorFindsARequestAndSeesEveryStepWithItsActorInOrderAndTheRequestAsOfAMoment() {
        String id = livedThrough(unique("Audited study"));
        String reference = read("auditor", id).path("reference").asText();
        List<JsonNode> history = list(ok(as("auditor").get(path(id, "history"))));

        Browser browser = signedIn("auditor");
        browser.go("/audit");
        browser.find(By.id("q")).sendKeys(reference);
        browser.find(By.cssSelector("form[role=search] button[type=submit]")).click();
        WebElement result = browser.waitFor(By.linkText(reference));
        browser.assertAccessible();
        browser.screenshot("audit-index");
        result.click();
        browser.waitFor(By.id("timeline"));
        assertThat(browser.path()).isEqualTo("/audit/requests/" + id);

        List<WebElement> steps = browser.findAll(By.cssSelector("#timeline > li"));
        assertThat(steps).hasSize(history.size());
        assertThat(steps).extracting(step -> step.findElement(By.className("step-actor")).getText())
                .containsExactlyElementsOf(history.stream().map(h -> h.path("actor").path("id").asText()).toList());
        assertThat(steps).extracting(step -> step.getAttribute("data-sequence"))
                .containsExactlyElementsOf(history.stream().map(h -> h.path("sequence").asText()).toList());
        assertThat(history).extracting(h -> h.path("actor").path("id").asText())
                .contains("investigator1", "coordinator", "ous-staff");
        assertThat(steps.get(0).findElement(By.className("step-type")).getText()).isEqualTo("Submitted");
        for (int i = 0; i < history.size(); i++) {
            JsonNode reason = history.get(i).path("reason");
            List<WebElement> shown = steps.get(i).findElements(By.className("step-reason"));
            if (reason.isTextual()) {
                assertThat(shown).singleElement().satisfies(p -> assertThat(p.getText()).endsWith(reason.asText()));
            } else {
                assertThat(shown).isEmpty();
            }
        }
        browser.assertAccessible();

        // a moment after the acceptance and before the first assignment
        int assigned = indexOf(history, "ServiceAssigned");
        Instant before = Instant.parse(history.get(assigned - 1).path("occurredAt").asText());
        Instant after = Instant.parse(history.get(assigned).path("occurredAt").asText());
        assertThat(after.toEpochMilli() - before.toEpochMilli()).as("steps of separate calls are apart").isGreaterThan(1);
        Instant between = Instant.ofEpochMilli((before.toEpochMilli() + after.toEpochMilli()) / 2);
        Instant shownFrom = Instant.now();
        WebElement asOf = browser.find(By.id("asOf"));
        browser.driver().executeScript("arguments[0].value = arguments[1];", asOf,
                INPUT.format(between.atZone(properties.timeZone())));
        browser.find(By.cssSelector("#as-of-form button[type=submit]")).click();
        browser.waitFor(By.id("as-of-view"));
        assertThat(browser.find(By.id("as-of-status")).getText()).isEqualTo("Accepted");
        assertThat(browser.find(By.id("request-status")).getText()).isEqualTo("Completed");
        assertThat(accessRecords("auditor", shownFrom)).anySatisfy(record -> {
            assertThat(record.path("action").asText()).isEqualTo("AS_OF_REQUEST");
            assertThat(record.path("target").asText()).isEqualTo(id);
            assertThat(record.path("detail").asText()).endsWith("asOf=" + between);
        });
        browser.assertAccessible();

        browser.find(By.id("verify-button")).click();
        browser.waitFor(By.id("verify-result"));
        assertThat(browser.find(By.id("verify-result")).getText()).isEqualTo("Verified: the log is unchanged.");
        assertThat(browser.find(By.id("as-of-status")).getText()).as("the chosen moment stays").isEqualTo("Accepted");
        browser.screenshot("audit-request");
        browser.resize(Browser.PHONE);
        browser.assertAccessible();
    }

    @Test
    void aRequestsExportDownloadsWithThePageSessionAndTheReadIsOnTheAccessTrail() throws Exception {
        String id = livedThrough(unique("Exported study"));
        int events = list(ok(as("auditor").get(path(id, "history")))).size();
        Browser browser = signedIn("auditor");
        browser.go("/audit/requests/" + id);
        String link = browser.waitFor(By.id("export-csv")).getAttribute("href");
        Instant downloadedFrom = Instant.now();

        HttpResponse<String> csv = download(browser, link);

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValueSatisfying(disposition ->
                assertThat(disposition).startsWith("attachment").contains("audit-log-" + id + ".csv"));
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).startsWith("position,eventId,requestId,sequence,type");
        assertThat(lines).hasSize(events + 1);
        assertThat(List.of(lines).subList(1, lines.length)).allSatisfy(line -> assertThat(line).contains("," + id + ","));
        assertThat(accessRecords("auditor", downloadedFrom)).anySatisfy(record -> {
            assertThat(record.path("action").asText()).isEqualTo("EXPORT_EVENTS");
            assertThat(record.path("target").asText()).isEqualTo(id);
            assertThat(record.path("outcome").asInt()).isEqualTo(200);
            assertThat(record.path("detail").asText()).startsWith("/audit/export.csv");
        });

        HttpResponse<String> jsonLines = download(browser, browser.find(By.id("export-jsonl")).getAttribute("href"));
        assertThat(jsonLines.statusCode()).isEqualTo(200);
        assertThat(jsonLines.body().lines().toList()).hasSize(events)
                .allSatisfy(line -> assertThat(JSON.readTree(line).path("requestId").asText()).isEqualTo(id));

        browser.go("/audit");
        Instant checkpointFrom = Instant.now();
        HttpResponse<String> checkpoint = download(browser, browser.waitFor(By.id("export-checkpoint")).getAttribute("href"));
        assertThat(checkpoint.statusCode()).isEqualTo(200);
        JsonNode signed = JSON.readTree(checkpoint.body());
        JsonNode verified = ok(as("auditor").get("/api/audit/verify"));
        assertThat(signed.path("position").asLong()).isPositive().isLessThanOrEqualTo(verified.path("headPosition").asLong());
        assertThat(signed.path("signature").asText()).isNotBlank();
        assertThat(accessRecords("auditor", checkpointFrom)).anySatisfy(record -> {
            assertThat(record.path("action").asText()).isEqualTo("CHECKPOINT");
            assertThat(record.path("detail").asText()).isEqualTo("/audit/checkpoint.json");
        });

        HttpResponse<String> anonymous = HTTP.send(HttpRequest.newBuilder(URI.create(link)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.body()).as("without the session: the sign-in form, no events")
                .doesNotContain("position,eventId");
    }

    @Test
    void aCoordinatorOpeningTheAuditPagesGetsThe403PageAndTheRefusalIsRecorded() throws Exception {
        String id = submit(unique("Not for coordinators"), "MONITORING");
        Instant from = Instant.now();
        Browser browser = signedIn("coordinator");

        browser.go("/audit/requests/" + id);
        assertThat(browser.waitFor(By.cssSelector(".notice.error strong")).getText()).isEqualTo("You may not do this.");
        assertThat(browser.findAll(By.id("timeline"))).isEmpty();
        browser.assertAccessible();
        browser.go("/audit");
        assertThat(browser.waitFor(By.cssSelector(".notice.error strong")).getText()).isEqualTo("You may not do this.");
        HttpResponse<String> export = download(browser, "http://localhost:" + port + "/audit/export.csv");
        assertThat(export.statusCode()).isEqualTo(403);
        assertThat(export.body()).doesNotContain("position,eventId");

        List<JsonNode> refused = accessRecords("coordinator", from);
        assertThat(refused).anySatisfy(record -> {
            assertThat(record.path("action").asText()).isEqualTo("HISTORY");
            assertThat(record.path("target").asText()).isEqualTo(id);
            assertThat(record.path("outcome").asInt()).isEqualTo(403);
        });
        assertThat(refused).anySatisfy(record -> {
            assertThat(record.path("action").asText()).isEqualTo("EXPORT_EVENTS");
            assertThat(record.path("outcome").asInt()).isEqualTo(403);
        });
    }

    @Test
    void theWholeLogVerifiesFromTheIndexAndAMomentBeforeTheRequestOrNoMomentAtAllIsSaidSo() {
        String id = submit(unique("Before it existed"), "MONITORING");
        Instant submitted = Instant.parse(read("auditor", id).path("submittedAt").asText());
        Browser browser = browser("nb").signIn("auditor");
        browser.go("/audit");
        browser.find(By.id("verify-button")).click();
        assertThat(browser.waitFor(By.id("verify-result")).getText()).isEqualTo("Kontrollert: loggen er uendret.");
        browser.resize(Browser.PHONE);
        browser.assertAccessible();

        browser.go("/audit/requests/" + id);
        browser.driver().executeScript("arguments[0].value = arguments[1];", browser.find(By.id("asOf")),
                INPUT.format(submitted.minusSeconds(60).atZone(properties.timeZone())));
        browser.find(By.cssSelector("#as-of-form button[type=submit]")).click();
        assertThat(browser.waitFor(By.id("as-of-missing")).getText()).startsWith("Henvendelsen fantes ikke ennå");
        assertThat(browser.findAll(By.id("as-of-view"))).isEmpty();

        // what the date-time field cannot send, a link could: it is refused beside the field
        browser.go("/audit/requests/" + id + "?asOf=yesterday");
        WebElement field = browser.waitFor(By.id("asOf"));
        assertThat(field.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(field.getAttribute("aria-describedby")).contains("asOf-error");
        assertThat(browser.find(By.id("asOf-error")).getText()).startsWith("Oppgi dato og klokkeslett");
        assertThat(browser.findAll(By.id("as-of-view"))).isEmpty();
        browser.assertAccessible();
    }

    /** A request submitted, accepted, assigned, acknowledged, its assignment completed and itself completed. */
    private String livedThrough(String title) {
        Workflow flow = new Workflow(port);
        String id = flow.submit("investigator1", title, "MONITORING").path("id").asText();
        flow.accept(id, "HIGH");
        String assignment = flow.assign(id, "MONITORING", "OUS");
        flow.acknowledge(id, assignment, "OUS");
        flow.completeAssignment(id, assignment, "OUS");
        flow.complete(id);
        return id;
    }

    /** Fetches a page endpoint the way the browser would, with its session cookie. */
    private static HttpResponse<String> download(Browser browser, String url) throws IOException, InterruptedException {
        Cookie session = browser.driver().manage().getCookieNamed("JSESSIONID");
        assertThat(session).as("the page session's cookie").isNotNull();
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", "JSESSIONID=" + session.getValue())
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The access trail's records of the user since the given moment, read through the API as the auditor. */
    private List<JsonNode> accessRecords(String user, Instant from) {
        try {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                            + "/api/audit/access?actor=" + user + "&from=" + from))
                    .header("Authorization", "Basic " + Base64.getEncoder()
                            .encodeToString("auditor:demo".getBytes(StandardCharsets.UTF_8)))
                    .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(answer.statusCode()).isEqualTo(200);
            List<JsonNode> records = new ArrayList<>();
            for (String line : answer.body().lines().toList()) {
                JsonNode record = JSON.readTree(line);
                if (record.path("actor").path("id").asText().equals(user)) {
                    records.add(record);
                }
            }
            return records;
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    private static int indexOf(List<JsonNode> history, String type) {
        for (int i = 0; i < history.size(); i++) {
            if (history.get(i).path("type").asText().equals(type)) {
                return i;
            }
        }
        throw new AssertionError("no " + type + " in " + history);
    }
}
