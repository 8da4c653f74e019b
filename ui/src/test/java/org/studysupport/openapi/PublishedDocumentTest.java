package org.studysupport.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.studysupport.support.PostgresApiTest;
import org.studysupport.support.PublishedDocument;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document in git ({@code docs/openapi.json}) is the one the application serves, so a
 * change to the API shows up in review. Run this test with {@code -Dopenapi.write=true} to rewrite
 * the file from the served document.
 */
class PublishedDocumentTest extends PostgresApiTest {

    @Test
    void theCommittedDocumentIsTheServedOne() throws IOException {
        JsonNode served = PublishedDocument.served(port);
        String servedText = PublishedDocument.canonical(served);
        Path committed = PublishedDocument.committedFile();

        if (Boolean.getBoolean("openapi.write")) {
            Files.writeString(committed, servedText);
        }

        assertThat(Files.exists(committed))
                .as("%s is missing; write it with: mvn -o -pl ui -am test -Dtest=PublishedDocumentTest "
                        + "-Dsurefire.failIfNoSpecifiedTests=false -Dopenapi.write=true", committed)
                .isTrue();
        assertThat(Files.readString(committed))
                .as("the served OpenAPI document differs from %s; if the change is meant, rewrite the file with: "
                        + "mvn -o -pl ui -am test -Dtest=PublishedDocumentTest "
                        + "-Dsurefire.failIfNoSpecifiedTests=false -Dopenapi.write=true", committed)
                .isEqualTo(servedText);
    }
}
