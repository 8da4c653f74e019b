package org.studysupport.reference;

import org.springframework.stereotype.Component;
import org.studysupport.api.reference.Hospital;
import org.studysupport.api.reference.HospitalDirectory;
import org.studysupport.config.StudySupportProperties;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The partner hospitals as configured under {@code study-support.hospitals}. */
@Component
public class ConfiguredHospitalDirectory implements HospitalDirectory {

    private final Map<String, Hospital> hospitals = new LinkedHashMap<>();

    public ConfiguredHospitalDirectory(StudySupportProperties properties) {
        for (StudySupportProperties.HospitalSettings settings : properties.hospitals()) {
            if (settings.code() == null || settings.code().isBlank() || settings.name() == null) {
                throw new IllegalStateException("Every configured hospital needs a code and a name");
            }
            Hospital hospital = new Hospital(settings.code(), settings.name(),
                    settings.services() == null ? java.util.Set.of() : settings.services(),
                    settings.acceptingRequests());
            if (hospitals.put(hospital.code(), hospital) != null) {
                throw new IllegalStateException("Hospital " + hospital.code() + " is configured twice");
            }
        }
    }

    @Override
    public List<Hospital> all() {
        return List.copyOf(hospitals.values());
    }

    @Override
    public Optional<Hospital> find(String code) {
        return Optional.ofNullable(code).map(hospitals::get);
    }
}
