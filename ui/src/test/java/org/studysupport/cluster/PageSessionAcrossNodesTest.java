package org.studysupport.cluster;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.studysupport.support.Browser;
import org.studysupport.support.EmbeddedDatabase;
import org.studysupport.support.RunningApplication;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages' sessions are kept in the database the nodes share: a user who signed in on one node is
 * signed in on the other (a load balancer needs no sticky sessions), and signing out on one ends
 * the session on both. (A browser sends localhost's cookies to every port, as to every node behind
 * one address.)
 */
class PageSessionAcrossNodesTest {

    @Test
    void aSessionOpenedOnOneNodeIsKnownToTheOtherUntilSignedOut() {
        String database = EmbeddedDatabase.newDatabase();
        try (RunningApplication a = RunningApplication.onPostgres(database, Map.of("study-support.node-id", "node-a"));
             RunningApplication b = RunningApplication.onPostgres(database, Map.of("study-support.node-id", "node-b"));
             Browser browser = Browser.open(a.port(), "en")) {
            browser.signIn("coordinator");

            browser.driver().get("http://localhost:" + b.port() + "/");
            assertThat(browser.waitFor(By.cssSelector(".signed-in")).getText()).contains("coordinator");

            browser.signOut();
            browser.driver().get("http://localhost:" + a.port() + "/");
            assertThat(browser.driver().getCurrentUrl()).endsWith(a.port() + "/login");
        }
    }
}
