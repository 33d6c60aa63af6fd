package org.dicommeta.adapter.jdbc;

import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.dicommeta.domain.BackendException;
import org.dicommeta.domain.Instance;
import org.dicommeta.domain.InstanceOutcome;
import org.dicommeta.domain.MetadataFormat;
import org.dicommeta.domain.MetadataScope;
import org.dicommeta.domain.RecordInfo;
import org.dicommeta.ports.MetadataStore;
import org.dicommeta.ports.RecordWrite;
import org.dicommeta.ports.RecordWriteOutcome;
import org.dicommeta.ports.SelectedInstance;

/**
 * The store over PostgreSQL. Every value travels as a bound parameter; the only text spliced into SQL is
 * the schema name (validated, then quoted as an identifier) and the names of the store's own tables.
 *
 * <p>Each public operation is one transaction on one pooled connection, so a batch is written whole or
 * not at all (PostgreSQL rolls back the transaction of a connection that dies). Timestamps are kept to the
 * microsecond (timestamptz's precision); finer parts of an {@link Instant} are truncated on the way in.
 */
final class JdbcMetadataStore implements MetadataStore {

    private static final System.Logger LOG = System.getLogger(JdbcMetadataStore.class.getName());

    /** Delta rows in row_count past which a count folds them (summing a few hundred rows takes well under a millisecond). */
    private static final int FOLD_THRESHOLD = 256;
    /** Write transactions between two folds, so an import that never counts keeps the table short too. */
    private static final int FOLD_EVERY_WRITES = 512;
    /** UIDs per ANY(array) statement of a delete. */
    private static final int UID_CHUNK = 10_000;
    /** Attempts of a record batch that met an instance deleted under it (a foreign key violation). */
    private static final int FOREIGN_KEY_RETRIES = 3;
    /** Encoding a batch runs in parallel from this many records on. */
    private static final int PARALLEL_ENCODE_FROM = 16;

    private static final String INSTANCE_COLUMNS = "sop_instance_uid, study_instance_uid, series_instance_uid, "
            + "patient_id, sop_class_uid, transfer_syntax_uid, source, stored_at";

    private final DataSource dataSource;
    private final AutoCloseable owned;
    private final JdbcStoreSettings settings;
    private final String description;
    private final String schema;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicLong writes = new AtomicLong();
    /** {@link JdbcStoreSettings#compression()} with AUTO resolved for the server at open. */
    private volatile JdbcStoreSettings.Compression compression;

    private final String insertInstancesKeep;
    private final String insertInstancesReplace;
    private final String findInstance;
    private final String deleteInstances;
    private final String count;
    private final String fold;
    private final Map<MetadataFormat, String> replaceRecords = new EnumMap<>(MetadataFormat.class);
    private final Map<MetadataFormat, String> insertRecordsIfAbsent = new EnumMap<>(MetadataFormat.class);
    private final Map<MetadataFormat, String> existsRecord = new EnumMap<>(MetadataFormat.class);
    private final Map<MetadataFormat, String> getRecord = new EnumMap<>(MetadataFormat.class);
    private final Map<MetadataFormat, String> infoRecord = new EnumMap<>(MetadataFormat.class);
    private final Map<MetadataFormat, String> deleteRecords = new EnumMap<>(MetadataFormat.class);
    private final Map<MetadataFormat, String> deleteAllRecords = new EnumMap<>(MetadataFormat.class);

