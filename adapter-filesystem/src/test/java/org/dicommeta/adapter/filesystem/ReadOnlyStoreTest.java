package org.dicommeta.adapter.filesystem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.dicommeta.domain.BackendException;
import org.dicommeta.domain.MetadataFormat;
import org.dicommeta.domain.MetadataScope;
import org.dicommeta.domain.StoreLockedException;
import org.dicommeta.ports.MetadataStore;
import org.dicommeta.ports.StoreRequest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Read-only opens: no lock, nothing created or removed, writes refused, reads beside a writer. */
class ReadOnlyStoreTest {

    @TempDir
    Path dir;

    private static FileMetadataStore openReadOnly(Path root) {
        return FileMetadataStore.open(FileStoreSettings.of(root).withReadOnly(true), AtomicFiles.PLAIN_WRITE);
    }

    @Test
    @DisplayName("a read-only open of a missing directory says there is no store and creates nothing")
    void missingDirectory() {
        Path root = dir.resolve("typo");
        assertThatThrownBy(() -> openReadOnly(root)).isInstanceOf(BackendException.class)
                .hasMessageContaining("No file store at " + root).hasMessageContaining("no such directory");
        assertThat(root).doesNotExist();
    }

    @Test
    @DisplayName("a read-only open of a directory without the store marker is refused and leaves it untouched")
    void notAStore() throws IOException {
        Path root = Files.createDirectories(dir.resolve("empty"));
        assertThatThrownBy(() -> openReadOnly(root)).isInstanceOf(BackendException.class)
                .hasMessageContaining("No file store at").hasMessageContaining(StoreLayout.MARKER);
        assertThat(Fixtures.filesUnder(root)).isEmpty();
    }

    @Test
    @DisplayName("the provider reads dicommeta.readOnly from the URI and from the options map")
    void providerOption() {
        assertThat(FileStoreProvider.settings(StoreRequest.of("file:/x?dicommeta.readOnly=true")).readOnly()).isTrue();
        assertThat(FileStoreProvider.settings(new StoreRequest("file:/x", Map.of("readOnly", "true"))).readOnly())
                .isTrue();
        assertThat(FileStoreProvider.settings(StoreRequest.of("file:/x")).readOnly()).isFalse();
        assertThatThrownBy(() -> FileStoreProvider.settings(StoreRequest.of("file:/x?dicommeta.readOnly=yes")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("readOnly");
    }

    @Test
    @DisplayName("beside a writer in this process: no lock taken, every write refused, snapshot counts, fresh reads")
    void besideWriterInProcess() {
        Path root = dir.resolve("s");
        String a = Fixtures.uid(1);
        String b = Fixtures.uid(2);
        try (FileMetadataStore writer = Fixtures.open(root)) {
            writer.putInstances(List.of(Fixtures.instance(a), Fixtures.instance(b)), false);
            writer.putRecords(List.of(Fixtures.json(a, "{\"v\":1}"), Fixtures.json(b, "{\"v\":1}")));
            try (FileMetadataStore reader = openReadOnly(root)) {
                assertThat(reader.describe()).contains("read-only");
                assertThat(reader.count(MetadataFormat.JSON, MetadataScope.EXISTING)).isEqualTo(2);
                assertThatThrownBy(() -> reader.putInstance(Fixtures.instance(Fixtures.uid(3)), false))
                        .isInstanceOf(BackendException.class).hasMessageContaining("opened read-only")
                        .hasMessageContaining(reader.root().toString());
                assertThatThrownBy(() -> reader.putInstances(List.of(Fixtures.instance(Fixtures.uid(3))), false))
                        .hasMessageContaining("opened read-only");
                assertThatThrownBy(() -> reader.putRecords(List.of(Fixtures.json(a, "{}"))))
                        .hasMessageContaining("opened read-only");
                assertThatThrownBy(() -> reader.deleteRecords(MetadataFormat.JSON, List.of(a)))
                        .hasMessageContaining("opened read-only");
                assertThatThrownBy(() -> reader.deleteAllRecords(MetadataFormat.JSON))
                        .hasMessageContaining("opened read-only");
                assertThatThrownBy(() -> reader.deleteInstances(List.of(a))).hasMessageContaining("opened read-only");

                // The writer goes on: the reader's index is the snapshot of its open, its file reads are fresh.
                writer.putInstance(Fixtures.instance(Fixtures.uid(4)), false);
                writer.putRecords(List.of(Fixtures.json(a, "{\"v\":2}")));
                writer.deleteRecords(MetadataFormat.JSON, List.of(b));
                assertThat(reader.count(MetadataFormat.JSON, MetadataScope.ALL)).isEqualTo(2);
                assertThat(reader.findInstance(Fixtures.uid(4))).isEmpty();
                assertThat(reader.getRecord(MetadataFormat.JSON, a)).hasValueSatisfying(
                        bytes -> assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("{\"v\":2}"));
                assertThat(reader.getRecord(MetadataFormat.JSON, b)).isEmpty();
                assertThat(reader.openRecord(MetadataFormat.JSON, b)).isEmpty();
                assertThat(reader.recordInfo(MetadataFormat.JSON, b)).isEmpty();
            }
            assertThat(writer.findInstance(a)).isPresent(); // closing the reader released nothing of the writer's
        }
    }

    @Test
    @DisplayName("a read-only open leaves temporary files and orphan records in place and indexes neither")
    void removesNothing() throws IOException {
        Path root = dir.resolve("s");
        String a = Fixtures.uid(1);
        String orphan = Fixtures.uid(2);
        StoreLayout layout;
        try (FileMetadataStore writer = Fixtures.open(root)) {
            writer.putInstance(Fixtures.instance(a), false);
            writer.putRecords(List.of(Fixtures.json(a, "{}")));
            layout = writer.layout();
        }
        Files.writeString(layout.leaf(a).resolve("." + a + ".json.rec.123.tmp"), "half a write");
        Files.createDirectories(layout.leaf(orphan));
        Files.copy(layout.recordFile(a, MetadataFormat.JSON), layout.recordFile(orphan, MetadataFormat.JSON));
        List<String> before = Fixtures.filesUnder(root);
        try (FileMetadataStore reader = openReadOnly(root)) {
            assertThat(reader.count(MetadataFormat.JSON, MetadataScope.ALL)).isEqualTo(1);
            assertThat(reader.count(MetadataFormat.JSON, MetadataScope.EXISTING)).isEqualTo(1);
            assertThat(reader.exists(MetadataFormat.JSON, orphan)).isFalse();
            assertThat(reader.scanReport().temporaryFilesRemoved()).isZero();
            assertThat(reader.scanReport().orphanRecordsRemoved()).isZero();
        }
        assertThat(Fixtures.filesUnder(root)).isEqualTo(before);
    }

    @Test
    @DisplayName("while another JVM holds the writer lock and writes, read-only opens count and get whole records")
    void besideWriterInAnotherProcess() throws Exception {
        Path root = dir.resolve("s");
        int seeded = 40;
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process writer = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                WriterProbe.class.getName(), root.toString(), Integer.toString(seeded)))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(writer.getInputStream(),
                    StandardCharsets.UTF_8));
            String first = CompletableFuture.supplyAsync(() -> {
                try {
                    return lines.readLine();
                } catch (IOException e) {
                    return "failed: " + e;
                }
            }).get(30, TimeUnit.SECONDS);
            assertThat(first).isEqualTo("ready");
            assertThatThrownBy(() -> Fixtures.open(root)).isInstanceOf(StoreLockedException.class)
                    .hasMessageContaining("another process");

