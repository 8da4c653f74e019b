package org.studysupport.privacy;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.studysupport.config.SecretFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;

/**
 * The installation's master key (key-encryption key): a Tink AEAD keyset kept as a JSON file outside
 * the database, so that a copy of the database alone opens no contact. Read from the configured file,
 * or generated at the first start into the data directory (readable by its owner only, where the
 * file system allows) and read from there on later starts. A keyset may hold several keys: the
 * primary one wraps new subject keys, the others still unwrap what they wrapped (rotation).
 */
public final class MasterKeys {

    public static final String DEFAULT_FILE = "privacy-master-key.json";
    private static final Logger log = LoggerFactory.getLogger(MasterKeys.class);

    private MasterKeys() {
    }

    /** The configured keyset, or the data directory's, generated there when missing. */
    public static KeysetHandle load(Path configuredFile, Path dataDir) {
        register();
        if (configuredFile != null) {
            return read(configuredFile);
        }
        Path file = dataDir.resolve(DEFAULT_FILE);
        if (!Files.exists(file)) {
            generate(file);
        }
        return read(file);
    }

    static KeysetHandle read(Path file) {
        try {
            return TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(file, StandardCharsets.UTF_8),
                    InsecureSecretKeyAccess.get());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the privacy master key " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The privacy master key " + file + " is not a Tink keyset", e);
        }
    }

    private static void generate(Path file) {
        KeysetHandle keyset;
        String json;
        try {
            keyset = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
            json = TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot generate an AES-256-GCM keyset", e);
        }
        if (SecretFiles.createOnce(file, () -> json, "the privacy master key")) {
            log.info("Generated the privacy master key {} in {}", keyset.getPrimary().getId(), file);
        }
    }

    static void register() {
        try {
            AeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot register Tink's AEAD primitives", e);
        }
    }
}
