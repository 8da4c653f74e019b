package org.studysupport.web.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import io.swagger.v3.core.converter.ModelConverters;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.studysupport.live.QueueEvent;
import org.studysupport.web.Paging;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The published OpenAPI document ({@code /v3/api-docs}, committed as {@code docs/openapi.json}):
 * what it says beyond what springdoc reads from the controllers. Security (HTTP Basic for the demo
 * users, bearer JWT in production), the problem answers of every operation, the 202 answer of the
 * actions, paging bounds, the event stream's format, and the shape rules of the answers
 * ({@link AnswerSchemas}, {@link NullableFields}).
 */
@Configuration(proxyBeanMethods = false)
public class ApiDocumentConfiguration {

    static final String BASIC = "basicAuth";
    static final String BEARER = "bearerAuth";
    private static final String QUEUE_EVENT = "QueueEvent";
    private static final String SORT_PATTERN = "^(submittedAt|updatedAt|priority|slaDueAt)(,(asc|desc))?$";
    private static final String REQUEST_VIEW = "#/components/schemas/RequestView";

    @Bean
    OpenAPI studySupportDocument() {
        Components components = new Components()
                .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                        .description("The demo users of the embedded default (password demo); off in production"))
                .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .bearerFormat("JWT")
                        .description("An OAuth2 access token of the configured identity provider"))
                .addHeaders("Location", new Header().description("where the request can be read")
                        .schema(new StringSchema().format("uri-reference")
                                .example("/api/requests/9f0c2a52-0d53-4d8e-9b5e-2f7f3c1d9a10")));
        ProblemAnswers.declare(components);
        return new OpenAPI()
                .info(new Info().title("Study Support API").version("1")
                        .description("Investigators submit study support requests; coordinators triage them and"
                                + " assign services to partner hospitals; hospitals acknowledge, decline and complete"
                                + " their assignments; auditors read the history. Every refusal is an RFC 9457"
                                + " problem (application/problem+json)."))
                .servers(List.of(new Server().url("http://localhost:8080")
                        .description("the embedded default; a deployment serves the same paths on its own address")))
                .components(components)
                .tags(List.of(
                        tag("Requests", "Submit, follow and work study support requests"),
                        tag("Queues", "The work waiting for coordinators and hospitals, and its live changes"),
                        tag("Reference data", "The service catalogue and the partner hospitals"),
                        tag("Insight", "Hospital recommendations and statistics"),
                        tag("Audit", "The audit trail and who read it"),
                        tag("Privacy", "Erasure of personal data and the keys that seal it"),
                        tag("Operations", "Read models and dead letters"),
                        tag("Notifications", "The hospitals' webhook endpoints and their delivery logs")))
                .security(List.of(new SecurityRequirement().addList(BASIC), new SecurityRequirement().addList(BEARER)));
    }

    private static Tag tag(String name, String description) {
        return new Tag().name(name).description(description);
    }

    @Bean
    OpenApiCustomizer studySupportRules() {
        return document -> {
            document.getPaths().forEach((path, item) -> item.readOperationsMap()
                    .forEach((method, operation) -> describe(path, method, operation)));
            describeEventStream(document);
            AnswerSchemas.removeUnused(document, ProblemAnswers.PROBLEM_SCHEMA, QUEUE_EVENT);
            AnswerSchemas.apply(document, QUEUE_EVENT);
            TextFieldValues.apply(document);
            FieldExamples.apply(document);
        };
    }

    private static void describe(String path, PathItem.HttpMethod method, Operation operation) {
        if (operation.getParameters() != null) {
            operation.getParameters().forEach(ApiDocumentConfiguration::describeQueryParameter);
        }
        if (method == PathItem.HttpMethod.POST) {
            describeStoredButNotReadable(operation);
        }
        ApiResponse created = operation.getResponses().get("201");
        if (created != null) {
            created.addHeaderObject("Location", locationHeader());
        }
        ProblemAnswers.listOn(path, method, operation);
    }

    /** An action answers 202 with the request's location when its change is stored but not yet readable. */
    private static void describeStoredButNotReadable(Operation operation) {
        ApiResponse accepted = operation.getResponses().get("202");
        if (accepted == null && answersWithRequestView(operation.getResponses().get("200"))) {
            accepted = new ApiResponse().description("stored, but the request does not show the change yet: read it"
                    + " at Location in a moment (never a 200 without the change)");
            operation.getResponses().addApiResponse("202", accepted);
        }
        if (accepted != null) {
            accepted.addHeaderObject("Location", locationHeader());
        }
    }

    private static boolean answersWithRequestView(ApiResponse ok) {
        return ok != null && ok.getContent() != null && ok.getContent().values().stream()
                .anyMatch(media -> media.getSchema() != null && REQUEST_VIEW.equals(media.getSchema().get$ref()));
    }

    private static Header locationHeader() {
        return new Header().$ref("#/components/headers/Location");
    }

    /** The bounds of paging (from {@link Paging}) and the form of a sort. */
    private static void describeQueryParameter(Parameter parameter) {
        if (!"query".equals(parameter.getIn()) || parameter.getSchema() == null) {
            return;
        }
        if ("page".equals(parameter.getName())) {
            parameter.getSchema().setMinimum(BigDecimal.ZERO);
            parameter.setDescription("the page, from 0");
        } else if ("size".equals(parameter.getName())) {
            parameter.getSchema().setMinimum(BigDecimal.ONE);
            parameter.getSchema().setMaximum(BigDecimal.valueOf(Paging.MAX_SIZE));
            parameter.setDescription("items per page, 1 to " + Paging.MAX_SIZE);
        } else if ("sort".equals(parameter.getName())) {
            parameter.getSchema().setPattern(SORT_PATTERN);
            parameter.setDescription("a field, optionally followed by ,asc or ,desc (default newest first)");
            parameter.setExample("submittedAt,desc");
        }
    }

    /** The live stream answers text/event-stream; springdoc would describe the emitter object instead. */
    private static void describeEventStream(OpenAPI document) {
        PathItem stream = document.getPaths().get("/api/queues/stream");
        if (stream == null || stream.getGet() == null) {
            return;
        }
        Schema<String> events = new StringSchema().description("Server-sent events (text/event-stream). Each"
                + " change is one event: `id:` the change's number in commit order (send the last one received as"
                + " Last-Event-ID to resume), `event: queue-change`, and `data:` one line of JSON, a QueueEvent"
                + " (see that schema). A client that falls behind gets a last `event: resume` whose data is"
                + " `{\"lastEventId\", \"reason\"}`, and the stream ends: reconnect with that id, nothing is lost."
                + " Comment lines (starting with a colon) keep the connection open and carry nothing.")
                .example("id: 4711\nevent: queue-change\ndata: {\"position\":4711,\"requestId\":"
                        + "\"9f0c2a52-0d53-4d8e-9b5e-2f7f3c1d9a10\",\"reference\":\"SR-2026-00042\","
                        + "\"status\":\"ACCEPTED\",\"eventType\":\"RequestAccepted\",\"inTriage\":true,"
                        + "\"hospitals\":[],\"occurredAt\":\"2026-11-26T09:15:00Z\"}\n\n");
        MediaType eventStream = new MediaType().schema(events);
        // the schema of each event's data line, for readers and generators that look for it
        eventStream.addExtension("x-event-data", Map.of("$ref", "#/components/schemas/" + QUEUE_EVENT));
        stream.getGet().getResponses().addApiResponse("200", new ApiResponse()
                .description("a stream that stays open; one event per change the caller may see")
                .content(new Content().addMediaType(org.springframework.http.MediaType.TEXT_EVENT_STREAM_VALUE,
                        eventStream)));
        Map<String, Schema> schemas = document.getComponents().getSchemas();
        schemas.remove("SseEmitter");
        ModelConverters.getInstance().readAll(QueueEvent.class).forEach(schemas::putIfAbsent);
    }
}