            for (int round = 0; round < 15; round++) {
                try (MetadataStore reader = FileStoreProvider.openStore(FileStoreSettings.of(root).withReadOnly(true))) {
                    long all = reader.count(MetadataFormat.JSON, MetadataScope.ALL);
                    long existing = reader.count(MetadataFormat.JSON, MetadataScope.EXISTING);
                    assertThat(existing).isEqualTo(seeded); // the extra instances get XML only
                    assertThat(all).isBetween((long) seeded, seeded + 2L);
                    assertThat(reader.count(MetadataFormat.JSON, MetadataScope.MISSING)).isEqualTo(all - existing);
                    for (int i = 0; i < seeded; i++) {
                        String uid = Fixtures.uid(i);
                        assertWhole(uid, reader.getRecord(MetadataFormat.JSON, uid).orElseThrow());
                        if (i % 8 == 0) {
                            Optional<InputStream> in = reader.openRecord(MetadataFormat.JSON, uid);
                            try (InputStream s = in.orElseThrow()) {
                                assertWhole(uid, s.readAllBytes());
                            }
                        }
                    }
                    // Extra instances come and go: a vanished one reads as absent, never as an error.
                    for (int k = 1; k < 200; k++) {
                        String extra = Fixtures.uid(100_000 + k);
                        reader.getRecord(MetadataFormat.XML, extra)
                                .ifPresent(bytes -> assertWhole(extra, bytes));
                        reader.findInstance(extra).ifPresent(i -> assertThat(i.sopInstanceUid()).isEqualTo(extra));
                    }
                }
            }
            assertThat(writer.isAlive()).as("the writer kept running").isTrue();
            try (OutputStream stop = writer.getOutputStream()) {
                stop.write('\n');
            }
            assertThat(writer.waitFor(30, TimeUnit.SECONDS)).as("the writer stops when asked").isTrue();
            assertThat(writer.exitValue()).isZero();
        } finally {
            writer.destroyForcibly();
        }
        // Once the writer has gone, the store opens for writing again: the readers held no lock.
        try (FileMetadataStore again = Fixtures.open(root)) {
            assertThat(again.count(MetadataFormat.JSON, MetadataScope.EXISTING)).isEqualTo(seeded);
        }
    }

    private static void assertWhole(String uid, byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).startsWith(uid + ":").endsWith(":end");
        String[] parts = text.split(":", 3);
        int round = Integer.parseInt(parts[1]);
        assertThat(text).isEqualTo(WriterProbe.content(uid, round));
    }
}