    /**
     * @param dataSource  where connections come from
     * @param owned       what {@link #close()} closes (the pool the provider made), or null for a caller's DataSource
     * @param settings    the options
     * @param where       the masked URI or a description of the caller's DataSource
     */
    JdbcMetadataStore(DataSource dataSource, AutoCloseable owned, JdbcStoreSettings settings, String where) {
        this.dataSource = dataSource;
        this.owned = owned;
        this.settings = settings;
        this.schema = quote(settings.schema());
        this.description = "PostgreSQL " + where + " (schema " + settings.schema() + ")";
        this.compression = settings.compression() == JdbcStoreSettings.Compression.AUTO
                ? JdbcStoreSettings.Compression.DEFLATE : settings.compression();
        String unnest = " SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], "
                + "?::text[], ?::text[]::timestamptz[])";
        insertInstancesKeep = "INSERT INTO " + schema + ".instance (" + INSTANCE_COLUMNS + ")" + unnest
                + " ON CONFLICT (sop_instance_uid) DO NOTHING RETURNING sop_instance_uid, true";
        insertInstancesReplace = "INSERT INTO " + schema + ".instance (" + INSTANCE_COLUMNS + ")" + unnest
                + " ON CONFLICT (sop_instance_uid) DO UPDATE SET study_instance_uid = EXCLUDED.study_instance_uid, "
                + "series_instance_uid = EXCLUDED.series_instance_uid, patient_id = EXCLUDED.patient_id, "
                + "sop_class_uid = EXCLUDED.sop_class_uid, transfer_syntax_uid = EXCLUDED.transfer_syntax_uid, "
                + "source = EXCLUDED.source, stored_at = EXCLUDED.stored_at "
                // xmax is 0 on a row version this statement inserted, and set on one it updated.
                + "RETURNING sop_instance_uid, (xmax = 0)";
        findInstance = "SELECT " + INSTANCE_COLUMNS + " FROM " + schema + ".instance WHERE sop_instance_uid = ?";
        deleteInstances = "DELETE FROM " + schema + ".instance WHERE sop_instance_uid = ANY (?::text[])";
        count = "SELECT coalesce(sum(delta) FILTER (WHERE kind = 'instance'), 0), "
                + "coalesce(sum(delta) FILTER (WHERE kind = ?), 0), count(*) FROM " + schema + ".row_count";
        fold = "WITH gone AS (DELETE FROM " + schema + ".row_count RETURNING kind, delta) "
                + "INSERT INTO " + schema + ".row_count (kind, delta) SELECT kind, sum(delta) FROM gone GROUP BY kind";
        for (MetadataFormat f : MetadataFormat.values()) {
            String t = schema + "." + table(f);
            String input = "WITH input AS (SELECT * FROM unnest(?::text[], ?::text[], ?::text[], "
                    + "?::text[]::timestamptz[], ?::int8[], ?::bytea[], ?::text[], ?::bytea[]) AS u(sop_instance_uid, "
                    + "flags, codec_version, written_at, size, sha256, encoding, content)), written AS (INSERT INTO "
                    + t + " AS r (sop_instance_uid, flags, codec_version, written_at, size, sha256, encoding, content) "
                    + "SELECT input.* FROM input WHERE EXISTS (SELECT 1 FROM " + schema + ".instance i "
                    + "WHERE i.sop_instance_uid = input.sop_instance_uid) ON CONFLICT (sop_instance_uid) ";
            String answer = " RETURNING r.sop_instance_uid) SELECT sop_instance_uid, true FROM written UNION ALL "
                    + "SELECT i.sop_instance_uid, false FROM " + schema + ".instance i WHERE i.sop_instance_uid = "
                    + "ANY (?::text[]) AND NOT EXISTS (SELECT 1 FROM written w WHERE w.sop_instance_uid = i.sop_instance_uid)";
            replaceRecords.put(f, input + "DO UPDATE SET flags = EXCLUDED.flags, codec_version = EXCLUDED.codec_version, "
                    + "written_at = EXCLUDED.written_at, size = EXCLUDED.size, sha256 = EXCLUDED.sha256, "
                    + "encoding = EXCLUDED.encoding, content = EXCLUDED.content" + answer);
            // IF_ABSENT meeting a record: nothing changes, unless that record is this very write (same
            // digest, time and flags), which happens when a batch whose commit was acknowledged to nobody
            // (connection lost at COMMIT) is retried. Then the row is touched and reported WRITTEN again,
            // so the engine's tally stays right; any other existing record is reported EXISTS.
            insertRecordsIfAbsent.put(f, input + "DO UPDATE SET written_at = EXCLUDED.written_at WHERE "
                    + "r.sha256 = EXCLUDED.sha256 AND r.written_at = EXCLUDED.written_at AND r.flags = EXCLUDED.flags"
                    + answer);
            existsRecord.put(f, "SELECT 1 FROM " + t + " WHERE sop_instance_uid = ?");
            getRecord.put(f, "SELECT encoding, size, content FROM " + t + " WHERE sop_instance_uid = ?");
            infoRecord.put(f, "SELECT flags, codec_version, written_at, size, sha256 FROM " + t
                    + " WHERE sop_instance_uid = ?");
            deleteRecords.put(f, "DELETE FROM " + t + " WHERE sop_instance_uid = ANY (?::text[])");
            deleteAllRecords.put(f, "DELETE FROM " + t);
        }
    }

