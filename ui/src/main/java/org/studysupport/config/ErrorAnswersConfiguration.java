package org.studysupport.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Makes Tomcat report its own refusals as problem details ({@link ProblemErrorReportValve}). Runs
 * after Spring Boot's customizer, which installs Tomcat's plain error report valve, and replaces it;
 * the host is told so, or it would add the plain one again when it starts.
 */
@Configuration(proxyBeanMethods = false)
public class ErrorAnswersConfiguration {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports(ObjectMapper objectMapper) {
        return new ProblemErrorReports(objectMapper);
    }

    private record ProblemErrorReports(ObjectMapper objectMapper)
            implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                var pipeline = context.getParent().getPipeline();
                for (Valve valve : pipeline.getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        pipeline.removeValve(valve);
                    }
                }
                pipeline.addValve(new ProblemErrorReportValve(objectMapper));
                // the host adds a valve of this class at its start unless one is there already
                ((StandardHost) context.getParent()).setErrorReportValveClass(
                        ProblemErrorReportValve.class.getName());
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
