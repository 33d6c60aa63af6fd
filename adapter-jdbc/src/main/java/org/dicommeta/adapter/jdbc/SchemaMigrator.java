package org.dicommeta.adapter.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dicommeta.domain.BackendException;

/**
 * Versioned migrations of the store's schema, each applied once and recorded in
 * {@code <schema>.schema_version}. A migration is a script in this package's {@code migration/} resources
 * whose {@code ${schema}} placeholder becomes the quoted schema name: scripts hold DDL only, never a value.
 *
 * <p>Why not Flyway: the store needs four statements of bookkeeping, and one transaction per open that
 * holds a transaction-scoped advisory lock is all the concurrency control two processes opening an empty
 * database at once need (PostgreSQL's DDL is transactional, so a migration is applied whole or not at all,
 * and the lock also covers {@code CREATE SCHEMA}, which races without it). A transaction-scoped lock also
 * works behind a transaction-pooling proxy, where a session lock would leak.
 */
final class SchemaMigrator {

    /** A migration script: its version, what it does, and its resource name. */
    record Migration(int version, String description, String resource) {
    }

    static final List<Migration> MIGRATIONS =
            List.of(new Migration(1, "instances and records", "V1__instances_and_records.sql"));

    static final int LATEST = MIGRATIONS.get(MIGRATIONS.size() - 1).version();

    /** The first key of the advisory lock: "DCMT" in ASCII, so the lock is recognisable in pg_locks. */
    private static final int LOCK_CLASS = 0x44434D54;

    private final String schemaName;
    private final String schema;

    /**
     * @param schemaName the validated schema name ({@link JdbcStoreSettings} checks it)
     * @param quoted     the same name quoted as an identifier
     */
    SchemaMigrator(String schemaName, String quoted) {
        this.schemaName = schemaName;
        this.schema = quoted;
    }

    /**
     * Creates the schema when absent and applies every pending migration, in one transaction holding an
     * advisory lock keyed by the schema name. Returns the versions applied (empty when up to date).
     */
    List<Integer> migrate(Connection c) throws SQLException {
        List<Integer> applied = new java.util.ArrayList<>();
        try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?, hashtext(?))")) {
            lock.setInt(1, LOCK_CLASS);
            lock.setString(2, schemaName);
            lock.execute();
        }
        try (Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
            s.execute("CREATE TABLE IF NOT EXISTS " + schema + ".schema_version ("
                    + "version integer PRIMARY KEY, description text NOT NULL, checksum text NOT NULL, "
                    + "applied_at timestamptz NOT NULL DEFAULT now())");
        }
        Map<Integer, String> present = recorded(c);
        checkKnown(present);
        for (Migration m : MIGRATIONS) {
            if (present.containsKey(m.version())) {
                continue;
            }
            String script = script(m);
            try (Statement s = c.createStatement()) {
                s.execute(script.replace("${schema}", schema));
            }
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO " + schema
                    + ".schema_version (version, description, checksum) VALUES (?, ?, ?)")) {
                ins.setInt(1, m.version());
                ins.setString(2, m.description());
                ins.setString(3, checksum(script));
                ins.executeUpdate();
            }
            applied.add(m.version());
        }
        return applied;
    }

    /** Checks that the schema is at exactly this library's version with unaltered scripts; changes nothing. */
    void validate(Connection c) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            p.setString(1, schema + ".schema_version");
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    throw new BackendException("Schema " + schemaName + " has no store tables (no "
                            + schemaName + ".schema_version); open once with dicommeta.migrate=create");
                }
            }
        }
        Map<Integer, String> present = recorded(c);
        checkKnown(present);
        for (Migration m : MIGRATIONS) {
            if (!present.containsKey(m.version())) {
                throw new BackendException("Schema " + schemaName + " lacks migration " + m.version() + " ("
                        + m.description() + "); open once with dicommeta.migrate=create");
            }
        }
    }

    private Map<Integer, String> recorded(Connection c) throws SQLException {
        Map<Integer, String> present = new LinkedHashMap<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT version, checksum FROM " + schema + ".schema_version ORDER BY version")) {
            while (rs.next()) {
                present.put(rs.getInt(1), rs.getString(2));
            }
        }
        return present;
    }

    private void checkKnown(Map<Integer, String> present) {
        for (Map.Entry<Integer, String> e : present.entrySet()) {
            Migration m = MIGRATIONS.stream().filter(x -> x.version() == e.getKey()).findFirst().orElse(null);
            if (m == null) {
                throw new BackendException("Schema " + schemaName + " is at version " + e.getKey()
                        + ", newer than this library knows (" + LATEST + "); upgrade the library");
            }
            if (!checksum(script(m)).equals(e.getValue())) {
                throw new BackendException("Schema " + schemaName + " recorded migration " + m.version()
                        + " with another checksum than this library's script: the schema was made by a"
                        + " different build; refusing to use it");
            }
        }
    }

    static String script(Migration m) {
        try (InputStream in = SchemaMigrator.class.getResourceAsStream("migration/" + m.resource())) {
            if (in == null) {
                throw new IllegalStateException("Migration script missing from the jar: " + m.resource());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read migration script " + m.resource(), e);
        }
    }

    static String checksum(String script) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }
}