    static String table(MetadataFormat f) {
        return f == MetadataFormat.JSON ? "json_record" : "xml_record";
    }

    static String kind(MetadataFormat f) {
        return f == MetadataFormat.JSON ? "json" : "xml";
    }

    /** The identifier quoted; the name is already restricted to [a-z_][a-z0-9_]*, so it holds no quote. */
    static String quote(String identifier) {
        return '"' + identifier + '"';
    }

    /** Applies {@link JdbcStoreSettings#migrate()} and the column compression; the store is usable afterwards. */
    void open() {
        SchemaMigrator migrator = new SchemaMigrator(settings.schema(), schema);
        if (settings.compression() == JdbcStoreSettings.Compression.AUTO) {
            compression = inTransaction("probing lz4 support", c -> ColumnStorage.serverVersion(c) >= 140000
                    && ColumnStorage.supportsLz4(c)) ? JdbcStoreSettings.Compression.LZ4 : JdbcStoreSettings.Compression.DEFLATE;
        }
        switch (settings.migrate()) {
            case CREATE -> inTransaction("migrating schema " + settings.schema(), c -> {
                List<Integer> applied = migrator.migrate(c);
                if (!applied.isEmpty()) {
                    LOG.log(System.Logger.Level.INFO, "Applied migrations {0} to {1}", applied, description);
                }
                ColumnStorage.apply(c, schema, settings.schema(), compression);
                return null;
            });
            case VALIDATE -> inTransaction("validating schema " + settings.schema(), c -> {
                migrator.validate(c);
                return null;
            });
            case NONE -> {
                // The schema is someone else's business; the first statement will tell if it is missing.
            }
        }
    }

    @Override
    public String describe() {
        return description;
    }

    // ---- instances --------------------------------------------------------------------------------------

    @Override
    public InstanceOutcome putInstance(Instance instance, boolean overwrite) {
        return putInstances(List.of(instance), overwrite).get(0);
    }

