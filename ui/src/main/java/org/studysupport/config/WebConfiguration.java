package org.studysupport.config;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.xml.MappingJackson2XmlHttpMessageConverter;
import org.springframework.http.converter.yaml.MappingJackson2YamlHttpMessageConverter;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/**
 * The schedulers of the live-update feed, and an HTTP API that speaks JSON only: the holiday
 * library of the service-level calendar brings Jackson's XML module to read its own data files, and the OpenAPI library Jackson's YAML module;
 * Spring MVC would otherwise start reading and writing XML and YAML bodies too.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class WebConfiguration implements WebMvcConfigurer {

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        converters.removeIf(MappingJackson2XmlHttpMessageConverter.class::isInstance);
        converters.removeIf(MappingJackson2YamlHttpMessageConverter.class::isInstance);
    }
}
