package org.studysupport.privacy;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/**
 * Settings of crypto-shredding, under {@code study-support.privacy.*}.
 *
 * @param masterKeyFile a Tink AEAD keyset (JSON) that wraps the subjects' keys; when not set, the
 *                      keyset in {@code privacy-master-key.json} under the data directory, generated
 *                      at the first start. Keep it out of the database and out of its backups.
 */
@ConfigurationProperties("study-support.privacy")
public record PrivacyProperties(Path masterKeyFile) {
}
