package org.dicommeta.adapter.filesystem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dicommeta.adapter.filesystem.Fixtures.instance;
import static org.dicommeta.adapter.filesystem.Fixtures.json;
import static org.dicommeta.adapter.filesystem.Fixtures.record;
import static org.dicommeta.adapter.filesystem.Fixtures.uid;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.dicommeta.domain.BackendException;
import org.dicommeta.domain.Instance;
import org.dicommeta.domain.InstanceOutcome;
import org.dicommeta.domain.MetadataFormat;
import org.dicommeta.domain.MetadataScope;
import org.dicommeta.domain.RecordInfo;
import org.dicommeta.ports.RecordWrite;
import org.dicommeta.ports.RecordWriteOutcome;
import org.dicommeta.ports.SelectedInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileMetadataStoreTest {

    private static final MetadataFormat JSON = MetadataFormat.JSON;
    private static final MetadataFormat XML = MetadataFormat.XML;

    @TempDir
    Path dir;
    private Path root;
    private FileMetadataStore store;

    @BeforeEach
    void open() {
        root = dir.resolve("store");
        store = Fixtures.open(root);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void assertCounts(MetadataFormat f, long all, long existing) {
        assertThat(store.count(f, MetadataScope.ALL)).as("ALL " + f).isEqualTo(all);
        assertThat(store.count(f, MetadataScope.EXISTING)).as("EXISTING " + f).isEqualTo(existing);
        assertThat(store.count(f, MetadataScope.MISSING)).as("MISSING " + f).isEqualTo(all - existing);
    }

    @Test
    @DisplayName("files land in two levels of hex shards (4,096 leaves) from the UID's SHA-256, beside a layout marker")
    void layout() {
        String uid = uid(1);
        store.putInstance(instance(uid), false);
        store.putRecords(List.of(json(uid, "{}"), record(uid, XML, "<x/>".getBytes(StandardCharsets.UTF_8),
                RecordWrite.Mode.REPLACE)));
        String shard = StoreLayout.shard(uid);
        assertThat(shard).matches("[0-9a-f]{2}/[0-9a-f]");
        assertThat(Fixtures.filesUnder(store.root())).containsExactly(
                ".lock", "dicommeta-store.properties",
                "instances/" + shard + "/" + uid + ".instance",
                "instances/" + shard + "/" + uid + ".json.rec",
                "instances/" + shard + "/" + uid + ".xml.rec");
        // different UIDs spread over different leaves
        assertThat(StoreLayout.shard(uid(2))).isNotEqualTo(shard);
    }

    @Test
    @DisplayName("putInstance stores, keeps, or replaces per the overwrite flag, and keeps records either way")
    void putInstanceOutcomes() {
        String uid = uid(1);
        assertThat(store.putInstance(instance(uid), false)).isEqualTo(InstanceOutcome.STORED);
        store.putRecords(List.of(json(uid, "{\"a\":1}")));
        Instance other = new Instance(uid, null, null, null, null, null, "/elsewhere.dcm", Instant.EPOCH);
        assertThat(store.putInstance(other, false)).isEqualTo(InstanceOutcome.ALREADY_PRESENT);
        assertThat(store.findInstance(uid)).contains(instance(uid));
        assertThat(store.putInstance(other, true)).isEqualTo(InstanceOutcome.REPLACED);
        assertThat(store.findInstance(uid)).contains(other);
        assertThat(store.exists(JSON, uid)).isTrue();
        assertCounts(JSON, 1, 1);
        assertThat(store.putInstances(List.of(instance(uid(2)), instance(uid)), false))
                .containsExactly(InstanceOutcome.STORED, InstanceOutcome.ALREADY_PRESENT);
    }

    @Test
    @DisplayName("an instance's attributes round-trip, nulls and awkward characters included")
    void instanceRoundTrip() {
        Instance awkward = new Instance(uid(7), null, "1.2", "Ünïcødé 患者 %41\nline=2\t", null, null,
                "/data/with space/%20/new\nline/日本.dcm", Instant.parse("2001-02-03T04:05:06.000000007Z"));
        store.putInstance(awkward, false);
        assertThat(store.findInstance(uid(7))).contains(awkward);
        store.close();
        store = Fixtures.open(root);
        assertThat(store.findInstance(uid(7))).contains(awkward);
        assertThat(store.findInstance(uid(8))).isEmpty();
    }

    @Test
    @DisplayName("records come back byte-exact, as bytes and as a stream, with their provenance")
    void recordsByteExact() throws Exception {
        String uid = uid(1);
        store.putInstance(instance(uid), false);
        byte[] binary = new byte[70_000];
        new Random(42).nextBytes(binary);
        byte[] tricky = "DICOMMETA-RECORD 1\nsize=3\n\n\n\r\n\u0000{}".getBytes(StandardCharsets.UTF_8);
        for (byte[] content : List.of(binary, tricky, new byte[0])) {
            RecordWrite w = record(uid, JSON, content, RecordWrite.Mode.REPLACE);
            assertThat(store.putRecords(List.of(w))).containsExactly(RecordWriteOutcome.WRITTEN);
            assertThat(store.getRecord(JSON, uid)).hasValueSatisfying(b -> assertThat(b).isEqualTo(content));
            try (InputStream in = store.openRecord(JSON, uid).orElseThrow()) {
                assertThat(in.readAllBytes()).isEqualTo(content);
            }
            assertThat(store.recordInfo(JSON, uid)).contains(w.info());
        }
        store.close();
        store = Fixtures.open(root);
        assertThat(store.getRecord(JSON, uid)).hasValueSatisfying(b -> assertThat(b).isEmpty());
        assertThat(store.getRecord(XML, uid)).isEmpty();
        assertThat(store.openRecord(XML, uid)).isEmpty();
        assertThat(store.recordInfo(XML, uid)).isEmpty();
    }

    @Test
    @DisplayName("IF_ABSENT leaves an existing record alone, REPLACE replaces it, an unknown instance gets NO_INSTANCE")
    void recordWriteModes() {
        String uid = uid(1);
        store.putInstance(instance(uid), false);
        RecordWrite first = json(uid, "{\"v\":1}");
        RecordWrite second = record(uid, JSON, "{\"v\":2}".getBytes(StandardCharsets.UTF_8), RecordWrite.Mode.IF_ABSENT);
        RecordWrite third = json(uid, "{\"v\":3}");
        RecordWrite orphan = json(uid(99), "{}");
        assertThat(store.putRecords(List.of(first, second, orphan, third))).containsExactly(
                RecordWriteOutcome.WRITTEN, RecordWriteOutcome.EXISTS, RecordWriteOutcome.NO_INSTANCE,
                RecordWriteOutcome.WRITTEN);
        assertThat(new String(store.getRecord(JSON, uid).orElseThrow(), StandardCharsets.UTF_8)).isEqualTo("{\"v\":3}");
        assertThat(store.exists(JSON, uid(99))).isFalse();
        assertThat(Fixtures.filesUnder(store.root())).noneMatch(f -> f.contains(uid(99)));
    }

    @Test
    @DisplayName("counts per format and scope keep ALL = EXISTING + MISSING through writes and deletes")
    void counts() {
        for (int i = 0; i < 10; i++) {
            store.putInstance(instance(uid(i)), false);
        }
        assertCounts(JSON, 10, 0);
        List<RecordWrite> writes = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            writes.add(json(uid(i), "{}"));
        }
        writes.add(record(uid(0), XML, new byte[] {'<', '/', '>'}, RecordWrite.Mode.REPLACE));
        store.putRecords(writes);
        assertCounts(JSON, 10, 6);
        assertCounts(XML, 10, 1);
        assertThat(store.deleteRecords(JSON, List.of(uid(0), uid(1), uid(50), uid(1)))).isEqualTo(2);
        assertCounts(JSON, 10, 4);
        assertThat(store.deleteInstances(List.of(uid(2), uid(9), uid(77), uid(2)))).isEqualTo(2);
        assertCounts(JSON, 8, 3);
        assertCounts(XML, 8, 1);
        assertThat(store.deleteAllRecords(JSON)).isEqualTo(3);
        assertCounts(JSON, 8, 0);
        assertCounts(XML, 8, 1);
        store.close();
        store = Fixtures.open(root);
        assertCounts(JSON, 8, 0);
        assertCounts(XML, 8, 1);
    }

    @Test
    @DisplayName("deleting an instance deletes its records and files; a later record write gets NO_INSTANCE")
    void deleteInstanceTakesRecords() {
        String uid = uid(3);
        store.putInstance(instance(uid), false);
        store.putRecords(List.of(json(uid, "{}"), record(uid, XML, new byte[] {1}, RecordWrite.Mode.REPLACE)));
        assertThat(store.deleteInstances(List.of(uid))).isEqualTo(1);
        assertThat(store.findInstance(uid)).isEmpty();
        assertThat(store.getRecord(JSON, uid)).isEmpty();
        assertThat(store.putRecords(List.of(json(uid, "{}")))).containsExactly(RecordWriteOutcome.NO_INSTANCE);
        assertThat(Fixtures.filesUnder(store.root().resolve("instances"))).isEmpty();
        assertCounts(XML, 0, 0);
    }

    @Test
    @DisplayName("select pages in ascending String order, per format and scope, resuming after a UID")
    void selectPages() {
        // "1.10" < "1.2" < "1.9" in String order: numeric order would differ.
        List<String> uids = List.of("1.9", "1.10", "1.2", "1.100", "1.3", "2", "1.25");
        for (String u : uids) {
            store.putInstance(instance(u), false);
        }
        store.putRecords(List.of(json("1.10", "{}"), json("1.3", "{}"),
                record("1.3", XML, new byte[] {1}, RecordWrite.Mode.REPLACE),
                record("2", XML, new byte[] {1}, RecordWrite.Mode.REPLACE)));
        List<String> sorted = new ArrayList<>(uids);
        sorted.sort(null);
        assertThat(pageThrough(EnumSet.of(JSON), MetadataScope.ALL, 3)).containsExactlyElementsOf(sorted);
        assertThat(pageThrough(EnumSet.of(JSON), MetadataScope.EXISTING, 1)).containsExactly("1.10", "1.3");
        assertThat(pageThrough(EnumSet.of(JSON), MetadataScope.MISSING, 2))
                .containsExactly("1.100", "1.2", "1.25", "1.9", "2");

        List<SelectedInstance> both = store.select(EnumSet.of(JSON, XML), MetadataScope.MISSING, null, 100);
        assertThat(both).extracting(SelectedInstance::sopInstanceUid)
                .containsExactly("1.10", "1.100", "1.2", "1.25", "1.9", "2");
        assertThat(both.get(0).formats()).containsExactly(XML);
        assertThat(both.get(5).formats()).containsExactly(JSON);
        assertThat(both.get(1).formats()).containsExactlyInAnyOrder(JSON, XML);
        assertThat(both.get(1).instance()).isEqualTo(instance("1.100"));

        assertThat(store.select(EnumSet.of(JSON), MetadataScope.ALL, "1.3", 2))
                .extracting(SelectedInstance::sopInstanceUid).containsExactly("1.9", "2");
        assertThat(store.select(EnumSet.of(JSON), MetadataScope.ALL, "2", 10)).isEmpty();
        assertThatThrownBy(() -> store.select(EnumSet.of(JSON), MetadataScope.ALL, null, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("a sparse selection is found across many index steps without losing or repeating a UID")
    void sparseSelection() {
        store.close();
        store = FileMetadataStore.open(FileStoreSettings.of(root).withFsync(false), AtomicFiles.PLAIN_WRITE, 7);
        int n = 60;
        List<Instance> batch = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            batch.add(instance(uid(i)));
        }
        store.putInstances(batch, false);
        store.putRecords(List.of(json(uid(5), "{}"), json(uid(n - 1), "{}")));
        List<String> existing = pageThrough(EnumSet.of(JSON), MetadataScope.EXISTING, 1);
        assertThat(existing).containsExactlyInAnyOrder(uid(5), uid(n - 1));
        assertThat(pageThrough(EnumSet.of(JSON), MetadataScope.MISSING, 11)).hasSize(n - 2).doesNotHaveDuplicates();
    }

    private List<String> pageThrough(Set<MetadataFormat> formats, MetadataScope scope, int limit) {
        List<String> out = new ArrayList<>();
        String after = null;
        while (true) {
            List<SelectedInstance> page = store.select(formats, scope, after, limit);
            assertThat(page.size()).isLessThanOrEqualTo(limit);
            if (page.isEmpty()) {
                return out;
            }
            page.forEach(s -> out.add(s.sopInstanceUid()));
            after = page.get(page.size() - 1).sopInstanceUid();
        }
    }

    @Test
    @DisplayName("a damaged record file is reported with its path, never returned as data")
    void corruptRecordIsReported() throws Exception {
        String uid = uid(1);
        store.putInstance(instance(uid), false);
        store.putRecords(List.of(json(uid, "{\"a\":1}")));
        Path file = store.root().resolve("instances").resolve(StoreLayout.shard(uid)).resolve(uid + ".json.rec");
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 2)); // truncated by something outside
        assertThatThrownBy(() -> store.getRecord(JSON, uid)).isInstanceOf(BackendException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("header says 7 bytes");
        Files.writeString(file, "garbage without a header");
        assertThatThrownBy(() -> store.recordInfo(JSON, uid)).isInstanceOf(BackendException.class)
                .hasMessageContaining(file.toString());
    }

    @Test
    @DisplayName("provenance survives reopening with every field intact")
    void provenanceSurvives() {
        String uid = uid(1);
        store.putInstance(instance(uid), false);
        RecordInfo info = new RecordInfo(uid, XML, "INLINE_BINARY,BULK_DATA_URI=http://h/%s?x=1\nz", "9.9",
                Instant.parse("2026-01-01T00:00:00.5Z"), 2, "00ff");
        store.putRecords(List.of(new RecordWrite(info, new byte[] {'a', 'b'}, RecordWrite.Mode.REPLACE)));
        store.close();
        store = Fixtures.open(root);
        assertThat(store.recordInfo(XML, uid)).contains(info);
    }

    @Test
    @DisplayName("a closed store refuses work with a message naming its directory; close is idempotent")
    void closedStore() {
        store.close();
        store.close();
        assertThatThrownBy(() -> store.count(JSON, MetadataScope.ALL)).isInstanceOf(BackendException.class)
                .hasMessageContaining(store.root().toString()).hasMessageContaining("closed");
        assertThat(store.describe()).contains(store.root().toString());
    }
}
