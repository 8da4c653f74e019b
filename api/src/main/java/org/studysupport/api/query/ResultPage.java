package org.studysupport.api.query;

import java.util.List;

/** One page of a list: {@code page} counts from 0; {@code total} counts every match. */
public record ResultPage<T>(List<T> items, int page, int size, long total) {

    public ResultPage {
        items = List.copyOf(items);
    }
}
