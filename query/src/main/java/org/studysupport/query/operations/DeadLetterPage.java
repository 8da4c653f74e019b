package org.studysupport.query.operations;

import java.util.List;

/** One page of dead letters, oldest first: {@code page} counts from 0; {@code total} counts them all. */
public record DeadLetterPage(List<DeadLetterView> items, int page, int size, long total) {

    public DeadLetterPage {
        items = List.copyOf(items);
    }
}
