package org.studysupport.notification;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * POSTs a webhook message to its endpoint, signed by the Standard Webhooks scheme
 * ({@link WebhookSignature}), within the configured connect and read time-outs; any 2xx answer
 * delivers it. A removed endpoint gets nothing more.
 */
class WebhookSender implements Sender {

    private final HttpClient http;
    private final WebhookEndpoints endpoints;
    private final Duration readTimeout;
    private final boolean allowHttp;
    private final Clock clock;

    WebhookSender(HttpClient http, WebhookEndpoints endpoints, Duration readTimeout, boolean allowHttp, Clock clock) {
        this.allowHttp = allowHttp;
        this.http = http;
        this.endpoints = endpoints;
        this.readTimeout = readTimeout;
        this.clock = clock;
    }

    @Override
    public Delivery send(Outbox.Claimed message) throws InterruptedException {
        Optional<WebhookEndpoints.Endpoint> endpoint = endpoints.find(message.endpointId());
        if (endpoint.isEmpty() || endpoint.get().removed()) {
            return Delivery.dropped("the endpoint was removed");
        }
        URI url = URI.create(endpoint.get().url());
        if (!"https".equalsIgnoreCase(url.getScheme()) && !allowHttp) {
            // registered while plain http to loopback was allowed, and it no longer is
            return Delivery.dropped("the endpoint is not https:// and plain http is not allowed");
        }
        String id = message.id().toString();
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(readTimeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "study-support-webhooks")
                .header("webhook-id", id)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSignature.sign(endpoints.secretOf(message.endpointId()), id,
                        timestamp, message.body()))
                .POST(HttpRequest.BodyPublishers.ofString(message.body(), StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            return status >= 200 && status < 300 ? Delivery.delivered(status)
                    : Delivery.failed(status, "the receiver answered HTTP " + status);
        } catch (HttpTimeoutException e) {
            return Delivery.failed(null, "timed out: " + e.getMessage());
        } catch (IOException e) {
            return Delivery.failed(null, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
