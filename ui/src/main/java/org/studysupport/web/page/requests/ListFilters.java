package org.studysupport.web.page.requests;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * The filters of the requests page as given in its address (blank ones absent), so that the pager's
 * links and a shared address show the same list.
 */
public record ListFilters(String q, String status, String service, String hospital, String priority,
                          String sort, String size) {

    /** The sort of a list that names none: newest first, as the API's. */
    public static final String DEFAULT_SORT = "submittedAt,desc";

    public ListFilters {
        q = blankToNull(q);
        status = blankToNull(status);
        service = blankToNull(service);
        hospital = blankToNull(hospital);
        priority = blankToNull(priority);
        sort = blankToNull(sort);
        size = blankToNull(size);
    }

    /** The sort the list is in, for the form's selection. */
    public String sortOrDefault() {
        return sort == null ? DEFAULT_SORT : sort;
    }

    /** The path of the given page of this list, with every filter kept. */
    public String link(int page) {
        UriComponentsBuilder link = UriComponentsBuilder.fromPath("/requests");
        add(link, "q", q);
        add(link, "status", status);
        add(link, "service", service);
        add(link, "hospital", hospital);
        add(link, "priority", priority);
        add(link, "sort", sort);
        add(link, "size", size);
        if (page > 0) {
            link.queryParam("page", page);
        }
        return link.encode().build().toUriString();
    }

    /** Whether any filter narrows the list (sorting and page size do not). */
    public boolean filtering() {
        return q != null || status != null || service != null || hospital != null || priority != null;
    }

    private static void add(UriComponentsBuilder link, String name, String value) {
        if (value != null) {
            link.queryParam(name, value);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
