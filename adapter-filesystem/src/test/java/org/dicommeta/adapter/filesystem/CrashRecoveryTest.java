package org.dicommeta.adapter.filesystem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dicommeta.adapter.filesystem.Fixtures.instance;
import static org.dicommeta.adapter.filesystem.Fixtures.json;
import static org.dicommeta.adapter.filesystem.Fixtures.uid;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.dicommeta.domain.BackendException;
import org.dicommeta.domain.MetadataFormat;
import org.dicommeta.domain.MetadataScope;
import org.dicommeta.ports.RecordWriteOutcome;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a crash or a failing write leaves behind, and what the next open makes of it. */
class CrashRecoveryTest {

    @TempDir
    Path dir;

    private Path leafOf(FileMetadataStore store, String uid) {
        return store.root().resolve("instances").resolve(StoreLayout.shard(uid));
    }

    @Test
    @DisplayName("a temporary file left by a killed write is invisible and removed at the next open")
    void leftoverTemporaryFile() throws Exception {
        Path root = dir.resolve("s");
        String uid = uid(1);
        Path leaf;
        try (FileMetadataStore store = Fixtures.open(root)) {
            store.putInstance(instance(uid), false);
            store.putRecords(List.of(json(uid, "{\"old\":true}")));
            leaf = leafOf(store, uid);
            // What a process killed between write and rename leaves: a half-written new version.
            Files.writeString(leaf.resolve("." + uid + ".json.rec.0123456789ab.tmp"), "DICOMMETA-RECORD 1\nsize=99");
            Files.writeString(leaf.resolve("." + uid(2) + ".instance.00aa00aa00aa.tmp"), "DICOMMETA-INST");
            assertThat(store.getRecord(MetadataFormat.JSON, uid)).hasValueSatisfying(
                    b -> assertThat(new String(b, StandardCharsets.UTF_8)).isEqualTo("{\"old\":true}"));
            assertThat(store.findInstance(uid(2))).isEmpty();
        }
        try (FileMetadataStore store = Fixtures.open(root)) {
            assertThat(store.scanReport().temporaryFilesRemoved()).isEqualTo(2);
            try (var s = Files.list(leaf)) {
                assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                        uid + ".instance", uid + ".json.rec");
            }
            assertThat(store.count(MetadataFormat.JSON, MetadataScope.ALL)).isEqualTo(1);
            assertThat(store.count(MetadataFormat.JSON, MetadataScope.EXISTING)).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("a record whose instance file vanished (an interrupted delete) is removed at open: no orphans")
    void orphanRecordRemovedAtOpen() throws Exception {
        Path root = dir.resolve("s");
        String uid = uid(1);
        try (FileMetadataStore store = Fixtures.open(root)) {
            store.putInstance(instance(uid), false);
            store.putInstance(instance(uid(2)), false);
            store.putRecords(List.of(json(uid, "{}"), json(uid(2), "{}")));
            Files.delete(leafOf(store, uid).resolve(uid + ".instance"));
        }
        try (FileMetadataStore store = Fixtures.open(root)) {
            assertThat(store.scanReport().orphanRecordsRemoved()).isEqualTo(1);
            assertThat(store.count(MetadataFormat.JSON, MetadataScope.ALL)).isEqualTo(1);
            assertThat(store.count(MetadataFormat.JSON, MetadataScope.EXISTING)).isEqualTo(1);
            assertThat(store.count(MetadataFormat.JSON, MetadataScope.MISSING)).isZero();
            assertThat(Fixtures.filesUnder(root)).noneMatch(f -> f.contains(uid + "."));
        }
    }

    @Test
    @DisplayName("files the store does not write are left alone and ignored by the counts")
    void foreignFilesIgnored() throws Exception {
        Path root = dir.resolve("s");
        try (FileMetadataStore store = Fixtures.open(root)) {
            store.putInstance(instance(uid(1)), false);
            Path leaf = leafOf(store, uid(1));
            Files.writeString(leaf.resolve("notes.txt"), "hello");
            Files.writeString(leaf.resolve("1.2.3.instance"), "misplaced: wrong shard");
            Files.createDirectories(store.root().resolve("instances/zz"));
        }
        try (FileMetadataStore store = Fixtures.open(root)) {
            assertThat(store.scanReport().ignored()).isEqualTo(3);
            assertThat(store.count(MetadataFormat.XML, MetadataScope.ALL)).isEqualTo(1);
            assertThat(store.findInstance("1.2.3")).isEmpty();
        }
    }

    @Test
    @DisplayName("a write that fails part-way (disk full) keeps the old record whole and leaves no temporary file")
    void failedWriteLeavesNothingPartial() {
        Path root = dir.resolve("s");
        String uid = uid(1);
        AtomicInteger failNext = new AtomicInteger();
        AtomicReference<String> failingUid = new AtomicReference<>();
        AtomicFiles.WriteHook fullDisk = (ch, data, temp) -> {
            String only = failingUid.get();
            if (failNext.getAndSet(0) == 1 || (only != null && temp.getFileName().toString().startsWith("." + only + "."))) {
                ByteBuffer first = data[0];
                ch.write(ByteBuffer.wrap(first.array(), 0, first.remaining() / 2)); // a partial write reached the disk
                throw new IOException("No space left on device");
            }
            AtomicFiles.PLAIN_WRITE.write(ch, data, temp);
        };
        try (FileMetadataStore store = FileMetadataStore.open(FileStoreSettings.of(root), fullDisk)) {
            store.putInstance(instance(uid), false);
            store.putRecords(List.of(json(uid, "{\"v\":1}")));
            failNext.set(1);
            Path target = leafOf(store, uid).resolve(uid + ".json.rec");
            assertThatThrownBy(() -> store.putRecords(List.of(json(uid, "{\"v\":2}"))))
                    .isInstanceOf(BackendException.class)
                    .hasMessageContaining(target.toString())
                    .hasMessageContaining("disk is full");
            assertThat(new String(store.getRecord(MetadataFormat.JSON, uid).orElseThrow(), StandardCharsets.UTF_8))
                    .isEqualTo("{\"v\":1}");
            failNext.set(1);
            assertThatThrownBy(() -> store.putInstance(instance(uid(2)), false)).isInstanceOf(BackendException.class)
                    .hasMessageContaining(uid(2) + ".instance");
            assertThat(store.findInstance(uid(2))).isEmpty();
            assertThat(store.count(MetadataFormat.JSON, MetadataScope.ALL)).isEqualTo(1);
            assertThat(Fixtures.filesUnder(root)).noneMatch(f -> f.endsWith(".tmp"));
            // In a batch, the failing item is named; the others are written whole; nothing partial stays.
            store.putInstance(instance(uid(2)), false);
            store.putInstance(instance(uid(3)), false);
            failingUid.set(uid(2));
            assertThatThrownBy(() -> store.putRecords(List.of(json(uid(3), "{\"three\":3}"), json(uid(2), "{}"),
                    json(uid, "{\"v\":4}")))).isInstanceOf(BackendException.class)
                    .hasMessageContaining(uid(2) + ".json.rec").hasMessageContaining("disk is full");
            failingUid.set(null);
            assertThat(store.exists(MetadataFormat.JSON, uid(2))).isFalse();
            assertThat(store.getRecord(MetadataFormat.JSON, uid(3))).isPresent();
            assertThat(store.getRecord(MetadataFormat.JSON, uid)).hasValueSatisfying(
                    b -> assertThat(new String(b, StandardCharsets.UTF_8)).isEqualTo("{\"v\":4}"));
            assertThat(Fixtures.filesUnder(root)).noneMatch(f -> f.endsWith(".tmp"));
            // The store goes on working once there is room again.
            assertThat(store.putRecords(List.of(json(uid, "{\"v\":3}")))).containsExactly(RecordWriteOutcome.WRITTEN);
        }
    }
}
