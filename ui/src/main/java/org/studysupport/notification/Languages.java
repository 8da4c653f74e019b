package org.studysupport.notification;

import java.util.List;

/** The languages messages are written in: Norwegian bokmål and English. */
final class Languages {

    static final List<String> SUPPORTED = List.of("nb", "en");

    private Languages() {
    }

    /** The given language when supported, else the fallback. */
    static String orDefault(String language, String fallback) {
        return language != null && SUPPORTED.contains(language) ? language : fallback;
    }
}
