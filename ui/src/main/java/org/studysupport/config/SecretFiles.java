package org.studysupport.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Supplier;

/**
 * Key files that the application generates once in its data directory (the audit signing key, the
 * privacy master key). A file appears whole or not at all: the key is written to a private temporary
 * file beside it and then linked under its name, which fails when another process was first. So
 * nodes that share a data directory and start at once all read the same, complete key.
 */
public final class SecretFiles {

    private static final Logger log = LoggerFactory.getLogger(SecretFiles.class);

    private SecretFiles() {
    }

    /**
     * Writes {@code content} to {@code file}, readable by its owner only, unless the file exists.
     *
     * @param what names the key in messages, e.g. "the audit signing key"
     * @return whether this call wrote the file (false: it was there, or another process was first)
     */
    public static boolean createOnce(Path file, Supplier<String> content, String what) {
        if (Files.exists(file)) {
            return false;
        }
        Path directory = file.toAbsolutePath().getParent();
        Path temporary = null;
        try {
            Files.createDirectories(directory);
            temporary = Files.createTempFile(directory, "." + file.getFileName(), ".tmp");
            restrictToOwner(temporary);
            Files.writeString(temporary, content.get(), StandardCharsets.UTF_8);
            Files.createLink(file, temporary);
            return true;
        } catch (FileAlreadyExistsException anotherProcessWasFirst) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + what + " " + file, e);
        } finally {
            deleteQuietly(temporary);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            log.warn("The file system of {} has no POSIX permissions: restrict access to it by other means", file);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Cannot delete the temporary key file {}: delete it by hand", file);
        }
    }
}
