package org.studysupport.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.HstsHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter.XFrameOptionsMode;

import java.time.Duration;
import java.util.List;

/**
 * The security headers of every answer. Spring Security writes them on the answers of its filter
 * chain; the few answers given before that chain (a body too large by its declared length, a
 * request the firewall or Tomcat refuses) write the same ones through {@link #writeTo}, so that one
 * list says what every answer carries.
 * <ul>
 *     <li>a Content-Security-Policy that lets the Swagger UI page load its own scripts, styles and
 *     images from this origin and nothing else (plus its logo's one inline style, by hash), and
 *     lets no page frame us;</li>
 *     <li>{@code X-Content-Type-Options: nosniff}, so that a browser never reads a JSON answer (which
 *     may carry user text) as markup;</li>
 *     <li>{@code X-Frame-Options: DENY} for browsers that do not know {@code frame-ancestors};</li>
 *     <li>{@code Referrer-Policy: no-referrer}: request ids in our URLs go nowhere else;</li>
 *     <li>{@code Cache-Control: no-store} (with its older companions), as answers carry personal data;</li>
 *     <li>HSTS, written only on requests the application sees as secure (TLS here, or
 *     {@code X-Forwarded-Proto: https} from a trusted proxy, see docs/operations.md).</li>
 * </ul>
 */
public final class SecurityHeaders {

    /**
     * The one inline style of the Swagger UI page: the {@code <style>} element of its logo (Swagger UI
     * 5.30.1), allowed by its hash rather than by allowing inline styles at all. Another Swagger UI
     * version may change it; {@code SecurityHeadersApiTest} says so.
     */
    static final String SWAGGER_UI_LOGO_STYLE = "'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='";

    /** Same origin only; the Swagger UI needs no inline script and no page may frame ours. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; "
            + "style-src 'self' " + SWAGGER_UI_LOGO_STYLE + "; img-src 'self' data:; font-src 'self'; "
            + "connect-src 'self'; manifest-src 'self'; form-action 'self'; base-uri 'none'; "
            + "frame-ancestors 'none'";

    private static final Duration HSTS_MAX_AGE = Duration.ofDays(365);

    private static final List<HeaderWriter> WRITERS = List.of(
            new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY),
            new XContentTypeOptionsHeaderWriter(),
            new XFrameOptionsHeaderWriter(XFrameOptionsMode.DENY),
            new ReferrerPolicyHeaderWriter(ReferrerPolicy.NO_REFERRER),
            new CacheControlHeadersWriter(),
            hsts());

    private SecurityHeaders() {
    }

    /** The writers, in the order Spring Security's header filter applies them. */
    public static List<HeaderWriter> writers() {
        return WRITERS;
    }

    /** Writes the headers on an answer given outside Spring Security's filter chain. */
    public static void writeTo(HttpServletRequest request, HttpServletResponse response) {
        WRITERS.forEach(writer -> writer.writeHeaders(request, response));
    }

    private static HstsHeaderWriter hsts() {
        HstsHeaderWriter hsts = new HstsHeaderWriter();
        hsts.setMaxAgeInSeconds(HSTS_MAX_AGE.toSeconds());
        hsts.setIncludeSubDomains(true);
        return hsts;
    }
}
