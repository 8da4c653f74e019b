package org.studysupport.api.query;

/** How a list is ordered: by which field, ascending or not. */
public record RequestSort(Field field, boolean ascending) {

    public enum Field {
        SUBMITTED_AT, UPDATED_AT, PRIORITY, SLA_DUE_AT
    }

    public static RequestSort newestFirst() {
        return new RequestSort(Field.SUBMITTED_AT, false);
    }
}
