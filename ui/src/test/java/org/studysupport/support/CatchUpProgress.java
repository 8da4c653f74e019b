package org.studysupport.support;

import org.springframework.jdbc.core.JdbcTemplate;
import org.studysupport.query.request.RequestViewCatchUp;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How far the request view's catch-up processor has read the log, from its stored tokens. */
public final class CatchUpProgress {

    private static final Pattern TOKEN_INDEX = Pattern.compile("\"(?:globalIndex|index)\"\\s*:\\s*(\\d+)");

    private CatchUpProgress() {
    }

    /** Whether every segment of the catch-up processor has handled the request's newest event. */
    public static boolean passed(JdbcTemplate jdbc, String requestId) {
        Long newest = jdbc.queryForObject("select max(global_index) from domain_event_entry"
                + " where aggregate_identifier = ?", Long.class, requestId);
        List<byte[]> tokens = jdbc.queryForList("select token from token_entry where processor_name = ?",
                byte[].class, RequestViewCatchUp.PROCESSING_GROUP);
        return newest != null && !tokens.isEmpty() && tokens.stream()
                .allMatch(token -> token != null && lowestIndex(new String(token, StandardCharsets.UTF_8)) >= newest);
    }

    private static long lowestIndex(String token) {
        Matcher matcher = TOKEN_INDEX.matcher(token);
        long lowest = Long.MAX_VALUE;
        while (matcher.find()) {
            lowest = Math.min(lowest, Long.parseLong(matcher.group(1)));
        }
        return lowest == Long.MAX_VALUE ? -1 : lowest;
    }
}
