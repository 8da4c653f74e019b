package org.studysupport.security;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.studysupport.support.LocalIdentityProvider;

import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The identity provider's key set, fetched over HTTP from a local stand-in: an outage is recorded
 * with its reason, the provider is not asked again before the retry interval has passed, and the
 * first attempt after it that succeeds ends the outage.
 */
class TokenIssuerTest {

    private static final Duration RETRY = Duration.ofMillis(500);

    private final LocalIdentityProvider provider = LocalIdentityProvider.started();

    @AfterEach
    void stop() {
        provider.close();
    }

    @Test
    void aKeySetThatCannotBeFetchedIsAnOutageUntilItCanBe() {
        TokenIssuer issuer = new TokenIssuer(null, provider.keySet(), Duration.ofSeconds(1), RETRY,
                Clock.systemUTC());
        provider.failing(true);

        TokenIssuer.Outage outage = issuer.check().orElseThrow();
        assertThat(outage.reason()).contains("cannot fetch its key set from " + provider.keySet(), "500");
        assertThat(outage.retryAt()).isEqualTo(outage.since().plus(RETRY));

        // within the retry interval the provider is not asked again
        assertThat(issuer.check()).isPresent();
        assertThat(provider.keySetRequests()).isEqualTo(1);

        provider.failing(false);
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> issuer.check().isEmpty());
        assertThat(issuer.outage()).isEmpty();
        assertThat(provider.keySetRequests()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void theKeySetIsFoundThroughTheIssuersMetadataAndThenKept() {
        TokenIssuer issuer = new TokenIssuer(provider.issuer(), null, Duration.ofSeconds(1), RETRY,
                Clock.systemUTC());

        assertThat(issuer.check()).isEmpty();
        assertThat(issuer.check()).isEmpty();

        assertThat(issuer.keySetAddress()).hasValue(provider.keySet());
        assertThat(provider.metadataRequests()).isEqualTo(1);
        assertThat(provider.keySetRequests()).isEqualTo(1);
    }
}
