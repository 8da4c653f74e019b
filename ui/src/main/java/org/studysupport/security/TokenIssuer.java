package org.studysupport.security;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The identity provider that signs bearer tokens, as the source of the keys that verify them. Its
 * key set is found at a configured address or, from the issuer alone, through the issuer's OpenID
 * metadata; it is fetched when first needed, kept for a while, and fetched again when a token names
 * a key it lacks.
 * <p>
 * The provider may be out of reach. Then this source says so ({@link #outage()}), logs it once when
 * it begins and once when it ends, and does not ask the provider again until the retry interval has
 * passed: requests with a token fail fast in between, and the first one after it tries again, so
 * the application recovers by itself when the provider is back.
 */
public final class TokenIssuer implements JWKSource<SecurityContext> {

    private static final Logger log = LoggerFactory.getLogger(TokenIssuer.class);
    private static final JWKSelector ANY_KEY = new JWKSelector(new JWKMatcher.Builder().build());
    private static final int KEY_SET_SIZE_LIMIT = 512 * 1024;

    /** Why the provider's keys cannot be had, since when, and when to ask again. */
    public record Outage(String reason, Instant since, Instant retryAt) {
    }

    private final String issuer;
    private final String configuredKeySet;
    private final Duration timeout;
    private final Duration retry;
    private final Clock clock;

    private volatile JWKSource<SecurityContext> keys;
    private volatile String keySetAddress;
    private volatile Outage outage;

    /**
     * @param issuer    the issuer's URI, used to find the key set when none is configured (may be null
     *                  when the key set is)
     * @param keySet    the key set's URI (null: from the issuer's metadata)
     * @param timeout   how long connecting, and then reading, may take each
     * @param retry     how long to wait, while the keys cannot be fetched, before asking again
     */
    public TokenIssuer(String issuer, String keySet, Duration timeout, Duration retry, Clock clock) {
        if (issuer == null && keySet == null) {
            throw new IllegalArgumentException("Name the token issuer or its key set");
        }
        this.issuer = issuer;
        this.configuredKeySet = keySet;
        this.timeout = timeout;
        this.retry = retry;
        this.clock = clock;
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
        Outage current = outage;
        if (current != null && clock.instant().isBefore(current.retryAt())) {
            throw new KeySourceException("The token issuer's keys cannot be fetched: " + current.reason());
        }
        try {
            List<JWK> found = keys().get(selector, context);
            reached();
            return found;
        } catch (RateLimitReachedException fetchedMomentsAgo) {
            // the keys were fetched a moment ago and the token's key is not among them
            throw fetchedMomentsAgo;
        } catch (KeySourceException unreachable) {
            failed(unreachable instanceof IssuerUnreachable known ? known.getMessage()
                    : "cannot fetch its key set from " + keySetAddress + ": " + rootMessage(unreachable));
            throw unreachable;
        }
    }

    /** Fetches the keys unless they are at hand (or an outage says not yet); empty when that works. */
    public Optional<Outage> check() {
        try {
            get(ANY_KEY, null);
        } catch (RateLimitReachedException fetchedMomentsAgo) {
            // reachable a moment ago
        } catch (KeySourceException unreachable) {
            // recorded as the outage
        }
        return Optional.ofNullable(outage);
    }

    /** Present while the provider's keys cannot be fetched. */
    public Optional<Outage> outage() {
        return Optional.ofNullable(outage);
    }

    /** How long a client should wait before trying again during an outage. */
    public Duration retryAfter() {
        return retry;
    }

    /** The issuer, or the key set's address when no issuer is named: what the health check shows. */
    public String name() {
        return issuer != null ? issuer : configuredKeySet;
    }

    /** The key set's address once known (configured, or found in the issuer's metadata). */
    public Optional<String> keySetAddress() {
        return Optional.ofNullable(keySetAddress);
    }

    private JWKSource<SecurityContext> keys() throws KeySourceException {
        JWKSource<SecurityContext> known = keys;
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (keys == null) {
                String address = configuredKeySet != null ? configuredKeySet : discoverKeySet();
                int millis = Math.toIntExact(timeout.toMillis());
                keys = JWKSourceBuilder.<SecurityContext>create(url(address),
                                new DefaultResourceRetriever(millis, millis, KEY_SET_SIZE_LIMIT))
                        .cache(JWKSourceBuilder.DEFAULT_CACHE_TIME_TO_LIVE, timeout.toMillis())
                        .refreshAheadCache(false)
                        // a token naming an unknown key fetches the set again at most twice per interval
                        .rateLimited(retry.toMillis())
                        .retrying(false)
                        .outageTolerant(false)
                        .build();
                keySetAddress = address;
            }
            return keys;
        }
    }

    private String discoverKeySet() throws KeySourceException {
        int millis = Math.toIntExact(timeout.toMillis());
        try {
            URI address = OIDCProviderMetadata.resolve(new Issuer(issuer), millis, millis).getJWKSetURI();
            if (address == null) {
                throw new IssuerUnreachable("its OpenID metadata names no key set (jwks_uri)", null);
            }
            return address.toString();
        } catch (GeneralException | IOException e) {
            throw new IssuerUnreachable("cannot read its OpenID metadata from " + issuer
                    + "/.well-known/openid-configuration: " + rootMessage(e), e);
        }
    }

    private synchronized void reached() {
        Outage ended = outage;
        if (ended != null) {
            outage = null;
            log.info("Token issuer {} is reachable again (out of reach since {}); bearer tokens are verified again",
                    name(), ended.since());
        }
    }

    private synchronized void failed(String reason) {
        Instant now = clock.instant();
        Outage previous = outage;
        outage = new Outage(reason, previous == null ? now : previous.since(), now.plus(retry));
        if (previous == null) {
            // once per outage, without a stack trace: every request with a token would repeat it
            log.warn("Token issuer {} cannot be reached: {}. Requests with a bearer token are answered 503 until it "
                    + "can; it is asked again at most every {} s", name(), reason, retry.toSeconds());
        } else {
            log.debug("Token issuer {} still cannot be reached: {}", name(), reason);
        }
    }

    private static URL url(String address) throws KeySourceException {
        try {
            return URI.create(address).toURL();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IssuerUnreachable("its key set's address is not a URL: " + address, e);
        }
    }

    /** The provider's metadata could not be had: the message is the reason an operator reads. */
    private static final class IssuerUnreachable extends KeySourceException {
        IssuerUnreachable(String reason, Throwable cause) {
            super(reason, cause);
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
    }
}
