package org.studysupport.api.request;

import java.time.LocalDate;
import java.util.List;

/** What the investigator tells about the study. Holds no personal data: contact details live in {@link ContactDetails}. */
public record StudyDetails(
        String title,
        String acronym,
        StudyPhase studyPhase,
        String sponsor,
        String therapeuticArea,
        FundingStatus fundingStatus,
        LocalDate plannedStartDate,
        List<String> countries,
        Integer plannedSites,
        String description) {

    public StudyDetails {
        countries = countries == null ? List.of() : List.copyOf(countries);
    }
}
