package org.studysupport.page;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.studysupport.support.Browser;
import org.studysupport.support.BrowserTest;
import org.studysupport.support.Workflow;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The hospitals' queues: hospital staff see their own queue live and are refused another
 * hospital's, as the API answers them; coordinators list the hospitals and open any queue.
 */
class HospitalQueueBrowserTest extends BrowserTest {

    /** The queue page's size (HospitalQueuePages.PAGE_SIZE). */
    private static final int PAGE_SIZE = 25;

    @Test
    void ousStaffSeeANewOusAssignmentArriveInTheirOpenQueueWithoutAReload() {
        String id = accepted(unique("Routed to OUS"), "BIOBANK", "MONITORING");
        Browser staff = signedIn("ous-staff");
        staff.go("/hospitals/OUS?page=" + pageOfTheNextAssignment("OUS"));
        staff.waitFor(By.id("board-table"));
        await().atMost(Duration.ofSeconds(15)).until(() -> "true".equals(
                staff.find(By.id("live-status")).getAttribute("data-connected")));
        staff.driver().executeScript("window.queueMarker = 'same page';");

        assign(id, "BIOBANK", "OUS");

        WebElement row = staff.waitFor(By.cssSelector("tr[data-request-id='" + id + "']"));
        assertThat(staff.driver().executeScript("return window.queueMarker")).isEqualTo("same page");
        assertThat(row.getText()).contains(read("coordinator", id).path("reference").asText(), "Biobank",
                "Pending", "Normal", "On time");
        assertThat(row.findElement(By.cssSelector("a")).getAttribute("href")).endsWith("/requests/" + id);
        assertThat(staff.find(By.tagName("h1")).getText()).contains("Oslo");

        staff.assertAccessible();
        staff.screenshot("queues-hospital");
        staff.resize(Browser.PHONE);
        staff.assertAccessible();
    }

    @Test
    void theQueueIsInBokmalForABrowserThatAsksForIt() {
        Browser staff = browser("nb").signIn("ous-staff");
        staff.go("/hospitals/OUS");
        assertThat(staff.find(By.tagName("h1")).getText()).isEqualTo("Køen til Oslo University Hospital");
        await().atMost(Duration.ofSeconds(15)).until(() -> staff.find(By.id("live-status")).getText()
                .equals("Direkte: listen oppdateres av seg selv."));
        staff.assertAccessible();
    }

    @Test
    void hospitalStaffAreRefusedAnotherHospitalsQueueAsTheApiRefusesIt() {
        int apiStatus = as("ous-staff").get("/api/queues/hospitals/HUS").status();
        assertThat(apiStatus).isEqualTo(403);

        Browser staff = signedIn("ous-staff");
        staff.go("/hospitals/HUS");
        String alert = staff.find(By.cssSelector("[role=alert]")).getText();
        assertThat(alert).contains("You may not do this.", "Hospital staff see only their own hospital's queue.");
        assertThat(staff.findAll(By.id("board-table"))).isEmpty();
        staff.go("/hospitals/HUS/table");
        assertThat(staff.find(By.cssSelector("[role=alert]")).getText()).contains("You may not do this.");

        staff.go("/hospitals/NOWHERE");
        assertThat(staff.find(By.cssSelector("[role=alert]")).getText()).contains("No hospital NOWHERE.");

        staff.go("/hospitals");
        assertThat(staff.path()).as("their list is their own queue").isEqualTo("/hospitals/OUS");
    }

    @Test
    void coordinatorsListTheHospitalsWithTheirQueuesAndOpenAny() {
        assign(accepted(unique("Routed to HUS"), "HEALTH_ECONOMICS"), "HEALTH_ECONOMICS", "HUS");
        Browser coordinator = signedIn("coordinator");
        coordinator.go("/hospitals");
        List<WebElement> links = coordinator.findAll(By.cssSelector(".hospital-list a"));
        List<String> hrefs = links.stream().map(link -> link.getAttribute("href")).toList();
        assertThat(hrefs).anyMatch(href -> href.endsWith("/hospitals/OUS"))
                .anyMatch(href -> href.endsWith("/hospitals/HUS"));
        long husOpen = ok(as("coordinator").get("/api/queues/hospitals/HUS?size=1")).path("total").asLong();
        WebElement hus = coordinator.find(By.cssSelector(".hospital-list a[href$='/hospitals/HUS']"))
                .findElement(By.xpath("ancestor::li"));
        assertThat(hus.getText()).contains(openAssignments(husOpen));
        coordinator.assertAccessible();

        coordinator.find(By.cssSelector(".hospital-list a[href$='/hospitals/HUS']")).click();
        coordinator.waitFor(By.id("board-table"));
        assertThat(coordinator.path()).isEqualTo("/hospitals/HUS");
        coordinator.assertAccessible();

        Browser auditor = signedIn("auditor");
        auditor.go("/hospitals/OUS");
        assertThat(auditor.find(By.cssSelector("[role=alert]")).getText())
                .contains("Only COORDINATOR or HOSPITAL may see a hospital's queue.");
    }

    /**
     * The page an assignment made now will land on: the queue is ordered by due time, and every open
     * assignment is due before one made now, except those other tests placed in years to come.
     */
    private int pageOfTheNextAssignment(String hospital) {
        Instant farAhead = Instant.now().plus(Duration.ofDays(180));
        long before = Workflow.allItems(as("coordinator"), "/api/queues/hospitals/" + hospital).stream()
                .filter(item -> orderedBy(item).isBefore(farAhead))
                .count();
        return (int) (before / PAGE_SIZE);
    }

    private static Instant orderedBy(JsonNode item) {
        JsonNode due = item.path("slaDueAt");
        return Instant.parse(due.isNull() || due.isMissingNode() ? item.path("createdAt").asText() : due.asText());
    }

    /** How the pages count open assignments (the English words). */
    private static String openAssignments(long open) {
        return open == 0 ? "No open assignments" : open == 1 ? "1 open assignment" : open + " open assignments";
    }
}
