package org.studysupport.web.request;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.studysupport.api.reference.ServiceCode;
import org.studysupport.api.request.CommentVisibility;
import org.studysupport.api.request.Priority;

/** The bodies of the actions on a request; limits as in the API contract. */
public final class ActionBodies {

    static final int REASON_MAX = 2000;
    static final int TEXT_MAX = 10000;

    private ActionBodies() {
    }

    public record Question(@NotBlank @Size(max = REASON_MAX) String question) {
    }

    public record Answer(@NotBlank @Size(max = TEXT_MAX) String answer) {
    }

    public record Accept(@NotNull Priority priority, @Size(max = REASON_MAX) String note) {
    }

    public record Reason(@NotBlank @Size(max = REASON_MAX) String reason) {
    }

    public record Assign(@NotNull ServiceCode service, @NotBlank @Size(max = 20) String hospital,
                         @Size(max = REASON_MAX) String note) {
    }

    public record Reassign(@NotBlank @Size(max = 20) String hospital, @NotBlank @Size(max = REASON_MAX) String reason) {
    }

    public record Summary(@NotBlank @Size(max = TEXT_MAX) String summary) {
    }

    public record Outcome(@NotBlank @Size(max = TEXT_MAX) String outcome) {
    }

    public record Comment(@NotBlank @Size(max = TEXT_MAX) String text, @NotNull CommentVisibility visibility) {
    }

    /** {@code {}}: the acknowledge action takes nothing. */
    public record Empty() {
    }
}
