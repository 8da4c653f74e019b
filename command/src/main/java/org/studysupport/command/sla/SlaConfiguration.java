package org.studysupport.command.sla;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.studysupport.api.reference.HospitalDirectory;

import java.time.ZoneId;
import java.util.function.Predicate;

/**
 * Binds {@code study-support.sla} and offers the {@link SlaTargets} clocks start with. The calendar's
 * zone defaults to the application's {@code study-support.time-zone}; closed days of a hospital the
 * {@link HospitalDirectory} does not know fail the start (a mistyped code would otherwise lose a
 * unit's closure without a word).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SlaSettings.class)
public class SlaConfiguration {

    static final String APPLICATION_ZONE = "study-support.time-zone";
    static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Oslo");

    @Bean
    SlaTargets slaTargets(SlaSettings settings, Environment environment,
                          ObjectProvider<HospitalDirectory> hospitals) {
        ZoneId applicationZone = Binder.get(environment).bind(APPLICATION_ZONE, ZoneId.class).orElse(DEFAULT_ZONE);
        HospitalDirectory directory = hospitals.getIfAvailable();
        Predicate<String> knownHospital = directory == null ? SlaTargets.anyHospital()
                : code -> directory.find(code).isPresent();
        return new SlaTargets(settings, applicationZone, knownHospital);
    }
}
