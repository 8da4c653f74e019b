package org.studysupport.web.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import org.studysupport.api.query.SlaView;
import org.studysupport.api.request.RequestStatus;
import org.studysupport.api.security.Role;
import org.studysupport.api.sla.Clock;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The values of answer fields that are text in Java but take a closed set of values, taken from
 * the domain's own types and constants so that the document follows them: a clock's name and
 * state, a request's status in a stream event, the role that asked a question. And the e-mail
 * format of a contact's address.
 */
final class TextFieldValues {

    private static final Map<String, Map<String, List<String>>> VALUES = Map.of(
            "SlaView", Map.of(
                    "clock", names(Clock.values()),
                    "state", List.of(SlaView.RUNNING, SlaView.PAUSED, SlaView.BREACHED, SlaView.MET)),
            "SlaRecord", Map.of("clock", names(Clock.values())),
            "QueueEvent", Map.of("status", names(RequestStatus.values())),
            "ClarificationView", Map.of("askedByRole", List.of(Role.COORDINATOR.name(), Role.HOSPITAL.name())));

    private TextFieldValues() {
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    static void apply(OpenAPI document) {
        Map<String, Schema> schemas = document.getComponents().getSchemas();
        VALUES.forEach((schemaName, fields) -> {
            Schema schema = schemas.get(schemaName);
            if (schema == null || schema.getProperties() == null) {
                return;
            }
            fields.forEach((field, values) -> {
                Schema property = (Schema) schema.getProperties().get(field);
                if (property != null) {
                    property.setEnum(values);
                }
            });
        });
        Schema contact = schemas.get("ContactView");
        if (contact != null && contact.getProperties() != null && contact.getProperties().get("email") != null) {
            ((Schema) contact.getProperties().get("email")).setFormat("email");
        }
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
