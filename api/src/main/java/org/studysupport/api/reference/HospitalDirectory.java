package org.studysupport.api.reference;

import java.util.List;
import java.util.Optional;

/** Looks up the partner hospitals. The list is reference data, configured, not code. */
public interface HospitalDirectory {

    List<Hospital> all();

    Optional<Hospital> find(String code);
}
