package org.studysupport.web.page;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

import java.util.List;
import java.util.Locale;

/**
 * The pages' language: Norwegian bokmål or English, the first of the two the browser asks for
 * ({@code Accept-Language}, in its order of preference). Norwegian in any of its tags ({@code nb},
 * {@code no}, {@code nn}) is bokmål; a browser that asks for neither gets bokmål, the network's
 * language. There is no language switch of our own: the browser's setting is the user's choice
 * (Spring's header resolver, whose {@code setLocale} refuses a change, with our choice of language).
 */
public final class BrowserLanguage extends AcceptHeaderLocaleResolver {

    public static final Locale BOKMAL = Locale.forLanguageTag("nb");
    public static final Locale ENGLISH = Locale.ENGLISH;

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        return of(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
    }

    /** The language for an {@code Accept-Language} header value (null or malformed: bokmål). */
    public static Locale of(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return BOKMAL;
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(acceptLanguage);
        } catch (IllegalArgumentException malformed) {
            return BOKMAL;
        }
        for (Locale.LanguageRange range : ranges) {
            String language = range.getRange().split("-", 2)[0].toLowerCase(Locale.ROOT);
            switch (language) {
                case "nb", "no", "nn" -> {
                    return BOKMAL;
                }
                case "en" -> {
                    return ENGLISH;
                }
                default -> {
                    // a language the pages are not written in: look further down the list
                }
            }
        }
        return BOKMAL;
    }
}
