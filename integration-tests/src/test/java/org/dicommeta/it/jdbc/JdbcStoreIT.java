package org.dicommeta.it.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.dicommeta.adapter.jdbc.JdbcStoreProvider;
import org.dicommeta.adapter.jdbc.JdbcStoreSettings;
import org.dicommeta.domain.BackendException;
import org.dicommeta.domain.BackendUnavailableException;
import org.dicommeta.domain.Instance;
import org.dicommeta.domain.InstanceOutcome;
import org.dicommeta.domain.MetadataFormat;
import org.dicommeta.domain.MetadataScope;
import org.dicommeta.domain.RecordInfo;
import org.dicommeta.ports.MetadataStore;
import org.dicommeta.ports.RecordWrite;
import org.dicommeta.ports.RecordWriteOutcome;
import org.dicommeta.ports.SelectedInstance;
import org.dicommeta.ports.StoreRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What the PostgreSQL adapter adds to the contract kit: migrations (empty database, twice, two processes at
 * once), faults (a backend killed mid-batch, a statement timeout, an instance deleted under a batch), a
 * record over 10 MB, a caller's DataSource, and passwords masked.
 */
class JdbcStoreIT {

    private static final List<String> SCHEMAS = new ArrayList<>();
    private static final JdbcStoreProvider PROVIDER = new JdbcStoreProvider();

    @BeforeAll
    static void server() {
        PostgresServer.describe();
    }

    @AfterAll
    static void dropSchemas() {
        SCHEMAS.forEach(PostgresServer::dropSchema);
    }

    private static String schema(String prefix) {
        String s = PostgresServer.freshSchema(prefix);
        synchronized (SCHEMAS) {
            SCHEMAS.add(s);
        }
        return s;
    }

    private static MetadataStore open(String schema, String... options) {
        String[] all = new String[options.length + 1];
        all[0] = "schema=" + schema;
        System.arraycopy(options, 0, all, 1, options.length);
        return PROVIDER.open(StoreRequest.of(PostgresServer.url(all)));
    }

    static String uid(int n) {
        return "1.2.826.0.1.3680043.10.543." + n;
    }

    static Instance instance(int n) {
        return new Instance(uid(n), "1.2.826.0.1.3680043.10.543.0.1", "1.2.826.0.1.3680043.10.543.0.2", "PAT" + n,
                "1.2.840.10008.5.1.4.1.1.2", "1.2.840.10008.1.2.1", "/data/" + n + ".dcm", Instant.now());
    }

    static RecordWrite record(String uid, MetadataFormat f, byte[] content, RecordWrite.Mode mode) {
        try {
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
            return new RecordWrite(new RecordInfo(uid, f, "flags", "test/1", Instant.now(), content.length, sha),
                    content, mode);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] json(int n) {
        return ("{\"00080018\":{\"vr\":\"UI\",\"Value\":[\"" + uid(n) + "\"]}}").repeat(40).getBytes(StandardCharsets.UTF_8);
    }

    private static List<Integer> versions(String schema) throws SQLException {
        List<Integer> v = new ArrayList<>();
        try (Connection c = PostgresServer.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT version FROM \"" + schema + "\".schema_version ORDER BY version")) {
            while (rs.next()) {
                v.add(rs.getInt(1));
            }
        }
        return v;
    }

