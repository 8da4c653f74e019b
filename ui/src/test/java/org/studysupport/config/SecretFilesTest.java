package org.studysupport.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Key files generated once: whole or not at all, the first writer wins, readable by the owner only. */
class SecretFilesTest {

    @TempDir
    Path directory;

    @Test
    void writersRacingForOneFileLeaveOneWholeFileThatEveryoneReads() throws Exception {
        Path file = directory.resolve("keys").resolve("master.json");
        int writers = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<Boolean>> wrote = new ArrayList<>();
        List<String> contents = new ArrayList<>();
        try {
            for (int i = 0; i < writers; i++) {
                String content = ("key of writer " + i + " ").repeat(20_000);
                contents.add(content);
                wrote.add(pool.submit(() -> {
                    start.await();
                    return SecretFiles.createOnce(file, () -> content, "the test key");
                }));
            }
            start.countDown();
            int winners = 0;
            for (Future<Boolean> each : wrote) {
                winners += each.get() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        String written = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(contents).as("the file holds one writer's whole key").contains(written);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        try (var left = Files.list(file.getParent())) {
            assertThat(left.map(Path::getFileName).map(Path::toString)).containsExactly("master.json");
        }
    }

    @Test
    void anExistingFileIsLeftAsItIs() throws Exception {
        Path file = directory.resolve("signing.jwk");
        Files.writeString(file, "the first key");

        assertThat(SecretFiles.createOnce(file, () -> "another key", "the test key")).isFalse();
        assertThat(Files.readString(file)).isEqualTo("the first key");
    }
}
