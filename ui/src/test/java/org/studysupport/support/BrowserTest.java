package org.studysupport.support;

import org.junit.jupiter.api.AfterEach;

import java.util.ArrayList;
import java.util.List;

/**
 * Base of the page tests: the application on the shared PostgreSQL (as {@link PostgresApiTest}),
 * and real browsers opened on it, closed after each test. A test may open several (an investigator
 * and a coordinator side by side).
 */
public abstract class BrowserTest extends PostgresApiTest {

    private final List<Browser> opened = new ArrayList<>();

    /** A browser asking for English pages. */
    protected Browser browser() {
        return browser("en");
    }

    protected Browser browser(String language) {
        Browser browser = Browser.open(port, language);
        opened.add(browser);
        return browser;
    }

    /** A browser signed in as the given demo user, on the start page. */
    protected Browser signedIn(String user) {
        return browser().signIn(user);
    }

    @AfterEach
    void closeBrowsers() {
        opened.forEach(Browser::close);
        opened.clear();
    }
}
