package org.studysupport.web.page.audit;

import jakarta.servlet.http.HttpServletRequest;
import org.studysupport.web.audit.AuditedReads;

/** What the access trail keeps of a read made through a page: the page's path and its query. */
final class PageReads {

    private PageReads() {
    }

    /** E.g. {@code /audit/requests/…?asOf=2026-12-01T14:05:03Z}: the path tells a page's read from the API's. */
    static String detail(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String query = AuditedReads.detail(request);
        return query == null ? path : path + "?" + query;
    }

    /** The page's path with the given query, for a read whose query the page composed itself. */
    static String detail(HttpServletRequest request, String query) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path + "?" + query;
    }
}
