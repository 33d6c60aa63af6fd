package org.dicommeta.it.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.io.InputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.dicommeta.adapter.mongo.MongoStoreProvider;
import org.dicommeta.adapter.mongo.MongoStoreSettings;
import org.dicommeta.domain.BackendException;
import org.dicommeta.domain.BackendUnavailableException;
import org.dicommeta.domain.Instance;
import org.dicommeta.domain.MetadataFormat;
import org.dicommeta.domain.MetadataScope;
import org.dicommeta.domain.RecordInfo;
import org.dicommeta.ports.MetadataStore;
import org.dicommeta.ports.RecordWrite;
import org.dicommeta.ports.RecordWriteOutcome;
import org.dicommeta.ports.StoreRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What the MongoDB adapter promises beyond the contract kit: chunked records, faults, ownership, masking. */
class MongoStoreIT {

    private static final MongoStoreProvider PROVIDER = new MongoStoreProvider();

    @BeforeAll
    static void announce() {
        System.out.println("[dicom-metadata IT] MongoStoreIT uses " + MongoTestServer.describe());
    }

    private static String freshPrefix() {
        return "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12) + "_";
    }

    private static MetadataStore open(String uri, String prefix) {
        return PROVIDER.open(new StoreRequest(uri, Map.of("prefix", prefix, "timeoutMs", "3000")));
    }

    private static String uid(int i) {
        return "1.2.826.0.1.3680043.10.1." + i;
    }

    private static Instance instance(int i) {
        return new Instance(uid(i), "1.2.3", "1.2.3.4", "PID" + i, "1.2.840.10008.5.1.4.1.1.2",
                "1.2.840.10008.1.2.1", "/data/" + i + ".dcm", Instant.parse("2026-12-04T10:00:00Z"));
    }

    private static RecordWrite record(String uid, MetadataFormat f, byte[] content, RecordWrite.Mode mode)
            throws Exception {
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        return new RecordWrite(new RecordInfo(uid, f, "IGNORE_BINARY_DATA", "test/1", Instant.now(), content.length, sha),
                content, mode);
    }

    @Test
    @DisplayName("a record larger than the 16 MB document limit is stored and read back exactly, as bytes and as a stream")
    void recordAboveDocumentLimit() throws Exception {
        try (MetadataStore store = open(MongoTestServer.uri(), freshPrefix())) {
            store.putInstance(instance(1), false);
            byte[] big = new byte[17 * 1024 * 1024 + 123];
            new Random(7).nextBytes(big);
            assertThat(store.putRecords(List.of(record(uid(1), MetadataFormat.JSON, big, RecordWrite.Mode.REPLACE))))
                    .containsExactly(RecordWriteOutcome.WRITTEN);
            assertThat(store.getRecord(MetadataFormat.JSON, uid(1))).hasValueSatisfying(b -> assertThat(b).isEqualTo(big));
            try (InputStream in = store.openRecord(MetadataFormat.JSON, uid(1)).orElseThrow()) {
                assertThat(in.readAllBytes()).isEqualTo(big);
            }
            assertThat(store.recordInfo(MetadataFormat.JSON, uid(1)).orElseThrow().size()).isEqualTo(big.length);
            assertThat(store.count(MetadataFormat.JSON, MetadataScope.EXISTING)).isEqualTo(1);

            byte[] small = "{\"small\":true}".getBytes();
            store.putRecords(List.of(record(uid(1), MetadataFormat.JSON, small, RecordWrite.Mode.REPLACE)));
            assertThat(store.getRecord(MetadataFormat.JSON, uid(1))).hasValueSatisfying(b -> assertThat(b).isEqualTo(small));
        }
    }

    @Test
    @DisplayName("a replaced chunked record leaves no chunks behind")
    void replacedChunksAreRemoved() throws Exception {
        String prefix = freshPrefix();
        try (MongoClient client = MongoClients.create(MongoTestServer.uri());
                MetadataStore store = MongoStoreProvider.open(client, settings(prefix))) {
            store.putInstance(instance(2), false);
            byte[] big = new byte[5 * 1024 * 1024];
            new Random(3).nextBytes(big);
            store.putRecords(List.of(record(uid(2), MetadataFormat.XML, big, RecordWrite.Mode.REPLACE)));
            var chunks = client.getDatabase(dbName()).getCollection(prefix + "chunks");
            assertThat(chunks.countDocuments()).isEqualTo(2);
            store.putRecords(List.of(record(uid(2), MetadataFormat.XML, new byte[10], RecordWrite.Mode.REPLACE)));
            assertThat(chunks.countDocuments()).isZero();
            store.putRecords(List.of(record(uid(2), MetadataFormat.XML, big, RecordWrite.Mode.REPLACE)));
            store.deleteInstances(List.of(uid(2)));
            assertThat(chunks.countDocuments()).isZero();
        }
    }

