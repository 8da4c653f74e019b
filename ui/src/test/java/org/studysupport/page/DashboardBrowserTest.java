package org.studysupport.page;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.studysupport.config.StudySupportProperties;
import org.studysupport.support.Browser;
import org.studysupport.support.BrowserTest;
import org.studysupport.support.EventClock;
import org.studysupport.support.Workflow;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The start page per role: the dashboard's charts for coordinators, auditors and admins, with the
 * same figures as the statistics API for the same period; an investigator's latest requests; hospital
 * staff's queue.
 */
class DashboardBrowserTest extends BrowserTest {

    @Autowired
    StudySupportProperties properties;

    /** The April 2032 requests left waiting for a coordinator, each with its investigator. */
    private final Map<String, String> waiting = new LinkedHashMap<>();

    /**
     * Back to real time, the April 2032 requests withdrawn later that month first: a request whose
     * events lie in the future would stand in today's triage queue but not in the queue as of today,
     * which other tests on the shared database compare.
     */
    @AfterEach
    void realTime() {
        EventClock.at("2032-04-30T12:00:00Z");
        try {
            Workflow flow = new Workflow(port);
            waiting.forEach((id, investigator) -> flow.withdraw(investigator, id));
            waiting.clear();
        } finally {
            EventClock.reset();
        }
    }

    /**
     * Four requests submitted on 5 and 6 April 2032, triaged after 30 minutes, 2 hours and 26 hours
     * (one left waiting), one service assigned to OUS and acknowledged: a period no other test uses.
     */
    private void april2032() {
        Workflow flow = new Workflow(port);
        EventClock.at("2032-04-05T06:00:00Z");
        String a = flow.submit("investigator1", unique("Dashboard A"), "MONITORING", "BIOSTATISTICS").path("id").asText();
        EventClock.at("2032-04-05T06:30:00Z");
        flow.accept(a, "NORMAL");
        EventClock.at("2032-04-05T07:00:00Z");
        String b = flow.submit("investigator1", unique("Dashboard B"), "MONITORING").path("id").asText();
        EventClock.at("2032-04-05T07:10:00Z");
        String assignment = flow.assign(a, "MONITORING", "OUS");
        EventClock.at("2032-04-05T08:00:00Z");
        String c = flow.submit("investigator2", unique("Dashboard C"), "REGULATORY").path("id").asText();
        EventClock.at("2032-04-05T09:00:00Z");
        flow.accept(b, "HIGH");
        flow.acknowledge(a, assignment, "OUS");
        EventClock.at("2032-04-06T10:00:00Z");
        flow.reject(c);
        String d = flow.submit("investigator2", unique("Dashboard D"), "GCP_TRAINING").path("id").asText();
        EventClock.reset();
        waiting.put(a, "investigator1");
        waiting.put(b, "investigator1");
        waiting.put(d, "investigator2");
    }

    @Test
    void theDashboardShowsTheStatisticsOfThePeriodInChartsAndTables() {
        april2032();
        Browser coordinator = signedIn("coordinator");
        coordinator.go("/?from=2032-04-05&to=2032-04-06");
        await().atMost(Duration.ofSeconds(15)).until(() -> coordinator.findAll(By.cssSelector("canvas[data-chart]"))
                .stream().allMatch(canvas -> "true".equals(canvas.getAttribute("data-drawn"))));
        assertThat(coordinator.findAll(By.cssSelector("canvas[data-drawn=true]"))).hasSize(4);

        LocalDate from = LocalDate.parse("2032-04-05");
        LocalDate to = LocalDate.parse("2032-04-06");
        JsonNode stats = ok(as("coordinator").get("/api/stats?from="
                + from.atStartOfDay(properties.timeZone()).toInstant()
                + "&to=" + to.plusDays(1).atStartOfDay(properties.timeZone()).toInstant()));
        assertThat(stats.path("requests").asLong()).isEqualTo(4);
        assertThat(coordinator.find(By.id("requests-total")).getText()).isEqualTo("4");

        assertThat(column(coordinator, "byStatus", 0)).isEqualTo(values(stats.path("byStatus")));
        assertThat(column(coordinator, "byService", 0)).isEqualTo(values(stats.path("byService")));

        Map<String, List<Long>> sla = new LinkedHashMap<>();
        for (JsonNode record : stats.path("sla")) {
            String hospital = record.path("hospital").isNull() ? "Triage (coordinators)" : record.path("hospital").asText();
            List<Long> sums = sla.computeIfAbsent(hospital, h -> new ArrayList<>(List.of(0L, 0L)));
            sums.set(0, sums.get(0) + record.path("met").asLong());
            sums.set(1, sums.get(1) + record.path("breached").asLong());
        }
        assertThat(rows(coordinator, "sla")).isEqualTo(sla);
        assertThat(sla).containsEntry("Triage (coordinators)", List.of(3L, 0L)).containsEntry("OUS", List.of(1L, 0L));

        List<Long> bands = column(coordinator, "triageTimes", 0);
        assertThat(bands).as("under 1 h, 1-4 h, 4-24 h, 1-3 days, 3 days or more").containsExactly(1L, 1L, 0L, 1L, 0L);
        assertThat(bands.stream().mapToLong(Long::longValue).sum())
                .isEqualTo(stats.path("timeToTriage").path("count").asLong());

        coordinator.assertAccessible();
        coordinator.driver().executeScript("document.querySelector('.dashboard-facts').scrollIntoView()");
        coordinator.screenshot("queues-dashboard");
        coordinator.resize(Browser.PHONE);
        coordinator.assertAccessible();
    }

