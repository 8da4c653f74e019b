package org.studysupport.web.page;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;

/** The pages' language follows the browser ({@link BrowserLanguage}). */
@Configuration(proxyBeanMethods = false)
public class PageConfiguration {

    @Bean
    LocaleResolver localeResolver() {
        return new BrowserLanguage();
    }
}
