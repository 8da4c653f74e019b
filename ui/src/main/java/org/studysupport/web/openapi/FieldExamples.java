package org.studysupport.web.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;

import java.util.Map;

/**
 * Examples for the fields a reader meets in most answers, by field name, taken from the contract's
 * own examples (docs/api.md): what a reference, a hospital code or a user id looks like. Spectral
 * checks each against its field's schema.
 */
final class FieldExamples {

    private static final Map<String, Object> EXAMPLES = Map.of(
            "reference", "SR-2026-00042",
            "title", "Low-dose colchicine after myocardial infarction",
            "acronym", "COLCHI-MI",
            "investigatorId", "investigator1",
            "hospital", "OUS",
            "askedBy", "coordinator",
            "author", "coordinator");

    private FieldExamples() {
    }

    @SuppressWarnings("rawtypes")
    static void apply(OpenAPI document) {
        for (Schema<?> schema : document.getComponents().getSchemas().values()) {
            if (schema.getProperties() == null) {
                continue;
            }
            schema.getProperties().forEach((name, property) -> {
                Object example = EXAMPLES.get(name);
                if (example != null && property.getExample() == null && "string".equals(((Schema) property).getType())
                        && property.getEnum() == null) {
                    property.setExample(example);
                }
            });
        }
    }
}
