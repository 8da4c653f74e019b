package org.studysupport.web.reference;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.studysupport.api.reference.HospitalDirectory;
import org.studysupport.api.reference.ServiceCode;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** The service catalogue and the partner hospitals. */
@RestController
@RequestMapping("/api")
@Tag(name = "Reference data")
public class ReferenceDataController {

    private final HospitalDirectory hospitals;

    public ReferenceDataController(HospitalDirectory hospitals) {
        this.hospitals = hospitals;
    }

    public record ServiceEntry(String code, String name) {
    }

    public record HospitalEntry(String code, String name, List<ServiceCode> services, boolean acceptingRequests) {
    }

    @GetMapping("/services")
    @Operation(operationId = "listServices", summary = "The service catalogue")
    public List<ServiceEntry> services() {
        return Arrays.stream(ServiceCode.values()).map(s -> new ServiceEntry(s.name(), s.displayName())).toList();
    }

    @GetMapping("/hospitals")
    @Operation(operationId = "listHospitals", summary = "The partner hospitals and the services each offers")
    public List<HospitalEntry> hospitals() {
        return hospitals.all().stream()
                .map(h -> new HospitalEntry(h.code(), h.name(),
                        h.services().stream().sorted(Comparator.naturalOrder()).toList(), h.acceptingRequests()))
                .toList();
    }
}
