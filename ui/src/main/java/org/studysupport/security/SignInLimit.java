package org.studysupport.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Counts failed password sign-ins per user name and per client address, and says when a sign-in
 * must wait. A failure takes a token from both buckets (Bucket4j); a success takes none. The buckets
 * live in bounded Caffeine maps that forget a key once its bucket would be full again anyway.
 * <p>
 * Failures are heard as Spring Security's {@link AuthenticationFailureBadCredentialsEvent} of a user
 * name and password, whose details carry the address the container saw
 * ({@code request.getRemoteAddr()}). Bearer-token failures are not counted: a token cannot be guessed.
 */
@Component
public class SignInLimit {

    private final SignInLimitSettings settings;
    private final Cache<String, Bucket> users;
    private final Cache<String, Bucket> addresses;

    public SignInLimit(SignInLimitSettings settings) {
        this.settings = settings;
        this.users = buckets(settings);
        this.addresses = buckets(settings);
    }

    /**
     * How long a sign-in as this user from this address must wait, or empty when it may go ahead
     * (and have its password checked).
     */
    public Optional<Duration> waitBefore(String user, String address) {
        if (!settings.enabled()) {
            return Optional.empty();
        }
        Duration wait = max(wait(users.getIfPresent(userKey(user))), wait(addresses.getIfPresent(address)));
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    /** Takes one token from the user's and the address's buckets. */
    public void failed(String user, String address) {
        if (!settings.enabled()) {
            return;
        }
        users.get(userKey(user), key -> bucket(settings.perUser())).tryConsume(1);
        if (address != null) {
            addresses.get(address, key -> bucket(settings.perAddress())).tryConsume(1);
        }
    }

    @EventListener
    void onBadCredentials(AuthenticationFailureBadCredentialsEvent event) {
        if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken signIn) {
            String address = signIn.getDetails() instanceof WebAuthenticationDetails details
                    ? details.getRemoteAddress() : null;
            failed(signIn.getName(), address);
        }
    }

    private Bucket bucket(int capacity) {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, settings.period()))
                .build();
    }

    private static Duration wait(Bucket bucket) {
        if (bucket == null || bucket.getAvailableTokens() > 0) {
            return Duration.ZERO;
        }
        return Duration.ofNanos(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill());
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** User names are compared without case, so that "Coordinator" is no fresh bucket for "coordinator". */
    private static String userKey(String user) {
        return user == null ? "" : user.toLowerCase(Locale.ROOT);
    }

    private static Cache<String, Bucket> buckets(SignInLimitSettings settings) {
        return Caffeine.newBuilder()
                .maximumSize(settings.trackedKeys())
                .expireAfterAccess(settings.period())
                .build();
    }
}
