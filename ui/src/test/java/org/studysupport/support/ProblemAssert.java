package org.studysupport.support;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions on RFC 9457 problem answers. */
public final class ProblemAssert {

    private ProblemAssert() {
    }

    /** A problem+json answer with the given status and the members every problem must have. */
    public static JsonNode assertProblem(Api.Answer answer, int status) {
        assertThat(answer.status()).as("status of %s", answer.body()).isEqualTo(status);
        assertThat(answer.headers().getContentType())
                .as("content type of a %d answer", status)
                .isNotNull()
                .matches(type -> type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON),
                        "is application/problem+json");
        JsonNode body = answer.body();
        assertThat(body).as("problem body").isNotNull();
        assertThat(body.path("type").asText("")).as("type").isNotBlank();
        assertThat(body.path("title").asText("")).as("title").isNotBlank();
        assertThat(body.path("status").asInt()).as("status member").isEqualTo(status);
        assertThat(body.path("detail").asText("")).as("detail").isNotBlank();
        return body;
    }

    /** A 400 problem whose {@code errors} name the given field (exactly, or as a prefix like {@code services[0]}). */
    public static JsonNode assertInvalidField(Api.Answer answer, String field) {
        JsonNode body = assertProblem(answer, 400);
        JsonNode errors = body.path("errors");
        assertThat(errors.isArray()).as("errors array in %s", body).isTrue();
        assertThat(errors.size()).as("errors in %s", body).isPositive();
        boolean named = false;
        for (JsonNode error : errors) {
            assertThat(error.path("message").asText("")).as("message of %s", error).isNotBlank();
            String name = error.path("field").asText("");
            if (name.equals(field) || name.startsWith(field + "[") || name.startsWith(field + ".")) {
                named = true;
            }
        }
        assertThat(named).as("an error for field '%s' in %s", field, errors).isTrue();
        return body;
    }
}
