package org.dicommeta.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.dicommeta.codec.UID;
import org.dicommeta.core.MetadataAgents;
import org.dicommeta.domain.Instance;
import org.dicommeta.domain.InstanceOutcome;
import org.dicommeta.domain.MetadataAgent;
import org.dicommeta.domain.MetadataFormat;
import org.dicommeta.domain.MetadataScope;
import org.dicommeta.domain.RecordInfo;
import org.dicommeta.ports.MetadataStore;
import org.dicommeta.ports.RecordWrite;
import org.dicommeta.ports.RecordWriteOutcome;
import org.dicommeta.ports.SelectedInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The driven port's own protocol ({@link MetadataStore}), checked directly: keyset selection, batched
 * record writes and their modes, exact bytes, large records, and who closes what.
 */
public interface PortContract extends StoreUnderTest {

    /** Indexes {@code n} instances with UIDs that do not sort numerically, straight at the port. */
    private List<String> putInstances(int n) {
        List<Instance> batch = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            String uid = "1.2.826.0.1.3680043.10.543.9." + i;
            batch.add(new Instance(uid, "1.2.826.0.1.3680043.10.543.1", "1.2.826.0.1.3680043.10.543.2", "P" + i,
                    UID.CTImageStorage, UID.ExplicitVRLittleEndian, "/src/" + i + ".dcm", Instant.now()));
        }
        assertThat(kit().store().putInstances(batch, false)).containsOnly(InstanceOutcome.STORED);
        return batch.stream().map(Instance::sopInstanceUid).sorted().toList();
    }

    private static RecordWrite write(MetadataFormat format, String uid, byte[] content, RecordWrite.Mode mode) {
        return new RecordWrite(new RecordInfo(uid, format, "", "kit/1", Instant.parse("2026-01-02T03:04:05Z"),
                content.length, Kit.sha256(content)), content, mode);
    }

    private static byte[] text(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("select pages through a scope in ascending UID order, each page at most the limit, none twice")
    default void selectPagesInUidOrder() {
        List<String> uids = putInstances(23);
        for (String uid : uids.subList(0, 9)) {
            kit().store().putRecords(List.of(write(MetadataFormat.JSON, uid, text("{}"), RecordWrite.Mode.REPLACE)));
        }
        Map<MetadataScope, List<String>> expected = Map.of(MetadataScope.ALL, uids,
                MetadataScope.EXISTING, uids.subList(0, 9), MetadataScope.MISSING, uids.subList(9, 23));

        for (MetadataScope scope : MetadataScope.values()) {
            List<String> seen = new ArrayList<>();
            String after = null;
            int pages = 0;
            while (true) {
                List<SelectedInstance> page = kit().store().select(EnumSet.of(MetadataFormat.JSON), scope, after, 4);
                if (page.isEmpty()) {
                    break;
                }
                assertThat(page.size()).as("page size, %s", scope).isLessThanOrEqualTo(4);
                page.forEach(s -> assertThat(s.formats()).containsExactly(MetadataFormat.JSON));
                page.forEach(s -> seen.add(s.sopInstanceUid()));
                after = page.get(page.size() - 1).sopInstanceUid();
                assertThat(++pages).as("pages for %s", scope).isLessThan(30);
            }
            assertThat(seen).as("selection of %s", scope).isEqualTo(expected.get(scope));
        }
    }

    @Test
    @DisplayName("select with two formats names, per instance, the formats the scope selects it for")
    default void selectJudgesEachFormat() {
        List<String> uids = putInstances(6);
        kit().store().putRecords(List.of(
                write(MetadataFormat.JSON, uids.get(0), text("{}"), RecordWrite.Mode.REPLACE),
                write(MetadataFormat.JSON, uids.get(1), text("{}"), RecordWrite.Mode.REPLACE),
                write(MetadataFormat.XML, uids.get(1), text("<x/>"), RecordWrite.Mode.REPLACE),
                write(MetadataFormat.XML, uids.get(2), text("<x/>"), RecordWrite.Mode.REPLACE)));
        Set<MetadataFormat> both = EnumSet.allOf(MetadataFormat.class);

        Map<String, Set<MetadataFormat>> missing = new TreeMap<>();
        kit().store().select(both, MetadataScope.MISSING, null, 100).forEach(s -> missing.put(s.sopInstanceUid(), s.formats()));
        Map<String, Set<MetadataFormat>> existing = new TreeMap<>();
        kit().store().select(both, MetadataScope.EXISTING, null, 100).forEach(s -> existing.put(s.sopInstanceUid(), s.formats()));

        assertThat(missing).hasSize(5)
                .containsEntry(uids.get(0), EnumSet.of(MetadataFormat.XML))
                .containsEntry(uids.get(2), EnumSet.of(MetadataFormat.JSON))
                .containsEntry(uids.get(3), both)
                .doesNotContainKey(uids.get(1));
        assertThat(existing).hasSize(3)
                .containsEntry(uids.get(0), EnumSet.of(MetadataFormat.JSON))
                .containsEntry(uids.get(1), both)
                .containsEntry(uids.get(2), EnumSet.of(MetadataFormat.XML));
        assertThat(kit().store().select(both, MetadataScope.ALL, uids.get(3), 100))
                .extracting(SelectedInstance::sopInstanceUid).containsExactly(uids.get(4), uids.get(5));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(MetadataFormat.class)
    @DisplayName("a batch of record writes reports WRITTEN, EXISTS and NO_INSTANCE in order, and IF_ABSENT never replaces")
    default void putRecordsModes(MetadataFormat format) {
        List<String> uids = putInstances(3);
        kit().store().putRecords(List.of(write(format, uids.get(0), text("first"), RecordWrite.Mode.REPLACE)));

        List<RecordWriteOutcome> out = kit().store().putRecords(List.of(
                write(format, uids.get(0), text("second"), RecordWrite.Mode.IF_ABSENT),
                write(format, uids.get(1), text("new"), RecordWrite.Mode.IF_ABSENT),
                write(format, "1.2.840.99999.6", text("orphan"), RecordWrite.Mode.REPLACE),
                write(format, uids.get(2), text("replaced"), RecordWrite.Mode.REPLACE)));

        assertThat(out).containsExactly(RecordWriteOutcome.EXISTS, RecordWriteOutcome.WRITTEN,
                RecordWriteOutcome.NO_INSTANCE, RecordWriteOutcome.WRITTEN);
        assertThat(kit().store().getRecord(format, uids.get(0))).hasValue(text("first"));
        assertThat(kit().store().putRecords(List.of(write(format, uids.get(0), text("third"), RecordWrite.Mode.REPLACE))))
                .containsExactly(RecordWriteOutcome.WRITTEN);
        assertThat(kit().store().getRecord(format, uids.get(0))).hasValue(text("third"));
        assertThat(kit().store().count(format, MetadataScope.EXISTING)).isEqualTo(3);
        assertThat(kit().store().putRecords(List.of())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(MetadataFormat.class)
    @DisplayName("the port returns exactly the bytes written, with the provenance written, as bytes and as a stream")
    default void exactBytesAndProvenance(MetadataFormat format) throws Exception {
        List<String> uids = putInstances(1);
        byte[] content = new byte[70_000];
        new Random(7).nextBytes(content);
        RecordWrite w = write(format, uids.get(0), content, RecordWrite.Mode.REPLACE);

        kit().store().putRecords(List.of(w));

        assertThat(kit().store().getRecord(format, uids.get(0))).hasValue(content);
        try (InputStream in = kit().store().openRecord(format, uids.get(0)).orElseThrow()) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
        RecordInfo info = kit().store().recordInfo(format, uids.get(0)).orElseThrow();
        assertThat(info.sopInstanceUid()).isEqualTo(w.info().sopInstanceUid());
        assertThat(info.format()).isEqualTo(format);
        assertThat(info.flags()).isEqualTo(w.info().flags());
        assertThat(info.codecVersion()).isEqualTo(w.info().codecVersion());
        assertThat(info.writtenAt()).isEqualTo(w.info().writtenAt());
        assertThat(info.size()).isEqualTo(content.length);
        assertThat(info.sha256()).isEqualTo(w.info().sha256());
    }

    @Test
    @Timeout(120)
    @DisplayName("a record over 16 MiB round-trips byte for byte through the stream")
    default void largeRecord() throws Exception {
        assumeCapability(StoreCapability.LARGE_RECORDS_OVER_16MB);
        List<String> uids = putInstances(1);
        byte[] content = new byte[17 * 1024 * 1024 + 3];
        new Random(17).nextBytes(content);

        kit().store().putRecords(List.of(write(MetadataFormat.JSON, uids.get(0), content, RecordWrite.Mode.REPLACE)));

        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        long n = 0;
        try (InputStream in = kit().store().openRecord(MetadataFormat.JSON, uids.get(0)).orElseThrow()) {
            byte[] buf = new byte[64 * 1024];
            for (int r; (r = in.read(buf)) > 0; ) {
                sha.update(buf, 0, r);
                n += r;
            }
        }
        assertThat(n).isEqualTo(content.length);
        assertThat(HexFormat.of().formatHex(sha.digest())).isEqualTo(Kit.sha256(content));
        assertThat(kit().store().recordInfo(MetadataFormat.JSON, uids.get(0)).orElseThrow().size())
                .isEqualTo(content.length);
    }

    @Test
    @DisplayName("replacing an instance at the port keeps its records")
    default void putInstanceOverwriteKeepsRecords() {
        List<String> uids = putInstances(1);
        kit().store().putRecords(List.of(write(MetadataFormat.XML, uids.get(0), text("<x/>"), RecordWrite.Mode.REPLACE)));
        Instance replacement = new Instance(uids.get(0), "1.2.3", "1.2.4", "OTHER", UID.MRImageStorage,
                UID.ImplicitVRLittleEndian, "/moved/1.dcm", Instant.now());

        assertThat(kit().store().putInstance(replacement, false)).isEqualTo(InstanceOutcome.ALREADY_PRESENT);
        assertThat(kit().store().findInstance(uids.get(0)).orElseThrow().source()).isEqualTo("/src/1.dcm");
        assertThat(kit().store().putInstance(replacement, true)).isEqualTo(InstanceOutcome.REPLACED);

        Instance now = kit().store().findInstance(uids.get(0)).orElseThrow();
        assertThat(now.source()).isEqualTo("/moved/1.dcm");
        assertThat(now.patientId()).isEqualTo("OTHER");
        assertThat(now.transferSyntaxUid()).isEqualTo(UID.ImplicitVRLittleEndian);
        assertThat(kit().store().getRecord(MetadataFormat.XML, uids.get(0))).hasValue(text("<x/>"));
    }

    @Test
    @DisplayName("closing an agent made over a store leaves the store open; closing a store twice is harmless")
    default void whoClosesWhat() {
        List<String> uids = putInstances(2);
        MetadataAgent agent = MetadataAgents.of(kit().store());
        assertThat(agent.instance(uids.get(0))).isPresent();

        agent.close();

        assertThat(kit().store().findInstance(uids.get(1))).as("the store still works").isPresent();
        assertThat(kit().store().describe()).isNotBlank();
        MetadataStore second = openEmptyStore();
        second.close();
        second.close();
    }
}
