package org.dicommeta.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.dicommeta.codec.DataSet;
import org.dicommeta.codec.Tag;
import org.dicommeta.codec.UID;
import org.dicommeta.codec.VR;
import org.dicommeta.codec.io.Part10Writer;
import org.dicommeta.domain.Instance;
import org.dicommeta.domain.InstanceNotFoundException;
import org.dicommeta.domain.InstanceOutcome;
import org.dicommeta.domain.InvalidDicomException;
import org.dicommeta.domain.InvalidUidException;
import org.dicommeta.domain.JsonFlag;
import org.dicommeta.domain.JsonOptions;
import org.dicommeta.domain.MetadataAgent;
import org.dicommeta.domain.MetadataException;
import org.dicommeta.domain.MetadataFormat;
import org.dicommeta.domain.MetadataOptions;
import org.dicommeta.domain.MetadataScope;
import org.dicommeta.domain.RecordInfo;
import org.dicommeta.domain.SourceNotFoundException;
import org.dicommeta.domain.SourceUnreadableException;
import org.dicommeta.domain.StoreOptions;
import org.dicommeta.domain.StoreResult;
import org.dicommeta.domain.WriteOutcome;
import org.dicommeta.domain.XmlOptions;
import org.dicommeta.ports.MetadataStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DefaultMetadataAgentTest {

    @TempDir
    Path dir;

    final FakeStore store = new FakeStore();
    final MetadataAgent agent = MetadataAgents.of(store);

    @AfterEach
    void close() {
        agent.close();
    }

    @Test
    @DisplayName("storing a file indexes its identifying attributes with its absolute normalized path")
    void storeFromPath() throws IOException {
        Path file = TestData.write(dir, 1);
        Path roundabout = dir.resolve("sub").resolve("..").resolve(file.getFileName());
        Files.createDirectories(dir.resolve("sub"));
        StoreResult result = agent.store(roundabout, StoreOptions.indexOnly());

        assertThat(result.sopInstanceUid()).isEqualTo(TestData.uid(1));
        assertThat(result.instance()).isEqualTo(InstanceOutcome.STORED);
        assertThat(result.metadata()).isEmpty();
        Instance i = agent.instance(TestData.uid(1)).orElseThrow();
        assertThat(i.source()).isEqualTo(file.toAbsolutePath().normalize().toString());
        assertThat(i.studyInstanceUid()).isEqualTo(TestData.STUDY);
        assertThat(i.seriesInstanceUid()).isEqualTo(TestData.SERIES);
        assertThat(i.patientId()).isEqualTo("PID-1");
        assertThat(i.sopClassUid()).isEqualTo(UID.CTImageStorage);
        assertThat(i.transferSyntaxUid()).isEqualTo(UID.ExplicitVRLittleEndian);
        assertThat(store.count(MetadataFormat.JSON, MetadataScope.EXISTING)).isZero();
    }

    @Test
    @DisplayName("storing an existing UID leaves it unless overwrite is asked for, and says which happened")
    void overwriteSemantics() {
        Path file = TestData.write(dir, 2);
        agent.store(file, StoreOptions.indexOnly());
        Instance first = agent.instance(TestData.uid(2)).orElseThrow();
        DataSet moved = TestData.dataSet(2);
        assertThat(agent.store(moved, null, "/elsewhere/ct-2.dcm", StoreOptions.indexOnly()).instance())
                .isEqualTo(InstanceOutcome.ALREADY_PRESENT);
        assertThat(agent.instance(TestData.uid(2))).contains(first);
        assertThat(agent.store(moved, null, "/elsewhere/ct-2.dcm", StoreOptions.indexOnly().withOverwrite(true))
                .instance()).isEqualTo(InstanceOutcome.REPLACED);
        assertThat(agent.instance(TestData.uid(2)).orElseThrow().source()).isEqualTo("/elsewhere/ct-2.dcm");
    }

    @Test
    @DisplayName("storing with metadata renders both formats with provenance: flags, codec, size, SHA-256")
    void storeWithMetadata() throws Exception {
        Path file = TestData.write(dir, 3);
        StoreResult result = agent.store(file, StoreOptions.withMetadata(MetadataOptions.defaults()));
        assertThat(result.metadata()).containsExactlyInAnyOrderEntriesOf(
                Map.of(MetadataFormat.JSON, WriteOutcome.WRITTEN, MetadataFormat.XML, WriteOutcome.WRITTEN));

        for (MetadataFormat f : MetadataFormat.values()) {
            byte[] bytes = agent.records(f).get(TestData.uid(3)).orElseThrow();
            RecordInfo info = agent.records(f).info(TestData.uid(3)).orElseThrow();
            assertThat(info.size()).isEqualTo(bytes.length);
            assertThat(info.sha256()).isEqualTo(Records.sha256(bytes)).matches("[0-9a-f]{64}");
            assertThat(info.codecVersion()).isEqualTo(org.dicommeta.codec.CodecVersion.VERSION);
            assertThat(info.format()).isEqualTo(f);
            String expectedFlags = MetadataOptions.defaults().get(f).orElseThrow().canonicalFlags();
            assertThat(info.flags()).isEqualTo(expectedFlags);
            try (InputStream in = agent.records(f).openStream(TestData.uid(3)).orElseThrow()) {
                assertThat(in.readAllBytes()).isEqualTo(bytes);
            }
            assertThat(agent.records(f).getText(TestData.uid(3)).orElseThrow())
                    .contains(TestData.uid(3)).isEqualTo(new String(bytes, StandardCharsets.UTF_8));
        }
        String json = agent.json().getText(TestData.uid(3)).orElseThrow();
        assertThat(json).contains("7FE00010").doesNotContain("InlineBinary").doesNotContain("BulkDataURI");

        StoreResult again = agent.store(file, StoreOptions.withMetadata(MetadataOptions.defaults()));
        assertThat(again.instance()).isEqualTo(InstanceOutcome.ALREADY_PRESENT);
        assertThat(again.metadata()).containsEntry(MetadataFormat.JSON, WriteOutcome.NOT_WRITTEN_EXISTS)
                .containsEntry(MetadataFormat.XML, WriteOutcome.NOT_WRITTEN_EXISTS);
    }

    @Test
    @DisplayName("a format that writes binary inline reads the source fully; the pixel data comes out base64")
    void inlineBinaryReadsFully() {
        Path file = TestData.write(dir, 4);
        MetadataOptions inline = MetadataOptions.json(JsonOptions.of(JsonFlag.INLINE_BINARY, JsonFlag.MINIFY));
        agent.store(file, StoreOptions.withMetadata(inline));
        String json = agent.json().getText(TestData.uid(4)).orElseThrow();
        assertThat(json).contains("InlineBinary");

        MetadataOptions uris = MetadataOptions.json(JsonOptions.of(JsonFlag.BULK_DATA_URI)
                .withBulkDataUriTemplate("x/{SOPInstanceUID}/{tag}"));
        agent.store(file, StoreOptions.withMetadata(uris).withOverwrite(true));
        assertThat(agent.json().getText(TestData.uid(4)).orElseThrow())
                .contains("x/" + TestData.uid(4) + "/7FE00010").doesNotContain("InlineBinary");
    }

    @Test
    @DisplayName("a stream is read to its end and left open; its source is kept as given")
    void storeFromStream() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Part10Writer.write(bytes, TestData.dataSet(5), UID.ExplicitVRLittleEndian);
        boolean[] closed = new boolean[1];
        ByteArrayInputStream in = new ByteArrayInputStream(bytes.toByteArray()) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        StoreResult r = agent.store(in, "file:///archive/ct-5.dcm", StoreOptions.indexOnly());
        assertThat(r.sopInstanceUid()).isEqualTo(TestData.uid(5));
        assertThat(in.available()).isZero();
        assertThat(closed[0]).isFalse();
        assertThat(agent.instance(TestData.uid(5)).orElseThrow().source()).isEqualTo("file:///archive/ct-5.dcm");
    }

    @Test
    @DisplayName("a data set without a SOP Instance UID, or with an invalid one, is refused and nothing is stored")
    void badSopInstanceUid() {
        DataSet none = TestData.dataSet(6);
        none.remove(Tag.SOPInstanceUID);
        assertThatThrownBy(() -> agent.store(none, null, "/data/x.dcm", StoreOptions.indexOnly()))
                .isInstanceOf(InvalidDicomException.class).hasMessageContaining("/data/x.dcm")
                .hasMessageContaining("(0008,0018)");
        DataSet bad = TestData.dataSet(6);
        bad.setString(Tag.SOPInstanceUID, VR.UI, "1.2.03.4");
        assertThatThrownBy(() -> agent.store(bad, null, "/data/y.dcm", StoreOptions.indexOnly()))
                .isInstanceOf(InvalidUidException.class).hasMessageContaining("/data/y.dcm")
                .hasMessageContaining("1.2.03.4");
        assertThat(store.count(MetadataFormat.JSON, MetadataScope.ALL)).isZero();
    }

    @Test
    @DisplayName("source errors are typed and name the file: missing, not DICOM (with offset), unreadable")
    void sourceErrors() throws IOException {
        Path missing = dir.resolve("missing.dcm");
        assertThatThrownBy(() -> agent.store(missing, StoreOptions.indexOnly()))
                .isInstanceOf(SourceNotFoundException.class).hasMessageContaining("missing.dcm");
        Path text = Files.writeString(dir.resolve("notes.txt"), "just some text, certainly not DICOM at all");
        assertThatThrownBy(() -> agent.store(text, StoreOptions.indexOnly()))
                .isInstanceOfSatisfying(InvalidDicomException.class, e -> {
                    assertThat(e.getMessage()).contains("notes.txt");
                    assertThat(e.source()).contains("notes.txt");
                });
        Path folder = Files.createDirectory(dir.resolve("folder.dcm"));
        assertThatThrownBy(() -> agent.store(folder, StoreOptions.indexOnly()))
                .isInstanceOf(SourceUnreadableException.class).hasMessageContaining("folder.dcm");
        byte[] truncated = Arrays.copyOf(Files.readAllBytes(TestData.write(dir, 7)), 150);
        Path cut = Files.write(dir.resolve("cut.dcm"), truncated);
        assertThatThrownBy(() -> agent.store(cut, StoreOptions.indexOnly()))
                .isInstanceOfSatisfying(InvalidDicomException.class, e -> {
                    assertThat(e.offset()).isGreaterThanOrEqualTo(0);
                    assertThat(e.getMessage()).contains("cut.dcm").contains("offset");
                });
        assertThat(store.count(MetadataFormat.JSON, MetadataScope.ALL)).isZero();
    }

    @Test
    @DisplayName("storeMetadata: unknown UID is a not-found error with nothing written; an existing record is kept without overwrite")
    void storeMetadata() {
        DataSet ds = TestData.dataSet(8);
        assertThatThrownBy(() -> agent.storeMetadata(ds, TestData.uid(8), MetadataOptions.defaults(), false))
                .isInstanceOfSatisfying(InstanceNotFoundException.class,
                        e -> assertThat(e.sopInstanceUid()).isEqualTo(TestData.uid(8)));
        assertThat(store.writesPerRecord).isEmpty();

        agent.store(ds, UID.ExplicitVRLittleEndian, "/data/ct-8.dcm", StoreOptions.indexOnly());
        assertThat(agent.json().store(ds, TestData.uid(8), JsonOptions.defaults(), false))
                .isEqualTo(WriteOutcome.WRITTEN);
        byte[] before = agent.json().get(TestData.uid(8)).orElseThrow();
        JsonOptions pretty = JsonOptions.of(JsonFlag.IGNORE_BINARY_DATA, JsonFlag.WRITE_KEYWORD);
        assertThat(agent.json().store(ds, TestData.uid(8), pretty, false)).isEqualTo(WriteOutcome.NOT_WRITTEN_EXISTS);
        assertThat(agent.json().get(TestData.uid(8))).hasValue(before);

        Map<MetadataFormat, WriteOutcome> both = agent.storeMetadata(ds, TestData.uid(8),
                MetadataOptions.both(pretty, XmlOptions.defaults()), false);
        assertThat(both).containsEntry(MetadataFormat.JSON, WriteOutcome.NOT_WRITTEN_EXISTS)
                .containsEntry(MetadataFormat.XML, WriteOutcome.WRITTEN);
        assertThat(agent.json().store(ds, TestData.uid(8), pretty, true)).isEqualTo(WriteOutcome.WRITTEN);
        assertThat(agent.json().getText(TestData.uid(8)).orElseThrow()).contains("\"keyword\"");
        assertThat(agent.json().info(TestData.uid(8)).orElseThrow().flags()).isEqualTo(pretty.canonicalFlags());

        assertThatThrownBy(() -> agent.xml().store(ds, TestData.uid(8), JsonOptions.defaults(), true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> agent.storeMetadata(ds, TestData.uid(9), MetadataOptions.defaults(), true))
                .isInstanceOf(MetadataException.class).hasMessageContaining(TestData.uid(9));
    }

    @Test
    @DisplayName("exists, count, delete by list (counting those that existed), delete all, delete instances")
    void readAndDelete() {
        for (int i = 0; i < 5; i++) {
            agent.store(TestData.write(dir, i), StoreOptions.withMetadata(MetadataOptions.defaults()));
        }
        agent.store(TestData.write(dir, 5), StoreOptions.indexOnly());
        assertThat(agent.json().exists(TestData.uid(0))).isTrue();
        assertThat(agent.json().exists(TestData.uid(5))).isFalse();
        assertThat(agent.json().count(MetadataScope.ALL)).isEqualTo(6);
        assertThat(agent.json().count(MetadataScope.EXISTING)).isEqualTo(5);
        assertThat(agent.json().count(MetadataScope.MISSING)).isEqualTo(1);
        assertThat(agent.json().get(TestData.uid(5))).isEmpty();
        assertThat(agent.json().openStream(TestData.uid(5))).isEmpty();
        assertThat(agent.json().info(TestData.uid(5))).isEmpty();

        assertThat(agent.json().delete(List.of(TestData.uid(0), TestData.uid(1), TestData.uid(5), TestData.uid(99))))
                .isEqualTo(2);
        assertThat(agent.json().delete(List.of())).isZero();
        assertThat(agent.xml().count(MetadataScope.EXISTING)).isEqualTo(5);
        assertThat(agent.json().deleteAll()).isEqualTo(3);
        assertThat(agent.json().count(MetadataScope.MISSING)).isEqualTo(agent.json().count(MetadataScope.ALL));
        assertThat(agent.deleteInstances(List.of(TestData.uid(2), TestData.uid(98)))).isEqualTo(1);
        assertThat(agent.xml().exists(TestData.uid(2))).isFalse();
        assertThat(agent.xml().count(MetadataScope.ALL)).isEqualTo(5);
        assertThat(agent.describe()).isEqualTo("fake:memory");
    }

    /** A store that fails the test on any call: UID validation must happen before the store is reached. */
    static MetadataStore tripwire() {
        return (MetadataStore) Proxy.newProxyInstance(MetadataStore.class.getClassLoader(),
                new Class<?>[] {MetadataStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("describe")) {
                        return "tripwire";
                    }
                    if (method.getName().equals("close")) {
                        return null;
                    }
                    throw new AssertionError("store reached: " + method.getName());
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "1.02.3", "1..2", ".1.2", "1.2.", "../../etc/passwd", "1.2.3 ",
            "1.2.3.4.5.6.7.8.9.10.11.12.13.14.15.16.17.18.19.20.21.22.23.24.25.26.27.28"})
    @DisplayName("every UID argument is validated before it reaches the store")
    void invalidUidsNeverReachTheStore(String uid) {
        try (MetadataAgent guarded = MetadataAgents.of(tripwire())) {
            DataSet ds = TestData.dataSet(1);
            List<Consumer<String>> calls = new ArrayList<>(List.of(
                    u -> guarded.instance(u),
                    u -> guarded.deleteInstances(Arrays.asList(TestData.uid(1), u)),
                    u -> guarded.storeMetadata(ds, u, MetadataOptions.defaults(), true)));
            for (MetadataFormat f : MetadataFormat.values()) {
                calls.add(u -> guarded.records(f).exists(u));
                calls.add(u -> guarded.records(f).get(u));
                calls.add(u -> guarded.records(f).getText(u));
                calls.add(u -> guarded.records(f).openStream(u));
                calls.add(u -> guarded.records(f).info(u));
                calls.add(u -> guarded.records(f).delete(Arrays.asList(u)));
                calls.add(u -> guarded.records(f).store(ds, u, MetadataOptions.defaults().get(f).orElseThrow(), true));
            }
            for (Consumer<String> call : calls) {
                assertThatThrownBy(() -> call.accept(uid)).isInstanceOf(InvalidUidException.class);
                assertThatThrownBy(() -> call.accept(null)).isInstanceOf(InvalidUidException.class);
            }
        }
    }

    @Test
    @DisplayName("a closed agent refuses further calls; closing twice is harmless")
    void closedAgent() {
        agent.close();
        agent.close();
        assertThatThrownBy(() -> agent.json().count(MetadataScope.ALL)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> agent.generate(
                org.dicommeta.domain.GenerationOptions.of(MetadataOptions.defaults()), MetadataScope.ALL, null))
                .isInstanceOf(IllegalStateException.class);
        assertThat(store.closed).as("of(store): the caller keeps ownership").isFalse();
    }

    @Test
    @DisplayName("the agent can be used from several threads at once")
    void concurrentStores() throws Exception {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            files.add(TestData.write(dir, i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<StoreResult>> futures = new ArrayList<>();
            for (Path f : files) {
                futures.add(pool.submit(() -> agent.store(f, StoreOptions.withMetadata(MetadataOptions.defaults()))));
            }
            for (Future<StoreResult> f : futures) {
                assertThat(f.get().instance()).isEqualTo(InstanceOutcome.STORED);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(agent.json().count(MetadataScope.EXISTING)).isEqualTo(120);
        assertThat(agent.xml().count(MetadataScope.MISSING)).isZero();
    }
}
