package org.studysupport.web.page.queues;

/**
 * Paging of a board: which page of how many (both counted from 1 for the words), the links to the
 * previous and next page (null where there is none), and how many items in all.
 */
public record Pager(int page, int pages, long total, String previous, String next) {

    public static Pager of(int page, int size, long total, String path) {
        int pages = (int) Math.max(1, (total + size - 1) / size);
        String previous = page > 0 ? path + "?page=" + (page - 1) : null;
        String next = page + 1 < pages ? path + "?page=" + (page + 1) : null;
        return new Pager(page, pages, total, previous, next);
    }

    /** The page the user sees, counted from 1. */
    public int number() {
        return page + 1;
    }
}
