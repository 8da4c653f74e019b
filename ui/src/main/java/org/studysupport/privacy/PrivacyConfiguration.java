package org.studysupport.privacy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.studysupport.api.privacy.ContactView;
import org.studysupport.api.privacy.SealedContact;
import org.studysupport.config.StudySupportProperties;

import java.time.Clock;

/** The subjects' key vault with the installation's master key, and how a contact block is written as JSON. */
@Configuration(proxyBeanMethods = false)
public class PrivacyConfiguration {

    @Bean
    SubjectKeyVault subjectKeyVault(JdbcTemplate jdbc, PrivacyProperties privacy, StudySupportProperties properties,
                                    ObjectMapper objectMapper, Clock clock) {
        SubjectKeyVault vault = new SubjectKeyVault(jdbc, MasterKeys.load(privacy.masterKeyFile(),
                properties.dataDir()), objectMapper, clock);
        vault.requireMasterKeysOfStoredKeys();
        return vault;
    }

    /**
     * A contact block's sealed form is written only where there is one (in stored view documents),
     * so an opened or erased contact in an answer has just its four fields.
     */
    @Bean
    Jackson2ObjectMapperBuilderCustomizer contactViewJson() {
        return builder -> builder.mixIn(ContactView.class, ContactViewJson.class);
    }

    /** The API document shows a contact block as answers carry it: without the stored sealed form. */
    @Bean
    OpenApiCustomizer contactViewSchema() {
        return openApi -> {
            if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
                return;
            }
            Schema<?> contact = openApi.getComponents().getSchemas().get(ContactView.class.getSimpleName());
            if (contact != null && contact.getProperties() != null) {
                contact.getProperties().remove("sealed");
            }
        };
    }

    private abstract static class ContactViewJson {
        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract SealedContact sealed();
    }
}
