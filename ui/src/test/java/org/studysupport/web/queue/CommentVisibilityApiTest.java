package org.studysupport.web.queue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.studysupport.support.Api;
import org.studysupport.support.PostgresApiTest;
import org.studysupport.support.Workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** PUBLIC and INTERNAL comments: INTERNAL ones are never shown to investigators. */
class CommentVisibilityApiTest extends PostgresApiTest {

    private static List<String> commentTexts(JsonNode view) {
        List<String> texts = new ArrayList<>();
        view.path("comments").forEach(comment -> texts.add(comment.path("text").asText()));
        return texts;
    }

    @Test
    void internalCommentsAreHiddenFromTheInvestigatorAndShownToCoordinatorsHospitalStaffAndAuditors() {
        Workflow flow = new Workflow(port);
        String title = "Comments " + UUID.randomUUID();
        String id = flow.submit("investigator1", title, "MONITORING").path("id").asText();
        flow.accept(id, "NORMAL");
        flow.assign(id, "MONITORING", "OUS");
        String secret = "internal-" + UUID.randomUUID();
        String hospitalSecret = "hospital-internal-" + UUID.randomUUID();
        String open = "public-" + UUID.randomUUID();

        JsonNode coordinatorAnswer = flow.comment("coordinator", id, secret, "INTERNAL");
        assertThat(commentTexts(coordinatorAnswer)).containsExactly(secret);
        JsonNode hospitalAnswer = flow.comment("ous-staff", id, hospitalSecret, "INTERNAL");
        assertThat(commentTexts(hospitalAnswer)).containsExactly(secret, hospitalSecret);
        flow.comment("coordinator", id, open, "PUBLIC");

        for (String insider : List.of("coordinator", "ous-staff", "auditor", "admin")) {
            JsonNode view = flow.view(insider, id);
            assertThat(commentTexts(view)).as(insider).containsExactly(secret, hospitalSecret, open);
            assertThat(view.path("comments").get(0).path("visibility").asText()).isEqualTo("INTERNAL");
            assertThat(view.path("comments").get(0).path("author").asText()).isEqualTo("coordinator");
            assertThat(view.path("comments").get(2).path("visibility").asText()).isEqualTo("PUBLIC");
        }

        Api.Answer investigatorView = as("investigator1").get("/api/requests/" + id);
        assertThat(investigatorView.status()).isEqualTo(200);
        assertThat(commentTexts(investigatorView.body())).containsExactly(open);
        assertThat(investigatorView.body().toString()).doesNotContain(secret).doesNotContain(hospitalSecret);

        Api.Answer investigatorList = as("investigator1").get("/api/requests?q=" + title.substring(9));
        assertThat(Workflow.ids(investigatorList.body())).containsExactly(id);
        assertThat(investigatorList.body().toString()).doesNotContain(secret).doesNotContain(hospitalSecret);

        // the view an investigator's own action answers with is redacted too
        JsonNode afterOwnComment = flow.comment("investigator1", id, "Thank you", "PUBLIC");
        assertThat(commentTexts(afterOwnComment)).containsExactly(open, "Thank you");
        assertThat(afterOwnComment.toString()).doesNotContain(secret);
        JsonNode afterWithdrawal = flow.withdraw("investigator1", id);
        assertThat(commentTexts(afterWithdrawal)).containsExactly(open, "Thank you");

        // a comment is still possible on a final request, and the investigator still sees only PUBLIC ones
        flow.comment("coordinator", id, secret + "-late", "INTERNAL");
        assertThat(commentTexts(flow.view("investigator1", id))).containsExactly(open, "Thank you");
        assertThat(commentTexts(flow.view("coordinator", id))).hasSize(5);
    }

    @Test
    void investigatorsMayNotWriteInternalComments() {
        Workflow flow = new Workflow(port);
        String id = flow.submit("investigator1", "Comments " + UUID.randomUUID(), "MONITORING").path("id").asText();
        Api.Answer answer = as("investigator1").post("/api/requests/" + id + "/comments",
                Map.of("text", "psst", "visibility", "INTERNAL"));
        assertThat(answer.status()).isEqualTo(403);
        assertThat(flow.view("coordinator", id).path("comments")).isEmpty();
    }

    @Test
    void otherUsersCannotReadTheCommentsOfARequestTheyCannotSee() {
        Workflow flow = new Workflow(port);
        String id = flow.submit("investigator1", "Comments " + UUID.randomUUID(), "MONITORING").path("id").asText();
        flow.accept(id, "NORMAL");
        flow.assign(id, "MONITORING", "OUS");
        flow.comment("coordinator", id, "internal note", "INTERNAL");
        assertThat(as("hus-staff").get("/api/requests/" + id).status()).isEqualTo(404);
        assertThat(as("investigator2").get("/api/requests/" + id).status()).isEqualTo(404);
        assertThat(as("auditor").post("/api/requests/" + id + "/comments",
                Map.of("text", "auditors read", "visibility", "PUBLIC")).status()).isEqualTo(403);
    }
}
