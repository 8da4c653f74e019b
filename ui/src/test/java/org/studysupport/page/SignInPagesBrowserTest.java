package org.studysupport.page;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.studysupport.support.Browser;
import org.studysupport.support.BrowserTest;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Signing in and out through the pages' form, the navigation each role gets, and the pages' language. */
class SignInPagesBrowserTest extends BrowserTest {

    @Test
    void aVisitorIsSentToTheSignInFormAndLandsOnTheStartPageAfterIt() {
        Browser browser = browser();
        browser.go("/");
        assertThat(browser.path()).isEqualTo("/login");
        browser.assertAccessible();
        browser.screenshot("sign-in");
        // htmx comes from its WebJar, served by the application itself: no CDN, no internet
        assertThat(browser.driver().executeScript("return typeof htmx")).isEqualTo("object");

        browser.signIn("coordinator", "demo");
        browser.waitFor(By.cssSelector(".signed-in"));
        assertThat(browser.path()).isEqualTo("/");
        assertThat(browser.find(By.cssSelector(".signed-in")).getText()).contains("coordinator");
        assertThat(browser.find(By.tagName("h1")).getText()).contains("coordinator");
        browser.assertAccessible();
    }

    @Test
    void aWrongPasswordKeepsTheVisitorOnTheFormAndSaysSo() {
        Browser browser = browser();
        browser.signIn("coordinator", "not-the-password");
        WebElement alert = browser.waitFor(By.cssSelector("[role=alert]"));
        assertThat(alert.getText()).isEqualTo("The user name or password is wrong.");
        assertThat(browser.findAll(By.cssSelector(".signed-in"))).isEmpty();
    }

    @Test
    void signingOutEndsTheSession() {
        Browser browser = signedIn("auditor");
        browser.signOut();
        assertThat(browser.find(By.cssSelector("[role=status]")).getText()).isEqualTo("You are signed out.");
        browser.go("/");
        assertThat(browser.path()).isEqualTo("/login");
    }

    @Test
    void eachRoleSeesTheNavigationOfWhatItMayUse() {
        assertThat(navigation("investigator1")).containsExactly("Start", "New request", "My requests");
        assertThat(navigation("coordinator")).containsExactly("Start", "Requests", "Triage", "Hospital queues");
        assertThat(navigation("ous-staff")).containsExactly("Start", "Requests", "Hospital queue");
        assertThat(navigation("auditor")).containsExactly("Start", "Requests", "Audit");
        assertThat(navigation("admin")).containsExactly("Start", "Requests", "Audit", "Administration");
    }

    @Test
    void pagesAreInNorwegianBokmalForABrowserThatAsksForIt() {
        Browser browser = browser("nb");
        browser.go("/login");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Logg inn");
        assertThat(browser.find(By.tagName("html")).getAttribute("lang")).isEqualTo("nb");
        browser.signIn("coordinator", "demo");
        assertThat(browser.waitFor(By.cssSelector(".signed-in form button")).getText()).isEqualTo("Logg ut");
    }

    @Test
    void aPageNobodyHasIsAnsweredWithThePagesNotFoundPage() {
        Browser browser = signedIn("coordinator");
        browser.go("/no-such-page");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Something went wrong");
        assertThat(browser.find(By.cssSelector("[role=alert]")).getText())
                .contains("There is no such page, or you may not see it.");
        browser.assertAccessible();
    }

    private List<String> navigation(String user) {
        Browser browser = signedIn(user);
        List<String> links = browser.findAll(By.cssSelector(".site-nav a")).stream().map(WebElement::getText).toList();
        browser.close();
        return links;
    }
}
