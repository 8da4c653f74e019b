package org.studysupport.query.request;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;
import org.studysupport.api.query.RequestView;

/** Turns a request view into the JSON document stored in its row, and back. */
@Component
public class ViewDocuments {

    private final ObjectMapper objectMapper;

    public ViewDocuments(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    public String write(RequestView view) {
        try {
            return objectMapper.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the view of request " + view.id(), e);
        }
    }

    public RequestView read(String document) {
        try {
            return objectMapper.readValue(document, RequestView.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot read a stored request view", e);
        }
    }
}
