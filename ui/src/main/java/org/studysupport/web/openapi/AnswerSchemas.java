package org.studysupport.web.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The shape rules of every answer's schema. The application writes every field of an answer, null
 * or not ({@code spring.jackson.default-property-inclusion: always}), so every property of a schema
 * that an answer uses is required; where a nullable property refers to another schema, the schema
 * referred to is marked nullable. Request bodies keep the required fields their validation declares.
 */
final class AnswerSchemas {

    private static final String REF_PREFIX = "#/components/schemas/";

    private AnswerSchemas() {
    }

    /**
     * @param alsoAnswers schemas of answers that no response refers to (e.g. the events of a
     *                    stream, whose body is text)
     */
    static void apply(OpenAPI document, String... alsoAnswers) {
        Map<String, Schema> schemas = document.getComponents().getSchemas();
        Set<String> answers = answerSchemaNames(document);
        answers.addAll(List.of(alsoAnswers));
        for (String name : answers) {
            Schema<?> schema = schemas.get(name);
            if (schema != null && schema.getProperties() != null) {
                schema.setRequired(new ArrayList<>(schema.getProperties().keySet()));
            }
        }
        List.copyOf(schemas.values()).forEach(schema -> markNullableReferences(schemas, schema));
    }

    /**
     * Removes the schemas that nothing refers to (springdoc also lists the types of fields that
     * Jackson never writes), keeping the given ones.
     */
    static void removeUnused(OpenAPI document, String... keep) {
        Set<String> used = new java.util.HashSet<>(List.of(keep));
        Deque<Schema<?>> open = new ArrayDeque<>();
        document.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
            if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
                open.addAll(mediaSchemas(operation.getRequestBody().getContent()));
            }
            if (operation.getParameters() != null) {
                operation.getParameters().stream().filter(p -> p.getSchema() != null)
                        .forEach(p -> open.add(p.getSchema()));
            }
        }));
        used.addAll(reachable(document, open));
        used.addAll(answerSchemaNames(document));
        List.copyOf(used).forEach(name -> {
            Schema<?> schema = document.getComponents().getSchemas().get(name);
            if (schema != null) {
                used.addAll(reachable(document, new ArrayDeque<>(List.of(schema))));
            }
        });
        document.getComponents().getSchemas().keySet().removeIf(name -> !used.contains(name));
    }

    /** The schemas reachable from any response of any operation. */
    private static Set<String> answerSchemaNames(OpenAPI document) {
        Deque<Schema<?>> open = new ArrayDeque<>();
        document.getPaths().values().forEach(path -> path.readOperations().stream()
                .map(Operation::getResponses)
                .flatMap(responses -> responses.values().stream())
                .map(ApiResponse::getContent)
                .filter(content -> content != null)
                .flatMap(content -> mediaSchemas(content).stream())
                .forEach(open::add));
        return reachable(document, open);
    }

    private static Set<String> reachable(OpenAPI document, Deque<Schema<?>> open) {
        Set<String> names = new LinkedHashSet<>();
        while (!open.isEmpty()) {
            Schema<?> schema = open.pop();
            if (schema.get$ref() != null) {
                String name = schema.get$ref().substring(REF_PREFIX.length());
                Schema<?> target = document.getComponents().getSchemas().get(name);
                if (names.add(name) && target != null) {
                    open.push(target);
                }
                continue;
            }
            if (schema.getProperties() != null) {
                schema.getProperties().values().forEach(open::push);
            }
            if (schema.getItems() != null) {
                open.push(schema.getItems());
            }
            if (schema.getAllOf() != null) {
                schema.getAllOf().forEach(open::push);
            }
            if (schema.getAdditionalProperties() instanceof Schema<?> values) {
                open.push(values);
            }
        }
        return names;
    }

    private static List<Schema<?>> mediaSchemas(Content content) {
        List<Schema<?>> found = new ArrayList<>();
        content.values().forEach(media -> {
            if (media.getSchema() != null) {
                found.add(media.getSchema());
            }
        });
        return found;
    }

    /**
     * A nullable field that refers to another schema: OpenAPI 3.0 ignores {@code nullable} beside a
     * {@code $ref}, and validators do not let null through an {@code allOf}, so the schema referred
     * to is marked nullable. Where the same schema is also used as a whole answer (a rebuild's
     * status), that answer is then declared more loosely than it is: never null in fact.
     */
    @SuppressWarnings("rawtypes")
    private static void markNullableReferences(Map<String, Schema> schemas, Schema<?> schema) {
        if (schema.getProperties() == null) {
            return;
        }
        for (Map.Entry<String, Schema> property : schema.getProperties().entrySet()) {
            Schema value = property.getValue();
            if (Boolean.TRUE.equals(value.getNullable()) && value.getAllOf() != null && value.getAllOf().size() == 1
                    && ((Schema) value.getAllOf().get(0)).get$ref() != null) {
                String ref = ((Schema) value.getAllOf().get(0)).get$ref();
                property.setValue(new Schema<>().$ref(ref));
                Schema target = schemas.get(ref.substring(REF_PREFIX.length()));
                if (target != null) {
                    target.setNullable(true);
                }
            }
        }
    }
}
