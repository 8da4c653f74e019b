package org.studysupport.page;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.studysupport.support.Browser;
import org.studysupport.support.BrowserTest;
import org.studysupport.support.EventClock;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.studysupport.page.TriageBoardPages.awaitConnected;
import static org.studysupport.page.TriageBoardPages.pageOf;
import static org.studysupport.page.TriageBoardPages.pageOfTheNextSubmission;
import static org.awaitility.Awaitility.await;

/**
 * The coordinators' triage board: live through server-sent events on the pages' own stream, with
 * breached and escalated requests standing out in words as well as colour, and closed to roles the
 * triage queue is not for.
 */
class TriageBoardBrowserTest extends BrowserTest {

    @AfterEach
    void realTime() {
        EventClock.reset();
    }

    @Test
    void aRequestSubmittedMeanwhileAppearsOnTheOpenBoardWithoutAReload() {
        Browser coordinator = signedIn("coordinator");
        coordinator.go("/triage?page=" + pageOfTheNextSubmission(as("coordinator")));
        coordinator.waitFor(By.id("board-table"));
        awaitConnected(coordinator);
        coordinator.driver().executeScript("window.boardMarker = 'still the same page';");

        String title = unique("Arrives live <b>bold</b>");
        String id = submit(title, "BIOSTATISTICS", "MONITORING");

        WebElement row = coordinator.waitFor(By.cssSelector("tr[data-request-id='" + id + "']"));
        assertThat(coordinator.driver().executeScript("return window.boardMarker"))
                .as("the row came without a navigation").isEqualTo("still the same page");
        String reference = read("coordinator", id).path("reference").asText();
        assertThat(row.findElement(By.cssSelector("a")).getText()).isEqualTo(reference);
        assertThat(row.findElement(By.cssSelector("a")).getAttribute("href")).endsWith("/requests/" + id);
        assertThat(row.findElements(By.tagName("td")).get(1).getText()).as("the title as text").isEqualTo(title);
        assertThat(row.findElements(By.tagName("b"))).as("markup in a title is not markup").isEmpty();
        assertThat(row.getText()).contains("New request", "Not set", "On time");

        coordinator.assertAccessible();
        coordinator.screenshot("queues-triage");
        coordinator.resize(Browser.PHONE);
        coordinator.assertAccessible();
        coordinator.screenshot("queues-triage-phone");
    }

    @Test
    void aChangeToAnItemOnTheBoardShowsWithoutAReloadAndATriagedRequestLeaves() {
        String id = submit(unique("Accepted while watched"), "REGULATORY");
        Browser coordinator = signedIn("coordinator");
        coordinator.go("/triage?page=" + pageOf(as("coordinator"), id));
        WebElement row = coordinator.waitFor(By.cssSelector("tr[data-request-id='" + id + "']"));
        assertThat(row.getText()).contains("New request");
        awaitConnected(coordinator);
        coordinator.driver().executeScript("window.boardMarker = 'kept';");

        ok(as("coordinator").post(path(id, "accept"), java.util.Map.of("priority", "HIGH")));

        coordinator.waitForText(By.cssSelector("tr[data-request-id='" + id + "']"), "Service not yet assigned");
        WebElement changed = coordinator.find(By.cssSelector("tr[data-request-id='" + id + "']"));
        assertThat(changed.getText()).contains("High").doesNotContain("New request");

        ok(as("coordinator").post(path(id, "assignments"), java.util.Map.of("service", "REGULATORY", "hospital", "OUS")));
        await().atMost(Duration.ofSeconds(15)).until(() ->
                coordinator.findAll(By.cssSelector("tr[data-request-id='" + id + "']")).isEmpty());
        assertThat(coordinator.driver().executeScript("return window.boardMarker")).isEqualTo("kept");
    }

    @Test
    void aBreachedAndEscalatedRequestStandsOutInWords() {
        // submitted two months ago: its triage clock fell due long since, so its deadline fires at once
        EventClock.at(Instant.now().minus(Duration.ofDays(60)));
        String id = submit(unique("Long overdue"), "METHODOLOGY");
        EventClock.reset();
        await().atMost(Duration.ofSeconds(20)).until(() -> read("coordinator", id).path("escalated").asBoolean());

        Browser coordinator = signedIn("coordinator");
        coordinator.go("/triage?page=" + pageOf(as("coordinator"), id));
        WebElement row = coordinator.waitFor(By.cssSelector("tr[data-request-id='" + id + "']"));
        assertThat(row.getAttribute("class")).contains("breached");
        List<String> badges = row.findElements(By.cssSelector(".badge")).stream().map(WebElement::getText).toList();
        assertThat(badges).contains("Escalated", "Overdue");
        coordinator.assertAccessible();
    }

    @Test
    void theBoardSaysWhenItsLiveConnectionIsLostAndCatchesUpWhenItIsBack() {
        Browser coordinator = signedIn("coordinator");
        coordinator.go("/triage?page=" + pageOfTheNextSubmission(as("coordinator")));
        awaitConnected(coordinator);
        WebElement status = coordinator.find(By.id("live-status"));
        assertThat(status.getText()).isEqualTo("Live: the list updates by itself.");

        // the connection drops while the browser is off the network: its reconnections fail until it is back
        network(coordinator, true);
        coordinator.driver().executeScript("var source = document.querySelector('[sse-connect]')"
                + "['htmx-internal-data'].sseEventSource; source.close(); source.onerror(new Event('error'));");
        coordinator.waitForText(By.id("live-status"), "The live connection was lost.");
        String id = submit(unique("Submitted while offline"), "MONITORING");
        network(coordinator, false);

        coordinator.waitForText(By.id("live-status"), "The live connection is back");
        coordinator.waitFor(By.cssSelector("tr[data-request-id='" + id + "']"));
        coordinator.assertAccessible();
    }

    @Test
    void aBoardWhoseSessionEndedGoesToTheSignInPageRatherThanShowItInTheTable() {
        Browser coordinator = signedIn("coordinator");
        coordinator.go("/triage");
        awaitConnected(coordinator);
        coordinator.driver().manage().deleteCookieNamed("JSESSIONID");

        submit(unique("Arrives after the session ended"), "MONITORING");

        await().atMost(Duration.ofSeconds(15)).until(() -> coordinator.path().startsWith("/login"));
        assertThat(coordinator.findAll(By.name("username"))).hasSize(1);
    }

    @Test
    void rolesTheTriageQueueIsNotForAreRefused() {
        for (String user : List.of("investigator1", "ous-staff", "auditor")) {
            Browser browser = signedIn(user);
            browser.go("/triage");
            assertThat(browser.find(By.cssSelector("[role=alert]")).getText())
                    .contains("You may not do this.", "Only COORDINATOR may see today's triage queue.");
            browser.go("/triage/table");
            assertThat(browser.find(By.cssSelector("[role=alert]")).getText()).contains("You may not do this.");
            browser.close();
        }
    }

    /** Takes the browser off the network, or back on it (Chrome's network emulation). */
    private static void network(Browser browser, boolean offline) {
        browser.driver().executeCdpCommand("Network.enable", java.util.Map.of());
        browser.driver().executeCdpCommand("Network.emulateNetworkConditions", java.util.Map.of(
                "offline", offline, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
    }
}
