package org.studysupport.page;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.studysupport.support.Browser;
import org.studysupport.support.BrowserTest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The submission form at /requests/new, used as an investigator would. */
class RequestFormBrowserTest extends BrowserTest {

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void anInvestigatorSubmitsThroughTheFormAndLandsOnTheNewRequestsPage() {
        Browser browser = signedIn("investigator1");
        browser.go("/requests/new");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("New request");
        browser.assertAccessible();

        String title = unique("Low-dose colchicine after myocardial infarction");
        fillIn(browser, title);
        // the English page offers English e-mail; this investigator wants them in bokmål
        assertThat(new Select(browser.find(By.id("language"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("en");
        new Select(browser.find(By.id("language"))).selectByValue("nb");
        browser.driver().executeScript("window.scrollTo(0, 0)");
        browser.screenshot("requests-new");
        browser.find(By.cssSelector("form.submission-form button[type=submit]")).click();

        String id = landedOnRequestPage(browser);
        JsonNode request = read("investigator1", id);
        assertThat(request.path("title").asText()).isEqualTo(title);
        assertThat(request.path("acronym").asText()).isEqualTo("COLCHI-MI");
        assertThat(request.path("studyPhase").asText()).isEqualTo("PHASE_3");
        assertThat(request.path("sponsor").asText()).isEqualTo("Oslo University Hospital");
        assertThat(request.path("therapeuticArea").asText()).isEqualTo("Cardiology");
        assertThat(request.path("fundingStatus").asText()).isEqualTo("AWARDED");
        assertThat(request.path("plannedStartDate").asText()).isEqualTo("2027-03-01");
        assertThat(texts(request.path("countries"))).containsExactly("NO", "SE");
        assertThat(request.path("plannedSites").asInt()).isEqualTo(8);
        assertThat(request.path("description").asText()).isEqualTo("Multicentre randomised trial.\nEight sites.");
        assertThat(texts(request.path("services"))).containsExactly("DATA_MANAGEMENT", "MONITORING");
        assertThat(request.path("contact").path("name").asText()).isEqualTo("Kari Nordmann");
        assertThat(request.path("contact").path("email").asText()).isEqualTo("kari@example.org");
        assertThat(request.path("contact").path("phone").asText()).isEqualTo("+47 22 00 00 00");
        assertThat(request.path("investigatorId").asText()).isEqualTo("investigator1");
        String submitted = jdbc.queryForObject("select convert_from(payload, 'UTF8') from domain_event_entry"
                + " where aggregate_identifier = ? and sequence_number = 0", String.class, id);
        assertThat(submitted).contains("\"language\":\"nb\"");
    }

    @Test
    void missingRequiredFieldsAreShownBesideTheirFieldsWithWhatWasTypedKeptAndNothingIsStored() {
        Browser browser = signedIn("investigator1");
        browser.go("/requests/new");
        String title = unique("Half a form");
        browser.find(By.id("title")).sendKeys(title);
        browser.find(By.id("sponsor")).sendKeys("Haukeland");
        browser.find(By.id("contact-email")).sendKeys("not-an-address");
        browser.find(By.id("plannedSites")).sendKeys("eight");
        browser.find(By.cssSelector("form.submission-form button[type=submit]")).click();

        browser.waitFor(By.id("error-summary"));
        assertThat(browser.path()).isEqualTo("/requests/new");
        assertThat(error(browser, "studyPhase")).isEqualTo("Choose one.");
        assertThat(error(browser, "fundingStatus")).isEqualTo("Choose one.");
        assertThat(error(browser, "description")).isEqualTo("Fill in this field.");
        assertThat(error(browser, "services")).isEqualTo("Choose at least one service.");
        assertThat(error(browser, "contact-name")).isEqualTo("Fill in this field.");
        assertThat(error(browser, "contact-email")).isEqualTo("Enter an e-mail address, such as name@example.org.");
        assertThat(error(browser, "plannedSites")).isEqualTo("Enter a whole number.");
        assertThat(browser.findAll(By.id("title-error"))).isEmpty();
        assertThat(browser.find(By.id("description")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find(By.id("description")).getAttribute("aria-describedby")).contains("description-error");
        assertThat(browser.find(By.id("title")).getAttribute("aria-invalid")).isNull();
        // what was typed is still there
        assertThat(browser.find(By.id("title")).getAttribute("value")).isEqualTo(title);
        assertThat(browser.find(By.id("sponsor")).getAttribute("value")).isEqualTo("Haukeland");
        assertThat(browser.find(By.id("contact-email")).getAttribute("value")).isEqualTo("not-an-address");
        assertThat(browser.find(By.id("plannedSites")).getAttribute("value")).isEqualTo("eight");
        // the summary links to the fields, in the form's order
        assertThat(browser.findAll(By.cssSelector("#error-summary a")).stream().map(a -> a.getAttribute("hash")))
                .containsExactly("#studyPhase", "#fundingStatus", "#plannedSites", "#description", "#services",
                        "#contact-name", "#contact-email");
        assertThat(browser.find(By.cssSelector("#error-summary a[href='#description']")).getText())
                .isEqualTo("Description: Fill in this field.");
        assertThat(listed(title)).as("requests stored by a refused form").isZero();

        browser.resize(Browser.PHONE);
        browser.driver().executeScript("window.scrollTo(0, 0)");
        browser.assertAccessible();
        browser.screenshot("requests-new-errors");
        browser.resize(Browser.DESKTOP);
        browser.assertAccessible();

        // corrected, the same form goes through
        new Select(browser.find(By.id("studyPhase"))).selectByValue("OBSERVATIONAL");
        new Select(browser.find(By.id("fundingStatus"))).selectByValue("NONE");
        browser.find(By.id("description")).sendKeys("A registry study.");
        browser.find(By.id("service-BIOSTATISTICS")).click();
        browser.find(By.id("contact-name")).sendKeys("Ola Nordmann");
        replace(browser.find(By.id("contact-email")), "ola@example.org");
        replace(browser.find(By.id("plannedSites")), "3");
        browser.find(By.cssSelector("form.submission-form button[type=submit]")).click();
        String id = landedOnRequestPage(browser);
        JsonNode request = read("investigator1", id);
        assertThat(request.path("title").asText()).isEqualTo(title);
        assertThat(request.path("sponsor").asText()).isEqualTo("Haukeland");
        assertThat(request.path("plannedSites").asInt()).isEqualTo(3);
        assertThat(request.path("acronym").isNull()).as("an empty optional field is left out").isTrue();
        assertThat(listed(title)).isEqualTo(1);
    }

    @Test
    void theMessagesAreInBokmalForABrowserThatAsksForIt() {
        Browser browser = browser("nb").signIn("investigator1");
        browser.go("/requests/new");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Ny forespørsel");
        browser.find(By.cssSelector("form.submission-form button[type=submit]")).click();
        browser.waitFor(By.id("error-summary"));
        assertThat(error(browser, "title")).isEqualTo("Fyll ut dette feltet.");
        assertThat(error(browser, "services")).isEqualTo("Velg minst én tjeneste.");
    }

    @Test
    void aFormSentTwiceAtOnceStoresOneRequest() {
        Browser browser = signedIn("investigator1");
        browser.go("/requests/new");
        String title = unique("Sent twice");
        fillIn(browser, title);
        // what a double click does: the same form, with the same hidden key, posted twice at once
        Object statuses = browser.driver().executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "const form = document.querySelector('form.submission-form');"
                        + "const send = () => fetch(form.action, {method: 'POST', redirect: 'manual',"
                        + "  body: new URLSearchParams(new FormData(form))}).then(r => r.type + ':' + r.status);"
                        + "Promise.all([send(), send()]).then(r => done(r.join(',')), e => done('error: ' + e));");
        assertThat(String.valueOf(statuses)).isEqualTo("opaqueredirect:0,opaqueredirect:0");
        assertThat(listed(title)).isEqualTo(1);
    }

    @Test
    void aFormChangedAfterItWasSentIsRefusedWithTheProblemsMessageAndCanThenBeSentAsANewRequest() {
        Browser browser = signedIn("investigator1");
        browser.go("/requests/new");
        String title = unique("Sent then changed");
        fillIn(browser, title);
        Object sent = browser.driver().executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "const form = document.querySelector('form.submission-form');"
                        + "fetch(form.action, {method: 'POST', redirect: 'manual',"
                        + "  body: new URLSearchParams(new FormData(form))}).then(r => done(r.type), e => done('error: ' + e));");
        assertThat(sent).isEqualTo("opaqueredirect");

        String changed = unique("Sent then changed");
        replace(browser.find(By.id("title")), changed);
        browser.find(By.cssSelector("form.submission-form button[type=submit]")).click();
        WebElement refusal = browser.waitFor(By.cssSelector("main > .notice.error"));
        assertThat(refusal.findElement(By.cssSelector(".problem-detail")).getText())
                .isEqualTo("This Idempotency-Key was already used for the same action with another body.");
        assertThat(browser.find(By.id("title")).getAttribute("value")).isEqualTo(changed);
        assertThat(listed(title)).isEqualTo(1);
        assertThat(listed(changed)).isZero();
        browser.assertAccessible();

        browser.find(By.cssSelector("form.submission-form button[type=submit]")).click();
        String id = landedOnRequestPage(browser);
        assertThat(read("investigator1", id).path("title").asText()).isEqualTo(changed);
        assertThat(listed(title)).isEqualTo(1);
    }

    @Test
    void aCoordinatorOpeningTheFormGetsTheForbiddenPage() {
        Browser browser = signedIn("coordinator");
        browser.go("/requests/new");
        assertThat(browser.find(By.cssSelector(".notice.error strong")).getText()).isEqualTo("You may not do this.");
        assertThat(browser.findAll(By.cssSelector("form.submission-form"))).isEmpty();
        browser.assertAccessible();
    }

    private static void fillIn(Browser browser, String title) {
        browser.find(By.id("title")).sendKeys(title);
        browser.find(By.id("acronym")).sendKeys("COLCHI-MI");
        new Select(browser.find(By.id("studyPhase"))).selectByValue("PHASE_3");
        browser.find(By.id("sponsor")).sendKeys("Oslo University Hospital");
        browser.find(By.id("therapeuticArea")).sendKeys("Cardiology");
        new Select(browser.find(By.id("fundingStatus"))).selectByValue("AWARDED");
        // a date input's typing order follows the browser's locale; its value is ISO whatever the locale
        browser.driver().executeScript("arguments[0].value = '2027-03-01'", browser.find(By.id("plannedStartDate")));
        browser.find(By.id("countries")).sendKeys("NO, SE");
        browser.find(By.id("plannedSites")).sendKeys("8");
        browser.find(By.id("description")).sendKeys("Multicentre randomised trial.\nEight sites.");
        browser.find(By.id("service-MONITORING")).click();
        browser.find(By.id("service-DATA_MANAGEMENT")).click();
        browser.find(By.id("contact-name")).sendKeys("Kari Nordmann");
        browser.find(By.id("contact-email")).sendKeys("kari@example.org");
        browser.find(By.id("contact-phone")).sendKeys("+47 22 00 00 00");
    }

    /** Waits for the redirect to the new request's page and answers the request's id from its path. */
    private static String landedOnRequestPage(Browser browser) {
        String uuid = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
        new WebDriverWait(browser.driver(), Duration.ofSeconds(15))
                .until(ExpectedConditions.urlMatches("/requests/" + uuid + "$"));
        assertThat(browser.path()).matches("/requests/" + uuid);
        return browser.path().substring("/requests/".length());
    }

    private static String error(Browser browser, String field) {
        return browser.find(By.id(field + "-error")).getText();
    }

    private static void replace(WebElement input, String text) {
        input.clear();
        input.sendKeys(text);
    }

    /** How many requests investigator1 sees with the given title, through the API. */
    private long listed(String title) {
        JsonNode page = ok(as("investigator1").get("/api/requests?q="
                + URLEncoder.encode(title, StandardCharsets.UTF_8)));
        return page.path("total").asLong();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
