package org.studysupport.page;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.studysupport.support.Browser;
import org.studysupport.support.BrowserTest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.studysupport.page.TriageBoardPages.awaitConnected;
import static org.studysupport.page.TriageBoardPages.pageOfTheNextSubmission;

/**
 * A request's whole life through the pages alone, each user in a browser of their own: the
 * investigator submits through the form and lands on the request's page; the coordinator, with the
 * triage board open, sees it arrive without a reload, opens it, accepts it and assigns its service
 * from the recommendations; the hospital's staff acknowledge and complete the work; the coordinator
 * completes the request; the auditor's timeline shows every step with its actor.
 */
class RequestLifeInTheBrowserTest extends BrowserTest {

    private static final By DONE = By.cssSelector(".notice[role=status]");
    private static final Pattern REQUEST_PAGE = Pattern.compile("/requests/([0-9a-f-]{36})");

    @Test
    void aRequestLivesItsWholeLifeThroughThePages() {
        Browser coordinator = signedIn("coordinator");
        coordinator.go("/triage?page=" + pageOfTheNextSubmission(as("coordinator")));
        awaitConnected(coordinator);
        coordinator.driver().executeScript("window.boardMarker = 'the board was not reloaded';");

        Browser investigator = signedIn("investigator1");
        String title = unique("Colchicine after myocardial infarction");
        String id = submitThroughTheForm(investigator, title);
        assertThat(investigator.find(By.tagName("h1")).getText()).startsWith(title);

        WebElement row = coordinator.waitFor(By.cssSelector("tr[data-request-id='" + id + "']"));
        assertThat(coordinator.driver().executeScript("return window.boardMarker"))
                .isEqualTo("the board was not reloaded");
        row.findElement(By.tagName("a")).click();

        new Select(coordinator.waitFor(By.id("priority-accept"))).selectByValue("HIGH");
        coordinator.find(By.cssSelector("#form-accept button[type=submit]")).click();
        assertThat(coordinator.waitFor(DONE).getText()).isEqualTo("The request was accepted.");
        WebElement assign = coordinator.waitFor(By.id("form-assign-MONITORING"));
        List<String> recommended = assign.findElements(By.cssSelector(".recommendation input[type=radio]")).stream()
                .map(radio -> radio.getAttribute("value")).toList();
        assertThat(recommended).as("the recommendations beside the assign form").contains("OUS");
        assign.findElement(By.id("hospital-MONITORING-OUS")).click();
        assign.findElement(By.cssSelector("button[type=submit]")).click();
        assertThat(coordinator.waitFor(DONE).getText()).isEqualTo("The service was assigned.");
        String assignment = read("coordinator", id).path("assignments").get(0).path("id").asText();

        Browser staff = signedIn("ous-staff");
        staff.go("/requests/" + id);
        staff.find(By.cssSelector("#form-acknowledge-" + assignment + " button")).click();
        assertThat(staff.waitFor(DONE).getText()).isEqualTo("The assignment was acknowledged.");
        staff.find(By.id("summary-deliver-" + assignment)).sendKeys("Monitoring plan delivered");
        staff.find(By.cssSelector("#form-deliver-" + assignment + " button[type=submit]")).click();
        assertThat(staff.waitFor(DONE).getText()).isEqualTo("The assignment was completed.");

        coordinator.go("/requests/" + id);
        coordinator.find(By.id("outcome-complete")).sendKeys("Study supported");
        coordinator.find(By.cssSelector("#form-complete button[type=submit]")).click();
        assertThat(coordinator.waitFor(DONE).getText()).isEqualTo("The request was completed.");

        Browser auditor = signedIn("auditor");
        auditor.go("/audit/requests/" + id);
        List<WebElement> steps = auditor.waitFor(By.id("timeline")).findElements(By.cssSelector(":scope > li"));
        List<JsonNode> history = new ArrayList<>();
        ok(as("auditor").get(path(id, "history"))).forEach(history::add);
        assertThat(steps).extracting(step -> step.findElement(By.className("step-actor")).getText())
                .as("every step, with its actor")
                .containsExactlyElementsOf(history.stream().map(h -> h.path("actor").path("id").asText()).toList());
        assertThat(history).extracting(h -> h.path("type").asText() + " by " + h.path("actor").path("id").asText())
                .contains("RequestSubmitted by investigator1", "RequestAccepted by coordinator",
                        "ServiceAssigned by coordinator", "AssignmentAcknowledged by ous-staff",
                        "AssignmentCompleted by ous-staff", "RequestCompleted by coordinator");
        auditor.assertAccessible();
        auditor.screenshot("audit-timeline");
    }

    private static String submitThroughTheForm(Browser investigator, String title) {
        investigator.go("/requests/new");
        investigator.find(By.id("title")).sendKeys(title);
        new Select(investigator.find(By.id("studyPhase"))).selectByValue("PHASE_3");
        new Select(investigator.find(By.id("fundingStatus"))).selectByValue("AWARDED");
        investigator.find(By.id("description")).sendKeys("Multicentre randomised trial");
        investigator.find(By.id("service-MONITORING")).click();
        investigator.find(By.id("contact-name")).sendKeys("Kari Nordmann");
        investigator.find(By.id("contact-email")).sendKeys("kari@example.org");
        investigator.find(By.cssSelector("form.submission-form button[type=submit]")).click();
        investigator.waitFor(By.cssSelector(".request-badges"));
        Matcher page = REQUEST_PAGE.matcher(investigator.path());
        assertThat(page.matches()).as("landed on the new request's page, at %s", investigator.path()).isTrue();
        return page.group(1);
    }
}