    @Override
    public List<InstanceOutcome> putInstances(List<Instance> batch, boolean overwrite) {
        if (batch.isEmpty()) {
            return List.of();
        }
        // ON CONFLICT DO UPDATE may not touch a row twice in one statement: write each UID's last entry
        // once and derive the outcomes of earlier duplicates as a sequence of single calls would give them.
        Map<String, Integer> last = new HashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            last.put(batch.get(i).sopInstanceUid(), i);
        }
        List<Instance> unique = new ArrayList<>(last.size());
        Map<String, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            Instance in = batch.get(i);
            firstIndex.putIfAbsent(in.sopInstanceUid(), i);
            if (overwrite ? last.get(in.sopInstanceUid()) == i : firstIndex.get(in.sopInstanceUid()) == i) {
                unique.add(in);
            }
        }
        Map<String, Boolean> returned = inWriteTransaction(
                "putInstances of " + batch.size() + " instances (first " + batch.get(0).sopInstanceUid() + ")", c -> {
                    int n = unique.size();
                    String[][] cols = new String[8][n];
                    for (int i = 0; i < n; i++) {
                        Instance in = unique.get(i);
                        cols[0][i] = in.sopInstanceUid();
                        cols[1][i] = in.studyInstanceUid();
                        cols[2][i] = in.seriesInstanceUid();
                        cols[3][i] = in.patientId();
                        cols[4][i] = in.sopClassUid();
                        cols[5][i] = in.transferSyntaxUid();
                        cols[6][i] = in.source();
                        cols[7][i] = micros(in.storedAt()).toString();
                    }
                    Map<String, Boolean> out = new HashMap<>();
                    try (PreparedStatement p = c.prepareStatement(overwrite ? insertInstancesReplace : insertInstancesKeep)) {
                        for (int k = 0; k < 8; k++) {
                            p.setArray(k + 1, c.createArrayOf("text", cols[k]));
                        }
                        try (ResultSet rs = p.executeQuery()) {
                            while (rs.next()) {
                                out.put(rs.getString(1), rs.getBoolean(2));
                            }
                        }
                    }
                    return out;
                });
        List<InstanceOutcome> outcomes = new ArrayList<>(batch.size());
        Set<String> seen = new HashSet<>();
        for (Instance in : batch) {
            String uid = in.sopInstanceUid();
            boolean first = seen.add(uid);
            Boolean inserted = returned.get(uid);
            if (!first) {
                outcomes.add(overwrite ? InstanceOutcome.REPLACED : InstanceOutcome.ALREADY_PRESENT);
            } else if (inserted == null) {
                outcomes.add(InstanceOutcome.ALREADY_PRESENT);
            } else {
                outcomes.add(inserted ? InstanceOutcome.STORED : InstanceOutcome.REPLACED);
            }
        }
        return outcomes;
    }

    @Override
    public Optional<Instance> findInstance(String sopInstanceUid) {
        return inTransaction("findInstance " + sopInstanceUid, c -> {
            try (PreparedStatement p = c.prepareStatement(findInstance)) {
                p.setString(1, sopInstanceUid);
                try (ResultSet rs = p.executeQuery()) {
                    return rs.next() ? Optional.of(instance(rs)) : Optional.<Instance>empty();
                }
            }
        });
    }

    private static Instance instance(ResultSet rs) throws SQLException {
        return new Instance(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getObject(8, OffsetDateTime.class).toInstant());
    }

    @Override
    public long deleteInstances(Collection<String> sopInstanceUids) {
        if (sopInstanceUids.isEmpty()) {
            return 0;
        }
        return deleteByUids("deleteInstances of " + sopInstanceUids.size() + " UIDs", deleteInstances, sopInstanceUids);
    }

    // ---- counts and selections --------------------------------------------------------------------------

    @Override
    public long count(MetadataFormat format, MetadataScope scope) {
        long[] r = inTransaction("count(" + format + ", " + scope + ")", c -> {
            try (PreparedStatement p = c.prepareStatement(count)) {
                p.setString(1, kind(format));
                try (ResultSet rs = p.executeQuery()) {
                    rs.next();
                    return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)};
                }
            }
        });
        if (r[2] > FOLD_THRESHOLD) {
            foldCounts();
        }
        // Both sums come from one statement, hence one snapshot; and no record outlives its instance
        // (foreign key ON DELETE CASCADE), so MISSING = ALL - EXISTING cannot drift.
        return switch (scope) {
            case ALL -> r[0];
            case EXISTING -> r[1];
            case MISSING -> r[0] - r[1];
        };
    }

    /** Folds the count deltas into one row per kind. Safe beside concurrent writers and folds. */
    void foldCounts() {
        inTransaction("folding counts", c -> {
            try (Statement s = c.createStatement()) {
                s.executeUpdate(fold);
            }
            return null;
        });
    }

    @Override
    public boolean exists(MetadataFormat format, String sopInstanceUid) {
        return inTransaction("exists(" + format + ", " + sopInstanceUid + ")", c -> {
            try (PreparedStatement p = c.prepareStatement(existsRecord.get(format))) {
                p.setString(1, sopInstanceUid);
                try (ResultSet rs = p.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    @Override
    public List<SelectedInstance> select(Set<MetadataFormat> formats, MetadataScope scope, String afterUid, int limit) {
        if (formats.isEmpty()) {
            throw new IllegalArgumentException("select needs at least one format");
        }
        if (limit < 1) {
            throw new IllegalArgumentException("select limit must be at least 1, was " + limit);
        }
        List<MetadataFormat> fs = new ArrayList<>(EnumSet.copyOf(formats));
        String sql = selectSql(fs, scope);
        return inTransaction("select(" + fs + ", " + scope + ") after " + afterUid, c -> {
            List<SelectedInstance> page = new ArrayList<>(Math.min(limit, 1024));
            try (PreparedStatement p = c.prepareStatement(sql)) {
                String after = afterUid == null ? "" : afterUid;
                for (int k = 1; k <= fs.size() + 1; k++) {
                    p.setString(k, after);
                }
                p.setInt(fs.size() + 2, limit);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        Set<MetadataFormat> chosen = EnumSet.noneOf(MetadataFormat.class);
                        for (int k = 0; k < fs.size(); k++) {
                            boolean has = rs.getBoolean(9 + k);
                            if (scope == MetadataScope.ALL || (scope == MetadataScope.EXISTING) == has) {
                                chosen.add(fs.get(k));
                            }
                        }
                        page.add(new SelectedInstance(instance(rs), chosen));
                    }
                }
            }
            return page;
        });
    }

    /**
     * One keyset page: the primary key walked from {@code afterUid}, each format's table left-joined on its
     * primary key from the same key on (for a single format, "IS NULL" makes this an anti-join). No OFFSET:
     * a page costs the same wherever it starts (0.6 ms for 1,000 UIDs at a million instances).
     */
    String selectSql(List<MetadataFormat> fs, MetadataScope scope) {
        StringBuilder q = new StringBuilder("SELECT ");
        for (String col : INSTANCE_COLUMNS.split(", ")) {
            q.append("i.").append(col).append(", ");
        }
        List<String> has = new ArrayList<>();
        for (MetadataFormat f : fs) {
            has.add(kind(f) + ".sop_instance_uid IS NOT NULL");
        }
        q.append(String.join(", ", has));
        q.append(" FROM ").append(schema).append(".instance i");
        for (MetadataFormat f : fs) {
            q.append(" LEFT JOIN ").append(schema).append('.').append(table(f)).append(' ').append(kind(f))
                    .append(" ON ").append(kind(f)).append(".sop_instance_uid = i.sop_instance_uid AND ")
                    // Implied by the join and the WHERE, but the planner does not infer it: without it a
                    // merge join scans the record index from its start, so a page would cost its position.
                    .append(kind(f)).append(".sop_instance_uid > ?");
        }
        q.append(" WHERE i.sop_instance_uid > ?");
        if (scope != MetadataScope.ALL) {
            List<String> any = new ArrayList<>();
            for (MetadataFormat f : fs) {
                any.add(kind(f) + ".sop_instance_uid IS " + (scope == MetadataScope.EXISTING ? "NOT NULL" : "NULL"));
            }
            q.append(" AND (").append(String.join(" OR ", any)).append(')');
        }
        q.append(" ORDER BY i.sop_instance_uid LIMIT ?");
        return q.toString();
    }

    // ---- records ----------------------------------------------------------------------------------------

    @Override
    public List<RecordWriteOutcome> putRecords(List<RecordWrite> batch) {
        if (batch.isEmpty()) {
            return List.of();
        }
        int n = batch.size();
        byte[][] sha = new byte[n][];
        for (int i = 0; i < n; i++) {
            sha[i] = sha256(batch.get(i));
        }
        // Encoding happens before the transaction opens, so row locks are held only while rows travel.
        RecordEncoding.Encoded[] encoded = new RecordEncoding.Encoded[n];
        if (compression == JdbcStoreSettings.Compression.DEFLATE) {
            java.util.stream.IntStream range = java.util.stream.IntStream.range(0, n);
            (n >= PARALLEL_ENCODE_FROM ? range.parallel() : range)
                    .forEach(i -> encoded[i] = RecordEncoding.deflateIfSmaller(batch.get(i).content()));
        } else {
            for (int i = 0; i < n; i++) {
                encoded[i] = new RecordEncoding.Encoded(RecordEncoding.IDENTITY, batch.get(i).content());
            }
        }
        String what = "putRecords of " + n + " records (first " + batch.get(0).format() + " "
                + batch.get(0).sopInstanceUid() + ")";
        for (int attempt = 1; ; attempt++) {
            try {
                return inWriteTransaction(what, c -> writeRecords(c, batch, sha, encoded));
            } catch (BackendException e) {
                // An instance deleted by a transaction that committed after this one's snapshot fails the
                // foreign key check; the batch rolled back whole, and a new snapshot no longer sees the
                // instance, so the retry reports it NO_INSTANCE.
                if (attempt >= FOREIGN_KEY_RETRIES || !isForeignKeyViolation(e)) {
                    throw e;
                }
                LOG.log(System.Logger.Level.DEBUG, "{0}: an instance vanished under the batch; retrying", what);
            }
        }
    }

    private static boolean isForeignKeyViolation(BackendException e) {
        return e.getCause() instanceof SQLException s && "23503".equals(s.getSQLState());
    }

    private List<RecordWriteOutcome> writeRecords(Connection c, List<RecordWrite> batch, byte[][] sha,
            RecordEncoding.Encoded[] encoded) throws SQLException {
        int n = batch.size();
        RecordWriteOutcome[] out = new RecordWriteOutcome[n];
        for (MetadataFormat f : MetadataFormat.values()) {
            // Rounds: the k-th write of a UID goes in round k, so that no statement touches a row twice
            // (ON CONFLICT DO UPDATE forbids it) and a UID's writes apply in the batch's order.
            List<List<Integer>> rounds = new ArrayList<>();
            Map<String, Integer> seen = new HashMap<>();
            for (int i = 0; i < n; i++) {
                RecordWrite w = batch.get(i);
                if (w.format() != f) {
                    continue;
                }
                int round = seen.merge(w.sopInstanceUid(), 1, Integer::sum) - 1;
                if (round == rounds.size()) {
                    rounds.add(new ArrayList<>());
                }
                rounds.get(round).add(i);
            }
            for (List<Integer> round : rounds) {
                for (RecordWrite.Mode mode : RecordWrite.Mode.values()) {
                    List<Integer> rows = round.stream().filter(i -> batch.get(i).mode() == mode).toList();
                    if (!rows.isEmpty()) {
                        insertRecords(c, f, mode, rows, batch, sha, encoded, out);
                    }
                }
            }
        }
        for (int i = 0; i < n; i++) {
            if (out[i] == null) {
                out[i] = RecordWriteOutcome.NO_INSTANCE;
            }
        }
        return List.of(out);
    }

    /**
     * One statement for some writes of one format and mode, their UIDs distinct: every column travels as
     * one bound array, so a batch costs one statement (and one count delta row), not one per record. It
     * inserts the rows whose instance exists and answers, from the same snapshot, each UID written (true)
     * or whose instance exists but kept its record (false, IF_ABSENT); a UID it does not answer has no
     * instance. Rows without an instance are never offered to the foreign key, so they cannot abort the batch.
     */
    private void insertRecords(Connection c, MetadataFormat f, RecordWrite.Mode mode, List<Integer> rows,
            List<RecordWrite> batch, byte[][] sha, RecordEncoding.Encoded[] encoded, RecordWriteOutcome[] out)
            throws SQLException {
        int m = rows.size();
        String[] uid = new String[m];
        String[] flags = new String[m];
        String[] codec = new String[m];
        String[] writtenAt = new String[m];
        Long[] size = new Long[m];
        byte[][] digest = new byte[m][];
        String[] encoding = new String[m];
        byte[][] content = new byte[m][];
        Map<String, Integer> position = new HashMap<>();
        for (int k = 0; k < m; k++) {
            int i = rows.get(k);
            RecordInfo info = batch.get(i).info();
            uid[k] = info.sopInstanceUid();
            flags[k] = info.flags();
            codec[k] = info.codecVersion();
            writtenAt[k] = micros(info.writtenAt()).toString();
            size[k] = info.size();
            digest[k] = sha[i];
            encoding[k] = encoded[i].encoding().label();
            content[k] = encoded[i].bytes();
            position.put(uid[k], i);
        }
        try (PreparedStatement p = c.prepareStatement(mode == RecordWrite.Mode.REPLACE ? replaceRecords.get(f)
                : insertRecordsIfAbsent.get(f))) {
            p.setArray(1, c.createArrayOf("text", uid));
            p.setArray(2, c.createArrayOf("text", flags));
            p.setArray(3, c.createArrayOf("text", codec));
            p.setArray(4, c.createArrayOf("text", writtenAt));
            p.setArray(5, c.createArrayOf("int8", size));
            p.setArray(6, c.createArrayOf("bytea", digest));
            p.setArray(7, c.createArrayOf("text", encoding));
            p.setArray(8, c.createArrayOf("bytea", content));
            p.setArray(9, c.createArrayOf("text", uid));
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out[position.get(rs.getString(1))] = rs.getBoolean(2) ? RecordWriteOutcome.WRITTEN
                            : RecordWriteOutcome.EXISTS;
                }
            }
        }
    }

    private static byte[] sha256(RecordWrite w) {
        String hex = w.info().sha256();
        if (hex.length() != 64) {
            throw new IllegalArgumentException("SHA-256 of the " + w.format() + " record of " + w.sopInstanceUid()
                    + " must be 64 hex digits, was " + hex.length() + " characters");
        }
        try {
            return HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("SHA-256 of the " + w.format() + " record of " + w.sopInstanceUid()
                    + " is not hexadecimal", e);
        }
    }

    @Override
    public Optional<byte[]> getRecord(MetadataFormat format, String sopInstanceUid) {
        return inTransaction("getRecord(" + format + ", " + sopInstanceUid + ")", c -> {
            try (PreparedStatement p = c.prepareStatement(getRecord.get(format))) {
                p.setString(1, sopInstanceUid);
                try (ResultSet rs = p.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<byte[]>empty();
                    }
                    RecordEncoding e = RecordEncoding.of(rs.getString(1), sopInstanceUid);
                    return Optional.of(e.decode(rs.getBytes(3), rs.getLong(2), sopInstanceUid));
                }
            }
        });
    }

    @Override
    public Optional<InputStream> openRecord(MetadataFormat format, String sopInstanceUid) {
        // The driver reads a bytea whole, so the stream is over bytes already here; for a deflated record
        // these are the compressed bytes, inflated as the caller reads.
        return inTransaction("openRecord(" + format + ", " + sopInstanceUid + ")", c -> {
            try (PreparedStatement p = c.prepareStatement(getRecord.get(format))) {
                p.setString(1, sopInstanceUid);
                try (ResultSet rs = p.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<InputStream>empty();
                    }
                    RecordEncoding e = RecordEncoding.of(rs.getString(1), sopInstanceUid);
                    return Optional.of(e.open(rs.getBytes(3)));
                }
            }
        });
    }

    @Override
    public Optional<RecordInfo> recordInfo(MetadataFormat format, String sopInstanceUid) {
        return inTransaction("recordInfo(" + format + ", " + sopInstanceUid + ")", c -> {
            try (PreparedStatement p = c.prepareStatement(infoRecord.get(format))) {
                p.setString(1, sopInstanceUid);
                try (ResultSet rs = p.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<RecordInfo>empty();
                    }
                    return Optional.of(new RecordInfo(sopInstanceUid, format, rs.getString(1), rs.getString(2),
                            rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getLong(4),
                            HexFormat.of().formatHex(rs.getBytes(5))));
                }
            }
        });
    }

    @Override
    public long deleteRecords(MetadataFormat format, Collection<String> sopInstanceUids) {
        if (sopInstanceUids.isEmpty()) {
            return 0;
        }
        return deleteByUids("deleteRecords(" + format + ") of " + sopInstanceUids.size() + " UIDs",
                deleteRecords.get(format), sopInstanceUids);
    }

    @Override
    public long deleteAllRecords(MetadataFormat format) {
        // DELETE, not TRUNCATE: the count triggers see it, and readers keep their snapshots.
        return inWriteTransaction("deleteAllRecords(" + format + ")", c -> {
            try (Statement s = c.createStatement()) {
                return (long) s.executeUpdate(deleteAllRecords.get(format));
            }
        });
    }

    private long deleteByUids(String what, String sql, Collection<String> sopInstanceUids) {
        List<String> all = new ArrayList<>(new LinkedHashSet<>(sopInstanceUids));
        return inWriteTransaction(what, c -> {
            long n = 0;
            try (PreparedStatement p = c.prepareStatement(sql)) {
                for (int from = 0; from < all.size(); from += UID_CHUNK) {
                    List<String> chunk = all.subList(from, Math.min(all.size(), from + UID_CHUNK));
                    p.setArray(1, c.createArrayOf("text", chunk.toArray(new String[0])));
                    n += p.executeUpdate();
                }
            }
            return n;
        });
    }

    // ---- plumbing ---------------------------------------------------------------------------------------

    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    private static Instant micros(Instant t) {
        return t.truncatedTo(ChronoUnit.MICROS);
    }

    private <T> T inWriteTransaction(String what, SqlWork<T> work) {
        T result = inTransaction(what, work);
        if (writes.incrementAndGet() % FOLD_EVERY_WRITES == 0) {
            try {
                foldCounts();
            } catch (BackendException e) {
                // Folding only keeps the count table short; the write itself has committed.
                LOG.log(System.Logger.Level.DEBUG, "Folding counts failed; will retry later: {0}", e.getMessage());
            }
        }
        return result;
    }

    /**
     * Runs {@code work} in one transaction on one connection: committed when it returns, rolled back when
     * it throws. With a statement timeout set, the transaction starts by setting it locally (a bound
     * set_config, so it ends with the transaction and never leaks into a caller's pooled connection).
     */
    <T> T inTransaction(String what, SqlWork<T> work) {
        if (closed.get()) {
            throw new IllegalStateException("Store is closed: " + description);
        }
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            if (autoCommit) {
                c.setAutoCommit(false);
            }
            try {
                if (!settings.statementTimeout().isZero()) {
                    try (PreparedStatement p = c.prepareStatement("SELECT set_config('statement_timeout', ?, true)")) {
                        p.setString(1, settings.statementTimeout().toMillis() + "ms");
                        p.execute();
                    }
                }
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollbackQuietly(c);
                throw e;
            } finally {
                if (autoCommit) {
                    restoreAutoCommit(c);
                }
            }
        } catch (SQLException e) {
            throw SqlErrors.translate(what, description, e);
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            if (!c.isClosed()) {
                c.rollback();
            }
        } catch (SQLException ignored) {
            // The connection is broken; the server has rolled the transaction back with it.
        }
    }

    private static void restoreAutoCommit(Connection c) {
        try {
            if (!c.isClosed()) {
                c.setAutoCommit(true);
            }
        } catch (SQLException ignored) {
            // Broken connection: the pool discards it.
        }
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true) && owned != null) {
            try {
                owned.close();
            } catch (Exception e) {
                LOG.log(System.Logger.Level.WARNING, "Closing the pool of " + description + " failed: "
                        + org.dicommeta.domain.Secrets.mask(e.getMessage()));
            }
        }
    }

    @Override
    public String toString() {
        return "JdbcMetadataStore[" + description + "]";
    }
}
