package org.studysupport.web.openapi;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.studysupport.api.Nullable;
import org.springframework.stereotype.Component;

import java.lang.annotation.Annotation;
import java.util.List;

/**
 * Declares a field nullable in the published document exactly when its record component carries
 * {@link Nullable}: the one rule from which the document's nullability follows, so that it cannot
 * drift from the answers field by field.
 */
@Component
public class NullableFields implements PropertyCustomizer {

    @Override
    public Schema customize(Schema property, AnnotatedType type) {
        Annotation[] annotations = type.getCtxAnnotations();
        if (annotations == null) {
            return property;
        }
        for (Annotation annotation : annotations) {
            if (annotation.annotationType() == Nullable.class) {
                return nullable(property);
            }
        }
        return property;
    }

    /**
     * A reference is wrapped in a nullable {@code allOf} of one (springdoc drops a {@code nullable}
     * beside a {@code $ref}); {@link AnswerSchemas} turns that into a nullable schema referred to.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema nullable(Schema property) {
        if (property.get$ref() == null) {
            property.setNullable(true);
            return property;
        }
        return new Schema<>().nullable(true).allOf(List.of(new Schema<>().$ref(property.get$ref())));
    }
}
