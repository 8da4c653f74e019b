package org.studysupport.page;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.studysupport.support.Browser;
import org.studysupport.support.BrowserTest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The requests page at /requests: an investigator's own requests, and search, filters and paging for the others. */
class RequestListBrowserTest extends BrowserTest {

    @Test
    void aTitleWithMarkupIsShownAsText() {
        String tag = tag();
        String title = "<b>x</b><script>window.injected = true</script> " + tag;
        String id = submit(title, "MONITORING");

        for (String user : List.of("coordinator", "investigator1")) {
            Browser browser = signedIn(user);
            browser.go("/requests?q=" + tag);
            WebElement link = browser.waitFor(By.cssSelector("table.requests td.title a"));
            assertThat(link.getText()).isEqualTo(title);
            assertThat(link.getAttribute("href")).endsWith("/requests/" + id);
            assertThat(browser.findAll(By.cssSelector("table.requests b"))).isEmpty();
            assertThat(browser.findAll(By.cssSelector("main script:not([src])"))).isEmpty();
            assertThat(browser.driver().executeScript("return window.injected === undefined")).isEqualTo(true);
            browser.close();
        }
    }

    @Test
    void othersSearchFilterSortAndPageWithTheFiltersKeptInTheAddress() {
        String tag = tag();
        String first = submit("Paging first " + tag, "MONITORING");
        String second = submit("Paging second " + tag, "BIOSTATISTICS");
        String third = submit("Paging third " + tag, "MONITORING");
        ok(as("coordinator").post(path(second, "accept"), Map.of("priority", "HIGH")));

        Browser browser = signedIn("coordinator");
        browser.go("/requests?size=2&q=" + tag);
        assertThat(browser.find(By.cssSelector(".result-count")).getText()).isEqualTo("3 requests");
        assertThat(rows(browser)).containsExactly(third, second);
        assertThat(browser.find(By.cssSelector(".pager span")).getText()).isEqualTo("Page 1 of 2");
        browser.assertAccessible();
        browser.screenshot("requests-list");

        browser.find(By.cssSelector(".pager a[rel=next]")).click();
        browser.waitForText(By.cssSelector(".pager span"), "Page 2 of 2");
        assertThat(rows(browser)).containsExactly(first);
        assertThat(browser.path()).contains("q=" + tag).contains("size=2").contains("page=1");
        browser.find(By.cssSelector(".pager a[rel=prev]")).click();
        browser.waitForText(By.cssSelector(".pager span"), "Page 1 of 2");

        // the form: the search is kept, a filter and an order are added, the address says all of it
        assertThat(browser.find(By.id("q")).getAttribute("value")).isEqualTo(tag);
        new Select(browser.find(By.id("service"))).selectByValue("MONITORING");
        new Select(browser.find(By.id("sort"))).selectByValue("submittedAt,asc");
        browser.find(By.cssSelector("form.filters button[type=submit]")).click();
        browser.waitForText(By.cssSelector(".result-count"), "2 requests");
        assertThat(rows(browser)).containsExactly(first, third);
        assertThat(browser.path()).contains("service=MONITORING").contains("sort=submittedAt%2Casc")
                .contains("q=" + tag);
        assertThat(new Select(browser.find(By.id("service"))).getFirstSelectedOption().getText()).isEqualTo("Monitoring");

        browser.go("/requests?status=ACCEPTED&q=" + tag);
        assertThat(rows(browser)).containsExactly(second);
        WebElement row = browser.find(By.cssSelector("tr[data-request-id='" + second + "']"));
        assertThat(row.getText()).contains("Accepted").contains("High").contains(read("coordinator", second)
                .path("reference").asText());
        browser.go("/requests?priority=URGENT&q=" + tag);
        assertThat(browser.find(By.cssSelector(".result-count")).getText()).isEqualTo("No requests");
        assertThat(browser.find(By.cssSelector(".empty")).getText()).contains("No requests match these filters.");
        browser.resize(Browser.PHONE);
        browser.assertAccessible();
    }

    @Test
    void anInvestigatorSeesOnlyTheirOwnRequests() {
        String tag = tag();
        String own = submit("Own request " + tag, "MONITORING");
        String others = submitAs("investigator2", "Someone else's request " + tag, "MONITORING");

        Browser browser = signedIn("investigator1");
        browser.find(By.linkText("My requests")).click();
        browser.waitFor(By.cssSelector("table.requests"));
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("My requests");
        assertThat(browser.findAll(By.cssSelector("form.filters"))).isEmpty();
        assertThat(rows(browser)).contains(own).doesNotContain(others);
        browser.assertAccessible();

        browser.go("/requests?q=" + URLEncoder.encode(tag, StandardCharsets.UTF_8));
        assertThat(rows(browser)).containsExactly(own);
        Browser coordinator = signedIn("coordinator");
        coordinator.go("/requests?q=" + tag);
        assertThat(rows(coordinator)).containsExactlyInAnyOrder(own, others);
    }

    @Test
    void aValueTheApiWouldRefuseIsRefusedWithItsMessage() {
        Browser browser = signedIn("coordinator");
        browser.go("/requests?status=NOT_A_STATUS");
        assertThat(browser.find(By.cssSelector(".notice.error strong")).getText())
                .isEqualTo("The request was not understood.");
        browser.go("/requests?size=1000");
        assertThat(browser.find(By.cssSelector(".notice.error strong")).getText())
                .isEqualTo("The request was not understood.");
    }

    private static List<String> rows(Browser browser) {
        return browser.findAll(By.cssSelector("table.requests tbody tr")).stream()
                .map(row -> row.getAttribute("data-request-id")).toList();
    }

    /** A word no other test's titles contain, for {@code q} to find this test's requests alone. */
    private static String tag() {
        return "t" + UUID.randomUUID().toString().substring(0, 8);
    }
}
