package org.studysupport.query.access;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.studysupport.api.access.RequestScope;

/**
 * A {@link RequestScope} as SQL: the condition on a {@code request_view} row that
 * {@link RequestScope#includes} states in memory. The investigator is the row's
 * {@code investigator_id}; the hospitals are those of its {@code assignment_view} rows, which hold
 * every assignment the request ever had, as the view's own assignment list does.
 */
public final class ScopeSql {

    private static final String VIEWER_ID = "scopeInvestigator";
    private static final String VIEWER_HOSPITAL = "scopeHospital";

    private ScopeSql() {
    }

    /**
     * The condition, to follow a {@code where}: {@code " and …"}, or nothing for every request.
     *
     * @param request the alias of the {@code request_view} table in the statement
     */
    public static String and(RequestScope scope, String request, MapSqlParameterSource parameters) {
        return switch (scope.reach()) {
            case EVERY_REQUEST -> "";
            case OWN_REQUESTS -> {
                parameters.addValue(VIEWER_ID, scope.party());
                yield " and " + request + ".investigator_id = :" + VIEWER_ID;
            }
            case HOSPITAL_ASSIGNMENTS -> {
                parameters.addValue(VIEWER_HOSPITAL, scope.party());
                yield " and exists (select 1 from assignment_view scoped where scoped.request_id = " + request
                        + ".id and scoped.hospital = :" + VIEWER_HOSPITAL + ")";
            }
            case NO_REQUEST -> " and 1 = 0";
        };
    }
}
