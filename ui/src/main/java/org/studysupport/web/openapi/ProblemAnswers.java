package org.studysupport.web.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The refusals of the API in the published document: one RFC 9457 problem schema, one shared
 * response per status, and each operation listing the statuses it can answer with. Which statuses
 * an operation lists follows from its shape: any call may be malformed (400, also from the HTTP
 * firewall before a controller is reached), unauthenticated (401), not allowed (403), ask for a
 * type the operation does not produce (406), be refused by the sign-in limit (429), meet an
 * unexpected failure (500) or an identity provider that cannot be reached (503); one with a path
 * parameter may name something unknown or invisible to the caller (404); an action (POST, DELETE) may be refused
 * in the current state or lose to a concurrent change (409); one with a body may send too much
 * (413) or the wrong content type (415).
 */
final class ProblemAnswers {

    static final String PROBLEM_JSON = "application/problem+json";
    static final String PROBLEM_SCHEMA = "Problem";

    private static final Map<String, String> DESCRIPTIONS = descriptions();

    private ProblemAnswers() {
    }

    static void declare(Components components) {
        components.addSchemas("FieldProblem", new ObjectSchema()
                .description("One invalid field of a request: its name (a JSON path or a parameter) and what is wrong.")
                .addProperty("field", new StringSchema().example("title"))
                .addProperty("message", new StringSchema().example("must not be blank"))
                .required(List.of("field", "message")));
        components.addSchemas(PROBLEM_SCHEMA, new ObjectSchema()
                .description("An RFC 9457 problem: why a call was refused or failed. Nothing was changed.")
                .addProperty("type", new StringSchema().format("uri-reference").example("/problems/validation")
                        .description("identifies the kind of problem"))
                .addProperty("title", new StringSchema().example("Invalid input"))
                .addProperty("status", new IntegerSchema().format("int32").example(400))
                .addProperty("detail", new StringSchema().example("One or more fields are missing or invalid."))
                .addProperty("instance", new StringSchema().format("uri-reference")
                        .description("the path of the call, where known"))
                .addProperty("errors", new ArraySchema().items(new Schema<>().$ref(ref("FieldProblem")))
                        .description("with 400 for invalid input: each invalid field"))
                .addProperty("errorId", new StringSchema()
                        .description("with 500: the id under which the failure was logged"))
                .required(List.of("type", "title", "status", "detail")));
        DESCRIPTIONS.forEach((status, description) -> components.addResponses(responseName(status),
                new ApiResponse().description(description).content(new Content().addMediaType(PROBLEM_JSON,
                        new MediaType().schema(new Schema<>().$ref(ref(PROBLEM_SCHEMA)))))));
        components.getResponses().get(responseName("429")).addHeaderObject("Retry-After", new Header()
                .description("seconds until the next sign-in is taken").schema(new IntegerSchema().format("int64")));
    }

    static void listOn(String path, PathItem.HttpMethod method, Operation operation) {
        ApiResponses responses = operation.getResponses();
        for (String status : List.of("400", "401", "403", "406", "429", "500", "503")) {
            add(responses, status);
        }
        if (path.contains("{")) {
            add(responses, "404");
        }
        if (method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.DELETE) {
            add(responses, "409");
        }
        if (operation.getRequestBody() != null) {
            add(responses, "413");
            add(responses, "415");
        }
    }

    private static void add(ApiResponses responses, String status) {
        if (!responses.containsKey(status)) {
            responses.addApiResponse(status, new ApiResponse().$ref("#/components/responses/" + responseName(status)));
        }
    }

    private static String responseName(String status) {
        return "Problem" + status;
    }

    private static String ref(String schema) {
        return "#/components/schemas/" + schema;
    }

    private static Map<String, String> descriptions() {
        Map<String, String> descriptions = new LinkedHashMap<>();
        descriptions.put("400", "Malformed call: invalid JSON, a missing or invalid field or parameter (listed in"
                + " errors), an unknown enum value, or a path the HTTP firewall refuses");
        descriptions.put("401", "Not signed in, wrong credentials, or a bearer token that cannot be verified");
        descriptions.put("403", "Signed in, but not allowed to do this");
        descriptions.put("404", "Unknown id, or one the caller may not see");
        descriptions.put("406", "None of the media types in Accept is produced here");
        descriptions.put("409", "Not allowed in the current state, a concurrent change won (retry), or an"
                + " Idempotency-Key reused with another path or body");
        descriptions.put("413", "Body larger than the limit (256 KiB by default)");
        descriptions.put("415", "Body not sent as application/json");
        descriptions.put("429", "Too many failed sign-ins for this user name or client address; see Retry-After");
        descriptions.put("500", "Unexpected failure; quote errorId when reporting it");
        descriptions.put("503", "The identity provider cannot be reached, so a bearer token cannot be checked now");
        return descriptions;
    }
}
