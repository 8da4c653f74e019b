package org.studysupport.privacy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
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
        return new SubjectKeyVault(jdbc, MasterKeys.load(privacy.masterKeyFile(), properties.dataDir()),
                objectMapper, clock);
    }

    /**
     * A contact block's sealed form is written only where there is one (in stored view documents),
     * so an opened or erased contact in an answer has just its four fields.
     */
    @Bean
    Jackson2ObjectMapperBuilderCustomizer contactViewJson() {
        return builder -> builder.mixIn(ContactView.class, ContactViewJson.class);
    }

    private abstract static class ContactViewJson {
        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract SealedContact sealed();
    }
}
