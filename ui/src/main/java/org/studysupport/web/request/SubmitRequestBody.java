package org.studysupport.web.request;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.studysupport.api.reference.ServiceCode;
import org.studysupport.api.request.ContactDetails;
import org.studysupport.api.request.FundingStatus;
import org.studysupport.api.request.StudyDetails;
import org.studysupport.api.request.StudyPhase;
import org.studysupport.api.request.SubmitRequest;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The body of {@code POST /api/requests}. */
public record SubmitRequestBody(
        @NotBlank @Size(max = 300) String title,
        @Size(max = 50) String acronym,
        @NotNull StudyPhase studyPhase,
        @Size(max = 300) String sponsor,
        @Size(max = 200) String therapeuticArea,
        @NotNull FundingStatus fundingStatus,
        LocalDate plannedStartDate,
        @Size(max = 100) List<@NotNull @IsoCountry String> countries,
        @Min(1) @Max(10000) Integer plannedSites,
        @NotBlank @Size(max = 20000) String description,
        @NotEmpty @DistinctElements List<@NotNull ServiceCode> services,
        @NotNull @Valid Contact contact,
        @Schema(description = "the investigator's language for the e-mail sent to them: nb (Norwegian bokmål) or en;"
                + " absent or null for the site's default", allowableValues = {"nb", "en"}, nullable = true)
        @Pattern(regexp = "nb|en", message = "must be nb or en") String language) {

    public record Contact(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Email @Size(max = 254) String email,
            @Size(max = 40) @Pattern(regexp = "[+0-9 ()-]*", message = "must be a phone number") String phone) {
    }

    public SubmitRequest toCommand(UUID requestId) {
        return new SubmitRequest(requestId,
                new StudyDetails(title, acronym, studyPhase, sponsor, therapeuticArea, fundingStatus,
                        plannedStartDate, countries, plannedSites, description),
                services, new ContactDetails(contact.name(), contact.email(), contact.phone()), language);
    }
}
