package org.studysupport.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a field of an answer that may be null (e.g. a request's {@code priority} before it is
 * accepted). Every field of an answer is always written, null or not; one without this mark is
 * never null. The published OpenAPI document derives each field's nullability from it, so the
 * document and the answers cannot disagree.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface Nullable {
}
