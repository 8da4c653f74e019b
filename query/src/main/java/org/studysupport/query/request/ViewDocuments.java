package org.studysupport.query.request;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;
import org.studysupport.api.query.RequestSummary;
import org.studysupport.api.query.RequestView;

/** Turns a request view, and its summary, into the JSON documents stored in its row, and back. */
@Component
public class ViewDocuments {

    private final ObjectMapper objectMapper;

    public ViewDocuments(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    public String write(RequestView view) {
        return json(view);
    }

    public RequestView read(String document) {
        return value(document, RequestView.class);
    }

    public String writeSummary(RequestSummary summary) {
        return json(summary);
    }

    public RequestSummary readSummary(String document) {
        return value(document, RequestSummary.class);
    }

    private String json(Object value) {
        try {
            return objectMapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a " + value.getClass().getSimpleName(), e);
        }
    }

    private <T> T value(String document, Class<T> type) {
        try {
            return objectMapper.readValue(document, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot read a stored " + type.getSimpleName(), e);
        }
    }
}