    @Test
    @DisplayName("a server that goes away mid-batch gives a transient error, no partial record, and a retry writes the batch once")
    void serverGoesAwayMidBatch() throws Exception {
        java.net.URI target = java.net.URI.create(MongoTestServer.uri().replaceFirst("^mongodb://", "http://"));
        try (TcpProxy proxy = new TcpProxy(target.getHost(), target.getPort() < 0 ? 27017 : target.getPort())) {
            String uri = "mongodb://127.0.0.1:" + proxy.port() + "/" + dbName()
                    + "?directConnection=true&dicommeta.timeoutMs=1500";
            try (MetadataStore store = open(uri, freshPrefix())) {
                List<RecordWrite> batch = new ArrayList<>();
                List<Instance> instances = new ArrayList<>();
                Random random = new Random(11);
                for (int i = 0; i < 50; i++) {
                    instances.add(instance(100 + i));
                    byte[] content = new byte[40_000];
                    random.nextBytes(content);
                    batch.add(record(uid(100 + i), MetadataFormat.JSON, content, RecordWrite.Mode.IF_ABSENT));
                }
                store.putInstances(instances, false);
                proxy.cutAfter(1_000_000); // the batch is about 2 MB on the wire: the cut lands inside it
                assertThatThrownBy(() -> store.putRecords(batch)).isInstanceOf(BackendUnavailableException.class)
                        .hasMessageContaining("MongoDB");
                proxy.restore();

                long existing = store.count(MetadataFormat.JSON, MetadataScope.EXISTING);
                for (RecordWrite w : batch) {
                    store.getRecord(MetadataFormat.JSON, w.sopInstanceUid())
                            .ifPresent(b -> assertThat(b).isEqualTo(w.content()));
                }
                assertThat(existing + store.count(MetadataFormat.JSON, MetadataScope.MISSING)).isEqualTo(50);

                assertThat(store.putRecords(batch)).containsOnly(RecordWriteOutcome.WRITTEN);
                assertThat(store.count(MetadataFormat.JSON, MetadataScope.EXISTING)).isEqualTo(50);
                for (RecordWrite w : batch) {
                    assertThat(store.getRecord(MetadataFormat.JSON, w.sopInstanceUid())).hasValueSatisfying(
                            b -> assertThat(b).isEqualTo(w.content()));
                }
            }
        }
    }

    @Test
    @DisplayName("an unreachable server is a transient error whose message masks the password")
    void unreachableServerMasksPassword() {
        assertThatThrownBy(() -> {
            try (MetadataStore store = PROVIDER.open(StoreRequest.of(
                    "mongodb://alice:hunter2@127.0.0.1:1/db?dicommeta.timeoutMs=300"))) {
                store.count(MetadataFormat.JSON, MetadataScope.ALL);
            }
        }).isInstanceOf(BackendUnavailableException.class)
                .hasMessageContaining("alice:****@127.0.0.1:1")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    @DisplayName("a caller's MongoClient stays open after the store is closed")
    void callersClientStaysOpen() {
        try (MongoClient client = MongoClients.create(MongoTestServer.uri())) {
            MetadataStore store = MongoStoreProvider.open(client, settings(freshPrefix()));
            store.putInstance(instance(3), false);
            store.close();
            assertThat(client.getDatabase(dbName()).listCollectionNames().into(new ArrayList<>())).isNotEmpty();
        }
    }

    @Test
    @DisplayName("library options come from dicommeta.* parameters, unknown ones are refused by name")
    void options() {
        String prefix = freshPrefix();
        String uri = MongoTestServer.uri() + (MongoTestServer.uri().contains("?") ? "&" : "?") + "dicommeta.prefix=" + prefix;
        try (MetadataStore store = PROVIDER.open(StoreRequest.of(uri))) {
            store.putInstance(instance(4), false);
            assertThat(store.describe()).contains(prefix);
        }
        assertThatThrownBy(() -> PROVIDER.open(new StoreRequest(MongoTestServer.uri(), Map.of("colour", "red"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("colour");
    }

    @Test
    @DisplayName("opening twice creates the indexes idempotently")
    void indexesIdempotent() {
        String prefix = freshPrefix();
        try (MetadataStore a = open(MongoTestServer.uri(), prefix); MetadataStore b = open(MongoTestServer.uri(), prefix)) {
            a.putInstance(instance(5), false);
            assertThat(b.count(MetadataFormat.XML, MetadataScope.MISSING)).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("backend errors are typed, never driver exceptions")
    void typedErrors() {
        assertThatThrownBy(() -> PROVIDER.open(new StoreRequest(MongoTestServer.uri(), Map.of("writeConcern", "bogus"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("writeConcern");
        assertThat(BackendUnavailableException.class).isAssignableTo(BackendException.class);
    }

    private static String dbName() {
        String path = java.net.URI.create(MongoTestServer.uri().replaceFirst("^mongodb://", "http://")).getPath();
        return path == null || path.length() <= 1 ? "dicommeta" : path.substring(1);
    }

    private static MongoStoreSettings settings(String prefix) {
        return MongoStoreSettings.fromOptions(Map.of("prefix", prefix, "timeoutMs", "3000"), dbName());
    }
}
