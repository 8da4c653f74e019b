package org.studysupport.command.reference;

/** Gives out human-readable references {@code SR-<year>-<5 digits>}, unique and in submission order. */
public interface ReferenceNumbers {

    String next();

    static String format(int year, long number) {
        return String.format("SR-%d-%05d", year, number);
    }
}
