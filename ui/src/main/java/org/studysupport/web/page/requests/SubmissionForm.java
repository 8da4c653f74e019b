package org.studysupport.web.page.requests;

import org.springframework.validation.Errors;
import org.studysupport.api.reference.ServiceCode;
import org.studysupport.api.request.FundingStatus;
import org.studysupport.api.request.StudyPhase;
import org.studysupport.web.request.SubmitRequestBody;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The submission form as the browser sends it: every field as typed, under the API's JSON names
 * ({@code contact.name} for the nested contact), so a form with mistakes comes back exactly as the
 * user left it. {@link #toBody} turns it into the API's {@link SubmitRequestBody}, which is then
 * validated and sent as the API does; the form itself checks only what the JSON parser checks for
 * the API (a number is a number, a choice is one of the list).
 */
public class SubmissionForm {

    private String idempotencyKey;
    private String title;
    private String acronym;
    private String studyPhase;
    private String sponsor;
    private String therapeuticArea;
    private String fundingStatus;
    /** The language of the e-mail the investigator gets about the request: {@code nb} or {@code en}. */
    private String language;
    private String plannedStartDate;
    private String countries;
    private String plannedSites;
    private String description;
    private List<String> services = new ArrayList<>();
    private Contact contact = new Contact();

    /** The contact person, as typed. */
    public static class Contact {
        private String name;
        private String email;
        private String phone;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getEmail() {
            return email;
        }

        public void setEmail(String email) {
            this.email = email;
        }

        public String getPhone() {
            return phone;
        }

        public void setPhone(String phone) {
            this.phone = phone;
        }
    }

    /**
     * The API's body for what was typed: empty optional fields are absent (as in JSON that leaves
     * them out), countries are the codes between commas or spaces, and the description's line
     * breaks are line feeds as an API client sends them (a browser sends a text area's as CR LF,
     * which would also count twice against its length limit). A value the JSON parser would
     * refuse (a number that is not one, a choice not on the list) is rejected on its field and left
     * out of the body; the caller checks {@code errors} before using the body.
     */
    SubmitRequestBody toBody(Errors errors) {
        return new SubmitRequestBody(title, blankToNull(acronym),
                choice(studyPhase, StudyPhase.class, "studyPhase", errors),
                blankToNull(sponsor), blankToNull(therapeuticArea),
                choice(fundingStatus, FundingStatus.class, "fundingStatus", errors),
                date(plannedStartDate, "plannedStartDate", errors), countryList(countries),
                number(plannedSites, "plannedSites", errors), lineFeeds(description), serviceList(errors),
                new SubmitRequestBody.Contact(contact.getName(), contact.getEmail(), blankToNull(contact.getPhone())),
                blankToNull(language));
    }

    private List<ServiceCode> serviceList(Errors errors) {
        List<ServiceCode> codes = new ArrayList<>();
        for (String service : services == null ? List.<String>of() : services) {
            ServiceCode code = choice(service, ServiceCode.class, "services", errors);
            if (code != null) {
                codes.add(code);
            }
        }
        return codes;
    }

    private static List<String> countryList(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        return Arrays.stream(typed.trim().split("[,\\s]+")).filter(code -> !code.isEmpty()).toList();
    }

    private static <E extends Enum<E>> E choice(String typed, Class<E> type, String field, Errors errors) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, typed);
        } catch (IllegalArgumentException e) {
            errors.rejectValue(field, "requests.invalid.choice", "invalid value '" + typed + "'");
            return null;
        }
    }

    private static LocalDate date(String typed, String field, Errors errors) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(typed.trim());
        } catch (DateTimeParseException e) {
            errors.rejectValue(field, "requests.invalid.date", "must be a date (YYYY-MM-DD)");
            return null;
        }
    }

    private static Integer number(String typed, String field, Errors errors) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(typed.trim());
        } catch (NumberFormatException e) {
            errors.rejectValue(field, "requests.invalid.number", "must be a whole number");
            return null;
        }
    }

    private static String lineFeeds(String typed) {
        return typed == null ? null : typed.replace("\r\n", "\n");
    }

    private static String blankToNull(String typed) {
        return typed == null || typed.isBlank() ? null : typed;
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public void setIdempotencyKey(String idempotencyKey) {
        this.idempotencyKey = idempotencyKey;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getAcronym() {
        return acronym;
    }

    public void setAcronym(String acronym) {
        this.acronym = acronym;
    }

    public String getStudyPhase() {
        return studyPhase;
    }

    public void setStudyPhase(String studyPhase) {
        this.studyPhase = studyPhase;
    }

    public String getSponsor() {
        return sponsor;
    }

    public void setSponsor(String sponsor) {
        this.sponsor = sponsor;
    }

    public String getTherapeuticArea() {
        return therapeuticArea;
    }

    public void setTherapeuticArea(String therapeuticArea) {
        this.therapeuticArea = therapeuticArea;
    }

    public String getFundingStatus() {
        return fundingStatus;
    }

    public void setFundingStatus(String fundingStatus) {
        this.fundingStatus = fundingStatus;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    public String getPlannedStartDate() {
        return plannedStartDate;
    }

    public void setPlannedStartDate(String plannedStartDate) {
        this.plannedStartDate = plannedStartDate;
    }

    public String getCountries() {
        return countries;
    }

    public void setCountries(String countries) {
        this.countries = countries;
    }

    public String getPlannedSites() {
        return plannedSites;
    }

    public void setPlannedSites(String plannedSites) {
        this.plannedSites = plannedSites;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public List<String> getServices() {
        return services;
    }

    public void setServices(List<String> services) {
        this.services = services;
    }

    public Contact getContact() {
        return contact;
    }

    public void setContact(Contact contact) {
        this.contact = contact;
    }
}
