package org.studysupport.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/**
 * Settings of the audit log, under {@code study-support.audit.*}.
 *
 * @param signingKeyFile a JWK (JSON) with the P-256 private key that signs checkpoints; when not set,
 *                       the key in {@code audit-signing-key.jwk} under the data directory, generated
 *                       at the first start
 */
@ConfigurationProperties("study-support.audit")
public record AuditProperties(Path signingKeyFile) {
}