    @Test
    void theDashboardIsInBokmalForABrowserThatAsksForIt() {
        Browser admin = browser("nb").signIn("admin");
        await().atMost(Duration.ofSeconds(15)).until(() -> admin.findAll(By.cssSelector("canvas[data-chart]"))
                .stream().allMatch(canvas -> "true".equals(canvas.getAttribute("data-drawn"))));
        assertThat(admin.findAll(By.cssSelector(".chart h3")).stream().map(WebElement::getText))
                .containsExactly("Forespørsler per status", "Forespørsler per tjeneste",
                        "Tjenestenivå nådd og brutt per sykehus", "Tid til triage");
        assertThat(rows(admin, "triageTimes").keySet())
                .containsExactly("Under 1 time", "1 til 4 timer", "4 til 24 timer", "1 til 3 døgn", "3 døgn eller mer");
        admin.assertAccessible();
    }

    @Test
    void aPeriodThatEndsBeforeItStartsIsShownBesideTheField() {
        Browser auditor = signedIn("auditor");
        auditor.go("/?from=2032-04-07&to=2032-04-01");
        WebElement to = auditor.find(By.id("to"));
        assertThat(to.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(auditor.find(By.id(to.getAttribute("aria-describedby"))).getText())
                .isEqualTo("The end must not be before the start.");
        assertThat(auditor.findAll(By.cssSelector("canvas"))).isEmpty();
        auditor.assertAccessible();

        auditor.find(By.id("to")).clear();
        auditor.find(By.cssSelector("form.period button[type=submit]")).click();
        auditor.waitFor(By.cssSelector("canvas[data-drawn=true]"));
        assertThat(auditor.path()).startsWith("/?from=2032-04-07");
    }

    @Test
    void investigatorsSeeTheirLatestRequestsAndHospitalStaffTheirQueue() {
        String title = unique("Latest <i>one</i>");
        String id = submitAs("investigator2", title, "BIOBANK");
        Browser investigator = browser().signIn("investigator2");
        WebElement latest = investigator.find(By.cssSelector("table.latest-requests tbody tr"));
        assertThat(latest.getText()).contains(read("coordinator", id).path("reference").asText(), title, "Submitted");
        assertThat(latest.findElements(By.tagName("i"))).isEmpty();
        assertThat(investigator.find(By.cssSelector("a.button.primary")).getAttribute("href")).endsWith("/requests/new");
        assertThat(investigator.findAll(By.cssSelector("canvas"))).as("no dashboard for investigators").isEmpty();
        investigator.assertAccessible();

        assign(accepted(unique("Routed to OUS"), "BIOBANK"), "BIOBANK", "OUS");
        long open = ok(as("ous-staff").get("/api/queues/hospitals/OUS?size=1")).path("total").asLong();
        Browser staff = browser().signIn("ous-staff");
        assertThat(staff.find(By.cssSelector(".queue-count")).getText())
                .isEqualTo(openAssignments(open));
        assertThat(staff.find(By.cssSelector("a.button.primary")).getAttribute("href")).endsWith("/hospitals/OUS");
        staff.assertAccessible();
    }

    /** The figures of one series of a chart's table, in its order. */
    private static List<Long> column(Browser browser, String chart, int series) {
        return rows(browser, chart).values().stream().map(figures -> figures.get(series)).toList();
    }

    /** A chart's table: each row's label and its figures. */
    private static Map<String, List<Long>> rows(Browser browser, String chart) {
        Map<String, List<Long>> rows = new LinkedHashMap<>();
        for (WebElement row : browser.findAll(By.cssSelector("table.chart-figures[data-chart='" + chart + "'] tbody tr"))) {
            String label = row.findElement(By.tagName("th")).getAttribute("textContent").trim();
            rows.put(label, row.findElements(By.tagName("td")).stream()
                    .map(cell -> Long.parseLong(cell.getAttribute("textContent").trim())).toList());
        }
        return rows;
    }

    private static List<Long> values(JsonNode counts) {
        List<Long> values = new ArrayList<>();
        for (Iterator<JsonNode> it = counts.elements(); it.hasNext(); ) {
            values.add(it.next().asLong());
        }
        return values;
    }

    /** How the pages count open assignments (the English words). */
    private static String openAssignments(long open) {
        return open == 0 ? "No open assignments" : open == 1 ? "1 open assignment" : open + " open assignments";
    }
}
