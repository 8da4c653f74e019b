package org.studysupport.api.query;

import java.util.List;

/** One page of requests: {@code page} counts from 0; {@code total} counts every match. */
public record RequestPage(List<RequestSummary> items, int page, int size, long total) {

    public RequestPage {
        items = List.copyOf(items);
    }
}
