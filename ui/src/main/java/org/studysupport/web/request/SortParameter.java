package org.studysupport.web.request;

import org.studysupport.api.problem.InvalidInputException;
import org.studysupport.api.query.RequestSort;

import java.util.Map;

/** Reads {@code sort=<field>[,asc|,desc]}, for the API's list and the requests page alike. */
public final class SortParameter {

    private static final Map<String, RequestSort.Field> FIELDS = Map.of(
            "submittedAt", RequestSort.Field.SUBMITTED_AT,
            "updatedAt", RequestSort.Field.UPDATED_AT,
            "priority", RequestSort.Field.PRIORITY,
            "slaDueAt", RequestSort.Field.SLA_DUE_AT);

    private SortParameter() {
    }

    public static RequestSort parse(String sort) {
        if (sort == null || sort.isBlank()) {
            return RequestSort.newestFirst();
        }
        String[] parts = sort.split(",", -1);
        RequestSort.Field field = FIELDS.get(parts[0].trim());
        if (field == null || parts.length > 2) {
            throw new InvalidInputException("sort", "must be one of " + FIELDS.keySet() + ", then ,asc or ,desc");
        }
        if (parts.length == 1) {
            return new RequestSort(field, true);
        }
        String direction = parts[1].trim();
        if (!direction.equals("asc") && !direction.equals("desc")) {
            throw new InvalidInputException("sort", "direction must be asc or desc");
        }
        return new RequestSort(field, direction.equals("asc"));
    }
}
