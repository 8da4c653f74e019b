package org.studysupport.web.page.queues;

import java.time.Instant;

/**
 * Where an item of a board stands against its service-level due time, as the board shows it: the
 * earliest due time of its running clocks (from the queue's answer) compared with now. An item
 * with no running clock has no due time; {@code css} is the badge's style, {@code key} its words.
 */
public enum DueState {
    NONE("", "queues.due.none"),
    ON_TIME("ok", "queues.due.onTime"),
    OVERDUE("danger", "queues.due.overdue");

    private final String css;
    private final String key;

    DueState(String css, String key) {
        this.css = css;
        this.key = key;
    }

    public static DueState of(Instant dueAt, Instant now) {
        if (dueAt == null) {
            return NONE;
        }
        return dueAt.isAfter(now) ? ON_TIME : OVERDUE;
    }

    public String css() {
        return css;
    }

    public String key() {
        return key;
    }

    public boolean overdue() {
        return this == OVERDUE;
    }
}
