package org.studysupport.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.studysupport.api.reference.ServiceCode;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * The application's own settings, under {@code study-support.*} in application.yml.
 *
 * @param dataDir          where the embedded database lives
 * @param timeZone         the zone of the network's calendar (reference years, working days)
 * @param requestBodyLimit largest accepted request body, in bytes
 * @param nodeId           this node's name in the event processors' token claims and in cluster_node; must differ between
 *                         nodes sharing a database (default: the JVM's name, {@code pid@host})
 * @param hospitals        the partner hospitals and the services each offers
 */
@ConfigurationProperties("study-support")
public record StudySupportProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("Europe/Oslo") ZoneId timeZone,
        @DefaultValue("262144") long requestBodyLimit,
        @DefaultValue Security security,
        @DefaultValue DemoData demoData,
        String nodeId,
        List<HospitalSettings> hospitals) {

    public StudySupportProperties {
        hospitals = hospitals == null ? List.of() : List.copyOf(hospitals);
    }

    /** This node's name: the configured node id, or else the JVM's name ({@code pid@host}). */
    public String nodeName() {
        return nodeId != null && !nodeId.isBlank() ? nodeId : ManagementFactory.getRuntimeMXBean().getName();
    }

    /**
     * @param demoUsers whether the demo users of the API contract may sign in with HTTP Basic
     * @param jwt       how bearer tokens name the user, their role and their hospital
     */
    public record Security(@DefaultValue("false") boolean demoUsers, @DefaultValue Jwt jwt) {
    }

    /**
     * Claims of a bearer token (JWT). Tokens are accepted once Spring's
     * {@code spring.security.oauth2.resourceserver.jwt.*} names an issuer, key set or public key.
     *
     * @param userClaim     the user id (falls back to {@code sub})
     * @param roleClaim     a role name or a list of them (INVESTIGATOR, COORDINATOR, HOSPITAL, AUDITOR, ADMIN)
     * @param hospitalClaim the hospital code of hospital staff
     * @param verifiedTokens how many verified tokens are kept, so that a client's next request with
     *                       the same token is not verified again
     * @param verifiedFor    how long a verified token is kept at most (never past its expiry)
     * @param issuerTimeout  how long a call to the token issuer (its metadata, its key set) may take
     *                       to connect, and again to answer
     * @param issuerRetry    while the issuer's keys cannot be fetched, how long requests with a token
     *                       are answered 503 without asking the issuer again (also their
     *                       {@code Retry-After}); the first request after it asks again
     */
    public record Jwt(@DefaultValue("preferred_username") String userClaim,
                      @DefaultValue("roles") String roleClaim,
                      @DefaultValue("hospital") String hospitalClaim,
                      @DefaultValue("10000") int verifiedTokens,
                      @DefaultValue("5m") Duration verifiedFor,
                      @DefaultValue("5s") Duration issuerTimeout,
                      @DefaultValue("10s") Duration issuerRetry) {
    }

    /** @param enabled whether an empty store gets a few demo requests at start */
    public record DemoData(@DefaultValue("false") boolean enabled) {
    }

    public record HospitalSettings(String code, String name, @DefaultValue("true") boolean acceptingRequests,
                                   Set<ServiceCode> services) {
    }
}
