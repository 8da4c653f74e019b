package org.studysupport.web.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.studysupport.api.problem.InvalidInputException;
import org.studysupport.application.WebhookService;
import org.studysupport.web.Paging;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * The hospitals' webhook endpoints (ADMIN): every event about a hospital's assignments is POSTed to
 * its endpoints, signed with the endpoint's secret (docs/api.md, Notifications and webhooks).
 */
@RestController
@RequestMapping("/api/admin/webhooks")
@Tag(name = "Notifications")
public class WebhookController {

    static final int URL_MAX = 2000;
    static final int DESCRIPTION_MAX = 500;
    static final int REASON_MAX = 2000;

    private final WebhookService webhooks;

    public WebhookController(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    /**
     * @param hospital    the code of the partner hospital whose assignments' events the endpoint receives
     * @param url         where they are POSTed: https:// (plain http:// to a loopback address only where
     *                    {@code study-support.notifications.webhooks.allow-http-loopback} is set)
     * @param description what the endpoint is, for the administrators
     */
    public record Registration(@NotBlank @Size(max = 32) String hospital, @NotBlank @Size(max = URL_MAX) String url,
                               @Size(max = DESCRIPTION_MAX) String description) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "registerWebhook", summary = "Registers a hospital's webhook endpoint and answers with its"
            + " generated secret, the only time the secret is shown (ADMIN)")
    @ApiResponse(responseCode = "201", description = "registered; the endpoint with its secret")
    public ResponseEntity<WebhookService.RegisteredWebhook> register(@Valid @RequestBody Registration body) {
        WebhookService.RegisteredWebhook registered = webhooks.register(body.hospital(), body.url(), body.description());
        return ResponseEntity.created(URI.create("/api/admin/webhooks/" + registered.id())).body(registered);
    }

    @GetMapping
    @Operation(operationId = "listWebhooks", summary = "Every webhook endpoint, removed ones too, without secrets (ADMIN)")
    public List<WebhookService.Webhook> list() {
        return webhooks.list();
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "removeWebhook", summary = "Removes a webhook endpoint: nothing more is sent to it; it"
            + " stays listed as removed, by whom, when and why (ADMIN). 409 when it was removed already")
    @ApiResponse(responseCode = "204", description = "removed")
    public void remove(@PathVariable UUID id,
                       @Parameter(description = "why the endpoint is removed")
                       @RequestParam(required = false) String reason) {
        if (reason != null && (reason.isBlank() || reason.length() > REASON_MAX)) {
            throw new InvalidInputException("reason", "a reason is 1 to " + REASON_MAX + " characters");
        }
        webhooks.remove(id, reason);
    }

    @GetMapping("/{id}/deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "The messages to a webhook endpoint, newest first, each"
            + " with its attempts and its next attempt (ADMIN)")
    public WebhookService.DeliveryPage deliveries(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page,
                                                  @RequestParam(defaultValue = "20") int size) {
        Paging.check(page, size);
        return webhooks.deliveries(id, page, size);
    }

    @PostMapping("/{id}/deliveries/{messageId}/resend")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(operationId = "resendWebhookDelivery", summary = "Sends a delivered, failed or dropped message to the"
            + " endpoint again, with the same id, recording who asked and when (ADMIN). 409 while it is pending or"
            + " once the endpoint was removed")
    @ApiResponse(responseCode = "202", description = "due again at once; the delivery as it now stands")
    public WebhookService.WebhookDelivery resend(@PathVariable UUID id, @PathVariable UUID messageId) {
        return webhooks.resend(id, messageId);
    }
}
