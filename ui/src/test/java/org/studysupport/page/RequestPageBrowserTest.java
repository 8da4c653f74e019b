package org.studysupport.page;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.studysupport.support.Api;
import org.studysupport.support.Browser;
import org.studysupport.support.BrowserTest;
import org.studysupport.support.Workflow;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One request's page as its users work it: each sees the request as the API shows it to them and
 * exactly the actions they may take there, takes them through the page's forms, and reads a
 * refusal's message on the page rather than an error page.
 */
class RequestPageBrowserTest extends BrowserTest {

    private static final By DONE = By.cssSelector(".notice[role=status]");
    private static final By REFUSAL = By.cssSelector(".notice.error[role=alert]");

    @Test
    void coordinatorAcceptsAndAssignsFromTheRecommendationsOnThePage() {
        String id = submit(unique("Coordinator works the page"), "MONITORING", "DATA_MANAGEMENT");
        Browser coordinator = signedIn("coordinator");
        coordinator.go("/requests/" + id);

        assertThat(coordinator.find(By.tagName("h1")).getText()).startsWith("Coordinator works the page");
        assertThat(coordinator.findAll(By.id("form-withdraw"))).as("only the investigator withdraws").isEmpty();
        assertThat(coordinator.findAll(By.cssSelector("form.assign"))).as("nothing to assign before acceptance")
                .isEmpty();
        coordinator.assertAccessible();

        new Select(coordinator.find(By.id("priority-accept"))).selectByValue("HIGH");
        coordinator.find(By.id("note-accept")).sendKeys("Fits the network");
        coordinator.find(By.cssSelector("#form-accept button[type=submit]")).click();
        assertThat(coordinator.waitFor(DONE).getText()).isEqualTo("The request was accepted.");
        assertThat(coordinator.findAll(By.id("form-accept"))).as("accepted once, not again").isEmpty();

        WebElement assign = coordinator.waitFor(By.id("form-assign-MONITORING"));
        List<WebElement> recommended = assign.findElements(By.cssSelector(".recommendation input[type=radio]"));
        assertThat(recommended).as("the recommended hospitals beside the assign form").isNotEmpty();
        assertThat(assign.findElement(By.cssSelector(".recommendation .rank")).getText()).isEqualTo("1.");
        coordinator.assertAccessible();
        scrollTo(coordinator, assign);
        coordinator.screenshot("request-coordinator");

        assign.findElement(By.id("hospital-MONITORING-OUS")).click();
        assign.findElement(By.cssSelector("button[type=submit]")).click();
        assertThat(coordinator.waitFor(DONE).getText()).isEqualTo("The service was assigned.");
        WebElement row = coordinator.find(By.cssSelector("table.assignments tbody tr[data-hospital=OUS]"));
        assertThat(row.getText()).contains("Monitoring").contains("Oslo").contains("Pending");
        assertThat(coordinator.findAll(By.id("form-assign-MONITORING"))).as("MONITORING is assigned now").isEmpty();
        assertThat(coordinator.findAll(By.id("form-assign-DATA_MANAGEMENT"))).hasSize(1);
        assertThat(coordinator.find(By.cssSelector("ol.timeline")).getText())
                .contains("Accepted").contains("Service assigned").contains("by coordinator (Coordinator)");

        JsonNode view = read("coordinator", id);
        assertThat(view.path("priority").asText()).isEqualTo("HIGH");
        assertThat(view.path("acceptanceNote").asText()).isEqualTo("Fits the network");
        assertThat(view.path("assignments")).hasSize(1);
        assertThat(view.path("assignments").get(0).path("hospital").asText()).isEqualTo("OUS");
    }

