package org.studysupport.web;

import org.studysupport.api.problem.InvalidInputException;

/** The paging rules of every list: {@code page} from 0, {@code size} from 1 to 200. */
public final class Paging {

    public static final int MAX_SIZE = 200;

    private Paging() {
    }

    public static void check(int page, int size) {
        if (page < 0) {
            throw new InvalidInputException("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidInputException("size", "must be between 1 and " + MAX_SIZE);
        }
    }
}
