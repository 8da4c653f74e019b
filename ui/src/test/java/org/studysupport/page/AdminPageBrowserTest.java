package org.studysupport.page;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.studysupport.api.request.RequestAccepted;
import org.studysupport.query.request.RequestViewCatchUp;
import org.studysupport.support.ApiTest;
import org.studysupport.support.Browser;
import org.studysupport.support.CatchUpProgress;
import org.studysupport.support.EmbeddedDatabase;
import org.studysupport.support.ReadTables;
import org.studysupport.support.Workflow;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The administrator's page: a rebuild of the request read model started with its button and
 * followed to its end, and a parked event (a dead letter) retried with its button. On a database of
 * its own, like the API's tests of the same operations: a rebuild rewrites every request's rows,
 * and the dead letter is made by stopping the catch-up processor and failing one of its handlers.
 */
@Import(AdminPageBrowserTest.PoisonConfiguration.class)
class AdminPageBrowserTest extends ApiTest {

    private static final String OWN_DATABASE = EmbeddedDatabase.newDatabase();
    private static final Duration CATCH_UP = Duration.ofSeconds(30);

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    AcceptancePoison poison;

    private final List<Browser> opened = new ArrayList<>();

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        EmbeddedDatabase.registerApplicationOn(registry, OWN_DATABASE);
    }

    @TestConfiguration
    static class PoisonConfiguration {
        @Bean
        AcceptancePoison acceptancePoison() {
            return new AcceptancePoison();
        }
    }

    /** Fails on the acceptance of chosen requests in the catch-up's processing group, before the projection sees it. */
    @ProcessingGroup(RequestViewCatchUp.PROCESSING_GROUP)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class AcceptancePoison {
        final Set<UUID> requests = ConcurrentHashMap.newKeySet();

        @EventHandler
        void on(RequestAccepted event) {
            if (requests.contains(event.requestId())) {
                throw new IllegalStateException("this handler fails on purpose");
            }
        }
    }

    @AfterEach
    void cleanUp() {
        opened.forEach(Browser::close);
        opened.clear();
        poison.requests.clear();
        catchUp().start();
    }

    @Test
    void theAdministratorStartsARebuildWithAReasonAndSeesItProgressToDone() {
        for (int i = 0; i < 5; i++) {
            accepted(unique("Rebuilt from the page " + i), "MONITORING");
        }
        Browser browser = signedInAdmin();
        browser.go("/admin");
        browser.waitFor(By.cssSelector("article[data-name=request-view]"));
        browser.assertAccessible();

        browser.find(By.id("reason-request-view")).sendKeys("Checking the rebuild from the page");
        browser.find(By.cssSelector("form[data-name=request-view] button[type=submit]")).click();
        assertThat(browser.waitFor(By.id("admin-started")).getText())
                .isEqualTo("The rebuild of request-view has started.");
        browser.driver().executeScript("window.studySupportMark = 'not reloaded';");
        By outcome = By.cssSelector("article[data-name=request-view] .rebuild-outcome");
        boolean runningWhenShown = browser.find(outcome).getText().equals("Running");

        new WebDriverWait(browser.driver(), Duration.ofSeconds(60))
                .until(driver -> driver.findElement(outcome).getText().equals("Completed"));

        if (runningWhenShown) {
            assertThat(browser.driver().executeScript("return window.studySupportMark"))
                    .as("the progress came in without a reload").isEqualTo("not reloaded");
        }
        WebElement rebuild = browser.find(By.cssSelector("article[data-name=request-view] .admin-rebuild"));
        long requests = jdbc.queryForObject("select count(*) from request_view", Long.class);
        assertThat(rebuild.findElement(By.className("rebuild-count")).getText())
                .isEqualTo(requests + " of " + requests + " requests");
        assertThat(rebuild.findElement(By.tagName("progress")).getAttribute("value")).isEqualTo("100");
        assertThat(rebuild.getText()).contains("Asked for by admin")
                .contains("Reason: Checking the rebuild from the page").contains("Finished at");
        JsonNode latest = processor(ok(as("admin").get("/api/admin/projections")), "request-view").path("rebuild");
        assertThat(latest.path("outcome").asText()).isEqualTo("COMPLETED");
        assertThat(latest.path("requestedBy").asText()).isEqualTo("admin");
        assertThat(latest.path("reason").asText()).isEqualTo("Checking the rebuild from the page");
        browser.assertAccessible();
        browser.screenshot("admin");

        By position = By.cssSelector("article[data-name=request-view] .position");
        long before = Long.parseLong(browser.find(position).getText());
        submit(unique("Submitted while the page is open"), "MONITORING");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(15))
                .until(driver -> Long.parseLong(driver.findElement(position).getText()) > before);
        assertThat(browser.driver().executeScript("return window.studySupportMark"))
                .as("the position moved on without a reload").isEqualTo("not reloaded");
        browser.resize(Browser.PHONE);
        browser.assertAccessible();
    }

    @Test
    void aParkedEventIsRetriedFromThePageAndTheRequestIsProjected() {
        catchUp().shutDown();
        Workflow flow = new Workflow(port);
        String poisoned = flow.submit("investigator1", unique("Parked acceptance"), "MONITORING").path("id").asText();
        flow.accept(poisoned, "HIGH");
        ReadTables.forget(jdbc, List.of(poisoned));
        poison.requests.add(UUID.fromString(poisoned));
        catchUp().start();
        await().atMost(CATCH_UP).until(() -> CatchUpProgress.passed(jdbc, poisoned) && !lettersOf(poisoned).isEmpty());
        int parked = lettersOf(poisoned).size();
        poison.requests.remove(UUID.fromString(poisoned));

        Browser browser = signedInAdmin();
        browser.go("/admin");
        By rows = By.cssSelector("tr.dead-letter[data-request='" + poisoned + "']");
        browser.waitFor(rows);
        assertThat(browser.findAll(rows)).hasSize(parked);
        assertThat(browser.findAll(rows).get(0).getText()).contains("RequestAccepted")
                .contains("java.lang.IllegalStateException: this handler fails on purpose");
        browser.assertAccessible();

        browser.findAll(rows).get(0).findElement(By.cssSelector("button[type=submit]")).click();

        assertThat(browser.waitFor(By.id("retry-outcome")).getText())
                .contains("Retried: every parked event of the request was handled.");
        assertThat(browser.findAll(rows)).isEmpty();
        assertThat(lettersOf(poisoned)).isEmpty();
        JsonNode projected = read("coordinator", poisoned);
        assertThat(projected.path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(projected.path("priority").asText()).isEqualTo("HIGH");
        browser.assertAccessible();
    }

    @Test
    void aReasonLongerThanTheLimitIsRefusedBesideItsFieldAndStartsNothing() {
        Browser browser = signedInAdmin();
        browser.go("/admin");
        long rebuilds = jdbc.queryForObject("select count(*) from projection_rebuild", Long.class);
        // the field's maxlength stops typing; a value set past it is what a crafted form would send
        browser.driver().executeScript("arguments[0].value = 'x'.repeat(2001);",
                browser.find(By.id("reason-request-view-catch-up")));
        browser.find(By.cssSelector("form[data-name=request-view-catch-up] button[type=submit]")).click();

        WebElement error = browser.waitFor(By.id("reason-error-request-view-catch-up"));
        assertThat(error.getText()).isEqualTo("Write at most 2,000 characters.");
        assertThat(browser.find(By.id("reason-request-view-catch-up")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findAll(By.id("admin-started"))).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from projection_rebuild", Long.class)).isEqualTo(rebuilds);
        browser.assertAccessible();
    }

    @Test
    void otherRolesGetThe403Page() {
        for (String user : List.of("auditor", "coordinator")) {
            Browser browser = Browser.open(port, "en");
            opened.add(browser);
            browser.signIn(user);
            browser.go("/admin");
            assertThat(browser.waitFor(By.cssSelector(".notice.error strong")).getText()).isEqualTo("You may not do this.");
            assertThat(browser.findAll(By.id("projections"))).isEmpty();
        }
    }

    private Browser signedInAdmin() {
        Browser browser = Browser.open(port, "en");
        opened.add(browser);
        return browser.signIn("admin");
    }

    private EventProcessor catchUp() {
        return processing.eventProcessor(RequestViewCatchUp.PROCESSING_GROUP).orElseThrow();
    }

    private List<JsonNode> lettersOf(String requestId) {
        return Workflow.allItems(as("admin"), "/api/admin/dead-letters").stream()
                .filter(letter -> letter.path("requestId").asText().equals(requestId))
                .toList();
    }

    private static JsonNode processor(JsonNode list, String name) {
        for (JsonNode processor : list) {
            if (processor.path("name").asText().equals(name)) {
                return processor;
            }
        }
        throw new AssertionError("no processor " + name + " in " + list);
    }
}