    @Test
    void coordinatorReassignsCancelsAndCompletesFromThePage() {
        String id = accepted(unique("Coordinator reassigns"), "MONITORING");
        String atOus = assign(id, "MONITORING", "OUS");
        Browser coordinator = signedIn("coordinator");
        coordinator.go("/requests/" + id);
        assertThat(coordinator.findAll(By.id("form-complete"))).as("an assignment is open").isEmpty();
        assertThat(coordinator.findAll(By.id("form-acknowledge-" + atOus))).as("hospitals acknowledge").isEmpty();

        Select to = new Select(coordinator.find(By.id("hospital-reassign-" + atOus)));
        assertThat(to.getOptions()).extracting(option -> option.getAttribute("value")).doesNotContain("OUS");
        String target = to.getFirstSelectedOption().getAttribute("value");
        coordinator.find(By.id("reason-reassign-" + atOus)).sendKeys("Closer to the sites");
        coordinator.find(By.cssSelector("#form-reassign-" + atOus + " button[type=submit]")).click();
        assertThat(coordinator.waitFor(DONE).getText()).isEqualTo("The assignment was moved to the other hospital.");

        JsonNode reassigned = read("coordinator", id);
        assertThat(assignment(reassigned, atOus).path("status").asText()).isEqualTo("REASSIGNED");
        String moved = assignment(reassigned, atOus).path("replacedBy").asText();
        assertThat(assignment(reassigned, moved).path("hospital").asText()).isEqualTo(target);

        coordinator.find(By.id("reason-cancel-" + moved)).sendKeys("Not needed after all");
        coordinator.find(By.cssSelector("#form-cancel-" + moved + " button[type=submit]")).click();
        assertThat(coordinator.waitFor(DONE).getText()).isEqualTo("The assignment was cancelled.");
        assertThat(coordinator.find(By.id("assignment-" + moved)).getText())
                .contains("Cancelled").contains("Not needed after all");

        coordinator.find(By.id("outcome-complete")).sendKeys("Handled within the unit");
        coordinator.find(By.cssSelector("#form-complete button[type=submit]")).click();
        assertThat(coordinator.waitFor(DONE).getText()).isEqualTo("The request was completed.");
        assertThat(coordinator.find(By.cssSelector(".request-badges")).getText()).contains("Completed");
        assertThat(coordinator.findAll(By.cssSelector("form.action-form")))
                .as("a completed request takes nothing but comments")
                .extracting(form -> form.getAttribute("id")).containsExactly("form-comment");
        assertThat(coordinator.find(By.cssSelector("ol.timeline")).getText())
                .contains("Assignment reassigned").contains("Assignment cancelled").contains("Request completed")
                .contains("Not needed after all");
        coordinator.assertAccessible();
        assertThat(read("coordinator", id).path("outcome").asText()).isEqualTo("Handled within the unit");
    }