    private static boolean schemaExists(String schema) throws SQLException {
        try (Connection c = PostgresServer.connect();
                PreparedStatement p = c.prepareStatement("SELECT 1 FROM pg_namespace WHERE nspname = ?")) {
            p.setString(1, schema);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next();
            }
        }
    }

    // ---- migrations -------------------------------------------------------------------------------------

    @Test
    @DisplayName("opening an empty database creates the schema at the latest version, and opening again changes nothing")
    void migratesEmptyDatabaseAndTwice() throws Exception {
        String schema = schema("mig");
        assertThat(schemaExists(schema)).isFalse();
        try (MetadataStore store = open(schema)) {
            assertThat(store.count(MetadataFormat.JSON, MetadataScope.ALL)).isZero();
            store.putInstance(instance(1), false);
        }
        assertThat(versions(schema)).containsExactly(1);
        try (MetadataStore store = open(schema, "migrate=create")) {
            assertThat(store.count(MetadataFormat.XML, MetadataScope.MISSING)).isEqualTo(1);
        }
        assertThat(versions(schema)).containsExactly(1);
        try (MetadataStore store = open(schema, "migrate=validate")) {
            assertThat(store.findInstance(uid(1))).isPresent();
        }
    }

    @Test
    @DisplayName("validate refuses a schema without the store's tables, and none opens without touching anything")
    void validateAndNone() throws Exception {
        String schema = schema("val");
        assertThatThrownBy(() -> open(schema, "migrate=validate"))
                .isInstanceOf(BackendException.class).hasMessageContaining(schema).hasMessageContaining("migrate=create");
        try (MetadataStore store = open(schema, "migrate=none")) {
            assertThat(schemaExists(schema)).isFalse();
            assertThatThrownBy(() -> store.count(MetadataFormat.JSON, MetadataScope.ALL))
                    .isExactlyInstanceOf(BackendException.class).hasMessageContaining("42P01");
        }
    }

    @Test
    @DisplayName("a schema recorded at a version newer than the library is refused, naming both versions")
    void newerSchemaRefused() throws Exception {
        String schema = schema("newer");
        open(schema).close();
        try (Connection c = PostgresServer.connect(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO \"" + schema + "\".schema_version (version, description, checksum) VALUES (99, 'future', 'x')");
        }
        assertThatThrownBy(() -> open(schema)).isInstanceOf(BackendException.class).hasMessageContaining("99");
    }

    @Test
    @DisplayName("two processes opening the same empty database at once both succeed and migrate it exactly once")
    void twoProcessesMigrateAtOnce() throws Exception {
        String schema = schema("race");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        long startAt = System.currentTimeMillis() + 2_500;
        List<Process> processes = new ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            processes.add(new ProcessBuilder(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                    MigrateOnceMain.class.getName(), PostgresServer.url(), schema, Long.toString(startAt), uid(100 + i))
                    .redirectErrorStream(true).start());
        }
        for (Process p : processes) {
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("process finished").isTrue();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as("exit of a migrating process; its output:%n%s", out).isZero();
            assertThat(out).contains("migrated and stored: STORED");
        }
        assertThat(versions(schema)).containsExactly(1);
        try (MetadataStore store = open(schema, "migrate=validate")) {
            assertThat(store.count(MetadataFormat.JSON, MetadataScope.ALL)).isEqualTo(2);
        }
    }

    // ---- faults -----------------------------------------------------------------------------------------

    /** Waits until a backend of the store is blocked on a lock while running {@code fragment}; returns its pid. */
    private static int blockedBackend(Connection watcher, String fragment) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            try (PreparedStatement p = watcher.prepareStatement("SELECT pid FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                    + "AND query LIKE ? AND pid <> pg_backend_pid()")) {
                p.setString(1, "%" + fragment + "%");
                try (ResultSet rs = p.executeQuery()) {
                    if (rs.next()) {
                        return rs.getInt(1);
                    }
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no backend blocked on '" + fragment + "' within 20 s");
    }

    @Test
    @DisplayName("a connection killed in the middle of a batch gives BackendUnavailableException and writes none of the batch")
    void connectionKilledMidBatch() throws Exception {
        String schema = schema("kill");
        ExecutorService exec = Executors.newSingleThreadExecutor();
        try (MetadataStore store = open(schema, "poolSize=2"); Connection holder = PostgresServer.connect();
                Connection killer = PostgresServer.connect()) {
            List<Instance> instances = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                instances.add(instance(i));
            }
            store.putInstances(instances, false);
            List<RecordWrite> batch = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                batch.add(record(uid(i), MetadataFormat.JSON, json(i), RecordWrite.Mode.REPLACE));
            }
            // Another transaction inserts (uncommitted) the record of the batch's last UID, so the batch's
            // transaction has written 49 rows when it waits on the unique index: then its backend is killed.
            holder.setAutoCommit(false);
            try (PreparedStatement p = holder.prepareStatement("INSERT INTO \"" + schema + "\".json_record (sop_instance_uid, "
                    + "flags, codec_version, written_at, size, sha256, encoding, content) VALUES (?, 'f', 'v', now(), 1, "
                    + "decode(repeat('00', 32), 'hex'), 'identity', '\\x00')")) {
                p.setString(1, uid(49));
                p.executeUpdate();
            }
            Future<List<RecordWriteOutcome>> write = exec.submit(() -> store.putRecords(batch));
            int pid = blockedBackend(killer, "json_record");
            try (PreparedStatement p = killer.prepareStatement("SELECT pg_terminate_backend(?)")) {
                p.setInt(1, pid);
                p.execute();
            }
            holder.rollback();
            assertThatThrownBy(write::get).hasCauseInstanceOf(BackendUnavailableException.class)
                    .cause().hasMessageContaining("putRecords of 50 records").hasMessageMatching("(?s).*SQLState (08|57P01).*");
            assertThat(store.count(MetadataFormat.JSON, MetadataScope.EXISTING)).isZero();
            assertThat(store.exists(MetadataFormat.JSON, uid(0))).isFalse();
            // The pool replaced the dead connection: the retried batch goes through whole.
            assertThat(store.putRecords(batch)).containsOnly(RecordWriteOutcome.WRITTEN);
            assertThat(store.count(MetadataFormat.JSON, MetadataScope.EXISTING)).isEqualTo(50);
            assertThat(store.count(MetadataFormat.JSON, MetadataScope.MISSING)).isZero();
        } finally {
            exec.shutdownNow();
        }
    }

    @Test
    @DisplayName("a statement running past the statementTimeout option ends in BackendUnavailableException")
    void statementTimeout() throws Exception {
        String schema = schema("timeout");
        try (MetadataStore store = open(schema, "statementTimeout=300ms"); Connection holder = PostgresServer.connect()) {
            store.putInstance(instance(1), false);
            holder.setAutoCommit(false);
            try (Statement s = holder.createStatement()) {
                s.execute("LOCK TABLE \"" + schema + "\".row_count IN ACCESS EXCLUSIVE MODE");
            }
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> store.count(MetadataFormat.JSON, MetadataScope.ALL))
                    .isInstanceOf(BackendUnavailableException.class).hasMessageContaining("57014");
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
            holder.rollback();
            assertThat(store.count(MetadataFormat.JSON, MetadataScope.ALL)).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("an instance deleted by another transaction under a batch makes that write NO_INSTANCE; the rest is written")
    void instanceDeletedUnderBatch() throws Exception {
        String schema = schema("race_del");
        ExecutorService exec = Executors.newSingleThreadExecutor();
        try (MetadataStore store = open(schema); Connection deleter = PostgresServer.connect();
                Connection watcher = PostgresServer.connect()) {
            store.putInstances(List.of(instance(1), instance(2)), false);
            deleter.setAutoCommit(false);
            try (PreparedStatement p = deleter.prepareStatement("DELETE FROM \"" + schema + "\".instance WHERE sop_instance_uid = ?")) {
                p.setString(1, uid(1));
                assertThat(p.executeUpdate()).isEqualTo(1);
            }
            Future<List<RecordWriteOutcome>> write = exec.submit(() -> store.putRecords(List.of(
                    record(uid(1), MetadataFormat.JSON, json(1), RecordWrite.Mode.IF_ABSENT),
                    record(uid(2), MetadataFormat.JSON, json(2), RecordWrite.Mode.IF_ABSENT),
                    record(uid(3), MetadataFormat.XML, json(3), RecordWrite.Mode.IF_ABSENT))));
            blockedBackend(watcher, "json_record");
            deleter.commit();
            assertThat(write.get(20, TimeUnit.SECONDS)).containsExactly(RecordWriteOutcome.NO_INSTANCE,
                    RecordWriteOutcome.WRITTEN, RecordWriteOutcome.NO_INSTANCE);
            assertThat(store.count(MetadataFormat.JSON, MetadataScope.ALL)).isEqualTo(1);
            assertThat(store.count(MetadataFormat.JSON, MetadataScope.EXISTING)).isEqualTo(1);
        } finally {
            exec.shutdownNow();
        }
    }

    // ---- records ----------------------------------------------------------------------------------------

    @Test
    @DisplayName("a record larger than 10 MB comes back byte for byte, whole and streamed, under every compression")
    void largeRecord() throws Exception {
        byte[] noise = new byte[11 * 1024 * 1024];
        new Random(42).nextBytes(noise);
        byte[] text = "{\"7FE00010\":{\"vr\":\"OW\",\"InlineBinary\":\"QUJDRA==\"}},".repeat(230_000)
                .getBytes(StandardCharsets.US_ASCII);
        assertThat(text.length).isGreaterThan(10 * 1024 * 1024);
        for (String compression : List.of("deflate", "lz4", "none")) {
            if (compression.equals("lz4") && !lz4Available()) {
                System.out.println("[dicom-metadata IT] largeRecord: compression=lz4 not tried, "
                        + "the server lacks lz4 (needs PostgreSQL 14 built --with-lz4)");
                assertThatThrownBy(() -> open(schema("nolz4"), "compression=lz4"))
                        .isInstanceOf(BackendException.class).hasMessageContaining("lz4");
                continue;
            }
            String schema = schema("big_" + compression);
            try (MetadataStore store = open(schema, "compression=" + compression)) {
                store.putInstances(List.of(instance(1), instance(2)), false);
                RecordWrite a = record(uid(1), MetadataFormat.JSON, noise, RecordWrite.Mode.REPLACE);
                RecordWrite b = record(uid(2), MetadataFormat.XML, text, RecordWrite.Mode.REPLACE);
                assertThat(store.putRecords(List.of(a, b))).containsOnly(RecordWriteOutcome.WRITTEN);
                assertThat(store.getRecord(MetadataFormat.JSON, uid(1))).get().isEqualTo(noise);
                assertThat(store.getRecord(MetadataFormat.XML, uid(2))).get().isEqualTo(text);
                try (InputStream in = store.openRecord(MetadataFormat.XML, uid(2)).orElseThrow()) {
                    assertThat(in.readAllBytes()).isEqualTo(text);
                }
                RecordInfo info = store.recordInfo(MetadataFormat.XML, uid(2)).orElseThrow();
                assertThat(info.size()).isEqualTo(text.length);
                assertThat(info.sha256()).isEqualTo(b.info().sha256());
                assertThat(info.writtenAt()).isEqualTo(b.info().writtenAt().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
            }
        }
    }

    private static boolean lz4Available() throws SQLException {
        try (Connection c = PostgresServer.connect(); Statement s = c.createStatement()) {
            s.execute("SET default_toast_compression = 'lz4'");
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    @Test
    @DisplayName("a batch may mix formats, modes, duplicates and unknown instances; outcomes follow the batch's order")
    void mixedBatch() {
        String schema = schema("mixed");
        try (MetadataStore store = open(schema)) {
            assertThat(store.putInstances(List.of(instance(1), instance(2), instance(1)), false))
                    .containsExactly(InstanceOutcome.STORED, InstanceOutcome.STORED, InstanceOutcome.ALREADY_PRESENT);
            assertThat(store.putInstances(List.of(instance(2), instance(3), instance(3)), true))
                    .containsExactly(InstanceOutcome.REPLACED, InstanceOutcome.STORED, InstanceOutcome.REPLACED);
            byte[] first = json(1);
            byte[] second = "{}".getBytes(StandardCharsets.UTF_8);
            List<RecordWriteOutcome> out = store.putRecords(List.of(
                    record(uid(1), MetadataFormat.JSON, first, RecordWrite.Mode.IF_ABSENT),
                    record(uid(1), MetadataFormat.JSON, second, RecordWrite.Mode.IF_ABSENT),
                    record(uid(1), MetadataFormat.XML, second, RecordWrite.Mode.REPLACE),
                    record(uid(9), MetadataFormat.JSON, first, RecordWrite.Mode.REPLACE),
                    record(uid(2), MetadataFormat.JSON, first, RecordWrite.Mode.REPLACE),
                    record(uid(2), MetadataFormat.JSON, second, RecordWrite.Mode.REPLACE)));
            assertThat(out).containsExactly(RecordWriteOutcome.WRITTEN, RecordWriteOutcome.EXISTS,
                    RecordWriteOutcome.WRITTEN, RecordWriteOutcome.NO_INSTANCE, RecordWriteOutcome.WRITTEN,
                    RecordWriteOutcome.WRITTEN);
            assertThat(store.getRecord(MetadataFormat.JSON, uid(1))).get().isEqualTo(first);
            assertThat(store.getRecord(MetadataFormat.JSON, uid(2))).get().isEqualTo(second);
            assertThat(store.count(MetadataFormat.JSON, MetadataScope.EXISTING)).isEqualTo(2);
            assertThat(store.count(MetadataFormat.JSON, MetadataScope.MISSING)).isEqualTo(1);
            assertThat(store.count(MetadataFormat.XML, MetadataScope.MISSING)).isEqualTo(2);
        }
    }

    @Test
    @DisplayName("an IF_ABSENT batch retried after its first attempt committed unseen reports WRITTEN again; another record stays EXISTS")
    void retriedBatchIsRecognised() {
        String schema = schema("retry");
        try (MetadataStore store = open(schema)) {
            store.putInstances(List.of(instance(1), instance(2)), false);
            List<RecordWrite> batch = List.of(record(uid(1), MetadataFormat.JSON, json(1), RecordWrite.Mode.IF_ABSENT),
                    record(uid(2), MetadataFormat.XML, json(2), RecordWrite.Mode.IF_ABSENT));
            assertThat(store.putRecords(batch)).containsOnly(RecordWriteOutcome.WRITTEN);
            // The same writes again, as the engine sends them when a COMMIT's acknowledgement was lost.
            assertThat(store.putRecords(batch)).containsOnly(RecordWriteOutcome.WRITTEN);
            RecordWrite other = record(uid(1), MetadataFormat.JSON, json(3), RecordWrite.Mode.IF_ABSENT);
            assertThat(store.putRecords(List.of(other))).containsExactly(RecordWriteOutcome.EXISTS);
            assertThat(store.getRecord(MetadataFormat.JSON, uid(1))).get().isEqualTo(json(1));
            assertThat(store.count(MetadataFormat.JSON, MetadataScope.EXISTING)).isEqualTo(1);
            assertThat(store.count(MetadataFormat.XML, MetadataScope.EXISTING)).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("counts stay exact through cascaded deletes and thousands of small transactions (delta rows folded)")
    void countsStayExact() throws Exception {
        String schema = schema("counts");
        try (MetadataStore store = open(schema)) {
            for (int i = 0; i < 600; i++) {
                store.putInstance(instance(i), false);
                if (i % 2 == 0) {
                    store.putRecords(List.of(record(uid(i), MetadataFormat.JSON, json(i), RecordWrite.Mode.REPLACE)));
                }
            }
            assertThat(store.count(MetadataFormat.JSON, MetadataScope.ALL)).isEqualTo(600);
            assertThat(store.count(MetadataFormat.JSON, MetadataScope.EXISTING)).isEqualTo(300);
            List<String> gone = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                gone.add(uid(i));
            }
            gone.add(uid(99_999));
            assertThat(store.deleteInstances(gone)).isEqualTo(100);
            assertThat(store.count(MetadataFormat.JSON, MetadataScope.ALL)).isEqualTo(500);
            assertThat(store.count(MetadataFormat.JSON, MetadataScope.EXISTING)).isEqualTo(250);
            assertThat(store.count(MetadataFormat.JSON, MetadataScope.MISSING)).isEqualTo(250);
            assertThat(store.deleteAllRecords(MetadataFormat.JSON)).isEqualTo(250);
            assertThat(store.count(MetadataFormat.JSON, MetadataScope.MISSING)).isEqualTo(500);
            try (Connection c = PostgresServer.connect(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT count(*) FROM \"" + schema + "\".row_count")) {
                rs.next();
                assertThat(rs.getLong(1)).as("delta rows after folding").isLessThan(600);
            }
            try (Connection c = PostgresServer.connect(); Statement s = c.createStatement()) {
                assertThatThrownBy(() -> s.execute("TRUNCATE \"" + schema + "\".json_record"))
                        .hasMessageContaining("desynchronise the counts");
            }
        }
    }

    @Test
    @DisplayName("selections are keyset pages in String order, per format, and never miss or repeat an instance")
    void keysetSelection() {
        String schema = schema("select");
        try (MetadataStore store = open(schema)) {
            List<Instance> all = new ArrayList<>();
            for (int i = 1; i <= 25; i++) {
                all.add(instance(i));
            }
            store.putInstances(all, false);
            List<RecordWrite> writes = new ArrayList<>();
            for (int i = 1; i <= 25; i += 3) {
                writes.add(record(uid(i), MetadataFormat.JSON, json(i), RecordWrite.Mode.REPLACE));
            }
            for (int i = 1; i <= 25; i += 2) {
                writes.add(record(uid(i), MetadataFormat.XML, json(i), RecordWrite.Mode.REPLACE));
            }
            store.putRecords(writes);
            List<SelectedInstance> seen = new ArrayList<>();
            String after = null;
            while (true) {
                List<SelectedInstance> page = store.select(Set.of(MetadataFormat.JSON, MetadataFormat.XML),
                        MetadataScope.MISSING, after, 4);
                if (page.isEmpty()) {
                    break;
                }
                seen.addAll(page);
                after = page.get(page.size() - 1).sopInstanceUid();
            }
            List<String> uids = seen.stream().map(SelectedInstance::sopInstanceUid).toList();
            assertThat(uids).isSorted().doesNotHaveDuplicates();
            for (SelectedInstance s : seen) {
                int n = Integer.parseInt(s.sopInstanceUid().substring(s.sopInstanceUid().lastIndexOf('.') + 1));
                Set<MetadataFormat> expected = java.util.EnumSet.noneOf(MetadataFormat.class);
                if ((n - 1) % 3 != 0) {
                    expected.add(MetadataFormat.JSON);
                }
                if ((n - 1) % 2 != 0) {
                    expected.add(MetadataFormat.XML);
                }
                assertThat(s.formats()).as(s.sopInstanceUid()).isEqualTo(expected);
            }
            // 25 instances; those with both formats (n-1 divisible by 6: 1, 7, 13, 19, 25) are not selected.
            assertThat(uids).hasSize(20);
        }
    }

    // ---- ownership and masking --------------------------------------------------------------------------

    @Test
    @DisplayName("a caller's DataSource is used as is and stays open after the store closes")
    void callerDataSource() throws Exception {
        String schema = schema("ds");
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(PostgresServer.url());
        config.setMaximumPoolSize(2);
        try (HikariDataSource ds = new HikariDataSource(config)) {
            MetadataStore store = JdbcStoreProvider.open(ds, JdbcStoreSettings.defaults().withSchema(schema)
                    .withStatementTimeout(Duration.ofSeconds(5)));
            store.putInstance(instance(1), false);
            assertThat(store.describe()).contains(schema);
            store.close();
            store.close();
            assertThat(ds.isClosed()).isFalse();
            try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT count(*) FROM \"" + schema + "\".instance, current_setting('statement_timeout') t "
                            + "WHERE t = '0'")) {
                rs.next();
                assertThat(rs.getLong(1)).as("the store's statement timeout did not leak into the caller's connection").isEqualTo(1);
                assertThat(c.getAutoCommit()).isTrue();
            }
        }
    }

    @Test
    @DisplayName("a password in the URI is masked in describe, toString and every exception message")
    void passwordsMasked() {
        String base = PostgresServer.url();
        String secret = "s3cr3t-pw";
        String url = base.replaceFirst("/[^/?]+(\\?|$)", "/no_such_database_x$1") + (base.contains("?") ? "&" : "?")
                + "password=" + secret;
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> PROVIDER.open(new StoreRequest(url,
                Map.of("connectTimeout", "2s"))));
        assertThat(t).isInstanceOf(BackendException.class);
        for (Throwable x = t; x != null; x = x.getCause()) {
            assertThat(String.valueOf(x.getMessage())).doesNotContain(secret);
        }
        String schema = schema("mask");
        String good = PostgresServer.url("schema=" + schema) + "&password=" + secret;
        try (MetadataStore store = PROVIDER.open(StoreRequest.of(good))) {
            assertThat(store.describe()).doesNotContain(secret).contains("****");
            assertThat(store.toString()).doesNotContain(secret);
            assertThatThrownBy(() -> store.putRecords(List.of(new RecordWrite(new RecordInfo(uid(1), MetadataFormat.JSON,
                    "f", "v", Instant.now(), 1, "zz".repeat(32)), new byte[1], RecordWrite.Mode.REPLACE))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(uid(1));
        }
    }
}