    @Test
    void hospitalStaffAcknowledgeAndCompleteTheirAssignmentAndHaveNoButtonOnAnotherHospitals() {
        String id = accepted(unique("Hospital works the page"), "MONITORING", "DATA_MANAGEMENT");
        String atOus = assign(id, "MONITORING", "OUS");
        String atHus = assign(id, "DATA_MANAGEMENT", "HUS");
        Browser staff = signedIn("ous-staff");
        staff.go("/requests/" + id);

        assertThat(staff.findAll(By.id("actions-" + atHus))).as("no action on HUS's assignment").isEmpty();
        assertThat(staff.findAll(By.id("form-accept"))).isEmpty();
        assertThat(staff.findAll(By.id("timeline-heading"))).as("hospital staff do not read the history").isEmpty();
        assertThat(staff.findAll(By.id("form-deliver-" + atOus))).as("not acknowledged yet").isEmpty();
        assertThat(staff.findAll(By.id("form-decline-" + atOus))).hasSize(1);
        staff.assertAccessible();

        staff.find(By.cssSelector("#form-acknowledge-" + atOus + " button")).click();
        assertThat(staff.waitFor(DONE).getText()).isEqualTo("The assignment was acknowledged.");
        assertThat(staff.find(By.id("assignment-" + atOus)).getText()).contains("Active");
        assertThat(staff.findAll(By.id("form-decline-" + atOus))).as("only a pending one is declined").isEmpty();
        scrollTo(staff, staff.find(By.id("assignments-heading")));
        staff.screenshot("request-hospital");

        staff.find(By.id("summary-deliver-" + atOus)).sendKeys("Monitoring plan and two site visits");
        staff.find(By.cssSelector("#form-deliver-" + atOus + " button[type=submit]")).click();
        assertThat(staff.waitFor(DONE).getText()).isEqualTo("The assignment was completed.");
        assertThat(staff.find(By.id("assignment-" + atOus)).getText())
                .contains("Completed").contains("Monitoring plan and two site visits");
        assertThat(staff.findAll(By.id("actions-" + atOus))).as("nothing left to do on it").isEmpty();
        staff.resize(Browser.PHONE);
        staff.assertAccessible();

        JsonNode assignment = assignment(read("coordinator", id), atOus);
        assertThat(assignment.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(assignment.path("summary").asText()).isEqualTo("Monitoring plan and two site visits");
    }

    @Test
    void investigatorAnswersAClarificationAndSeesNoCoordinatorAction() {
        String id = submit(unique("Investigator answers on the page"), "BIOSTATISTICS");
        new Workflow(port).ask("coordinator", id, "How many patients per arm?");
        Browser investigator = browser("nb").signIn("investigator1");
        investigator.go("/requests/" + id);

        assertThat(investigator.findAll(By.id("form-accept"))).as("investigators do not accept").isEmpty();
        assertThat(investigator.findAll(By.id("form-reject"))).isEmpty();
        assertThat(investigator.findAll(By.id("form-ask"))).isEmpty();
        assertThat(investigator.findAll(By.id("form-withdraw"))).hasSize(1);
        assertThat(investigator.find(By.id("form-answer")).getText()).contains("How many patients per arm?");
        assertThat(investigator.findAll(By.id("visibility-internal"))).as("investigators write PUBLIC comments")
                .isEmpty();
        investigator.assertAccessible();
        investigator.resize(Browser.PHONE);
        investigator.assertAccessible();
        scrollTo(investigator, investigator.find(By.cssSelector(".request-reference")));
        investigator.screenshot("request-investigator");
        investigator.resize(Browser.DESKTOP);

        investigator.find(By.id("answer-answer")).sendKeys("Forty in each arm");
        investigator.find(By.cssSelector("#form-answer button[type=submit]")).click();
        assertThat(investigator.waitFor(DONE).getText()).isEqualTo("Svaret ditt ble sendt.");
        assertThat(investigator.findAll(By.id("form-answer"))).isEmpty();
        assertThat(investigator.find(By.cssSelector("ol.clarifications")).getText()).contains("Forty in each arm");
        assertThat(investigator.find(By.cssSelector(".request-badges")).getText()).contains("Sendt inn");
        assertThat(investigator.find(By.cssSelector("ol.timeline")).getText()).contains("Spørsmål besvart");
        investigator.assertAccessible();

        assertThat(read("coordinator", id).path("status").asText()).isEqualTo("SUBMITTED");
    }

    @Test
    void anActionRefusedOnAStalePageShowsTheProblemsMessage() {
        String id = accepted(unique("Stale page"), "MONITORING");
        String atOus = assign(id, "MONITORING", "OUS");
        Browser first = signedIn("ous-staff");
        Browser second = signedIn("ous-staff");
        first.go("/requests/" + id);
        second.go("/requests/" + id);

        first.find(By.cssSelector("#form-acknowledge-" + atOus + " button")).click();
        first.waitFor(DONE);
        second.find(By.id("reason-decline-" + atOus)).sendKeys("No capacity this quarter");
        second.find(By.cssSelector("#form-decline-" + atOus + " button[type=submit]")).click();

        WebElement refusal = second.waitFor(REFUSAL);
        assertThat(refusal.getText()).isEqualTo("A ACTIVE assignment cannot be declined; it must be PENDING.");
        assertThat(second.path()).isEqualTo("/requests/" + id);
        assertThat(second.find(By.id("assignment-" + atOus)).getText()).contains("Active");
        second.assertAccessible();
        assertThat(assignment(read("coordinator", id), atOus).path("status").asText()).isEqualTo("ACTIVE");
    }

    @Test
    void aMissingReasonIsShownBesideItsFieldAndChangesNothing() {
        String id = submit(unique("Reason required"), "MONITORING");
        long version = read("coordinator", id).path("version").asLong();
        Browser coordinator = signedIn("coordinator");
        coordinator.go("/requests/" + id);
        // past the browser's own check, to the page's
        coordinator.driver().executeScript("document.getElementById('reason-reject').removeAttribute('required')");
        coordinator.find(By.cssSelector("#form-reject button[type=submit]")).click();

        WebElement error = coordinator.waitFor(By.id("reason-reject-error"));
        assertThat(error.getText()).isEqualTo("This field is required.");
        WebElement field = coordinator.find(By.id("reason-reject"));
        assertThat(field.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(field.getAttribute("aria-describedby")).isEqualTo("reason-reject-error");
        coordinator.assertAccessible();
        assertThat(read("coordinator", id).path("version").asLong()).isEqualTo(version);
    }

    @Test
    void theSameFormSentTwiceActsOnce() {
        String id = submit(unique("Double submit"), "MONITORING");
        Browser coordinator = signedIn("coordinator");
        coordinator.go("/requests/" + id);
        String key = coordinator.find(By.cssSelector("#form-comment input[name=idempotencyKey]")).getAttribute("value");

        for (int time = 0; time < 2; time++) {
            Object status = coordinator.driver().executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    const form = document.getElementById('form-comment');
                    const body = new URLSearchParams(new FormData(form));
                    body.set('text', 'Sent twice');
                    body.set('idempotencyKey', arguments[0]);
                    fetch(form.action, {method: 'POST', body: body, redirect: 'manual'})
                        .then(r => done(r.type), e => done('error: ' + e));
                    """, key);
            assertThat(status).as("the form's post is answered with the redirect back").isEqualTo("opaqueredirect");
        }

        JsonNode comments = read("coordinator", id).path("comments");
        assertThat(comments).hasSize(1);
        assertThat(comments.get(0).path("text").asText()).isEqualTo("Sent twice");
    }

    @Test
    void aTitleWithMarkupIsShownAsText() {
        String title = unique("<script>document.title='x'</script><b>bold</b> & <i>more</i>");
        String id = submit(title, "MONITORING");
        Browser coordinator = signedIn("coordinator");
        coordinator.go("/requests/" + id);

        WebElement heading = coordinator.find(By.tagName("h1"));
        assertThat(heading.getText()).isEqualTo(title);
        assertThat(heading.findElements(By.xpath("./*"))).as("no element made of the title").isEmpty();
        assertThat(coordinator.driver().getTitle()).doesNotStartWith("x");
    }

    @Test
    void anUnknownRequestAndAnotherInvestigatorsRequestAreTheNotFoundPage() {
        String id = submit(unique("Not for investigator2"), "MONITORING");
        Browser other = signedIn("investigator2");

        other.go("/requests/" + id);
        assertThat(other.find(REFUSAL).getText()).contains("There is no such page, or you may not see it.");
        assertThat(other.driver().getPageSource()).doesNotContain("Not for investigator2");

        other.go("/requests/" + UUID.randomUUID());
        assertThat(other.find(REFUSAL).getText()).contains("There is no such page, or you may not see it.");
    }

    @Test
    void aCoordinatorCommentsInternallyAndTheInvestigatorDoesNotSeeIt() {
        String id = submit(unique("Internal comment"), "MONITORING");
        Browser coordinator = signedIn("coordinator");
        coordinator.go("/requests/" + id);
        coordinator.find(By.id("text-comment")).sendKeys("Check the sponsor first");
        coordinator.find(By.id("visibility-internal")).click();
        coordinator.find(By.cssSelector("#form-comment button[type=submit]")).click();
        assertThat(coordinator.waitFor(DONE).getText()).isEqualTo("The comment was added.");
        assertThat(coordinator.find(By.cssSelector("ol.comments")).getText())
                .contains("Check the sponsor first").contains("Internal");

        Api.Answer investigatorView = as("investigator1").get(path(id));
        assertThat(investigatorView.body().path("comments")).isEmpty();
        Browser investigator = signedIn("investigator1");
        investigator.go("/requests/" + id);
        assertThat(investigator.find(By.id("comments-heading")).isDisplayed()).isTrue();
        assertThat(investigator.driver().getPageSource()).doesNotContain("Check the sponsor first");
        assertThat(read("coordinator", id).path("comments").get(0).path("visibility").asText())
                .isEqualTo("INTERNAL");
    }

    /** Shows the element at the top of the window, for a screenshot of what matters there. */
    private static void scrollTo(Browser browser, WebElement element) {
        browser.driver().executeScript("arguments[0].scrollIntoView({block: 'start'})", element);
    }
}
