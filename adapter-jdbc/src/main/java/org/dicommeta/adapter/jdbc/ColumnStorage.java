package org.dicommeta.adapter.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.dicommeta.adapter.jdbc.JdbcStoreSettings.Compression;
import org.dicommeta.domain.BackendException;

/**
 * Sets the storage and compression of the record tables' {@code content} column to match
 * {@link JdbcStoreSettings#compression()}. Only changes what differs (an ALTER TABLE takes a lock), and
 * only the catalog: rows already stored keep their form until rewritten.
 *
 * <ul>
 *   <li>DEFLATE: bytes arrive compressed; storage EXTENDED, so that a record that still exceeds a page is
 *       moved out of line (PostgreSQL's compression of already deflated bytes gives up early).</li>
 *   <li>LZ4 / PGLZ: storage EXTENDED with that column compression ({@code ALTER COLUMN ... SET COMPRESSION},
 *       PostgreSQL 14 or later; before 14 pglz is the only method).</li>
 *   <li>NONE: storage EXTERNAL, out of line without compression.</li>
 * </ul>
 */
final class ColumnStorage {

    private ColumnStorage() {
    }

    static void apply(Connection c, String quotedSchema, String schemaName, Compression compression) throws SQLException {
        int server = serverVersion(c);
        if (compression == Compression.LZ4 && server < 140000) {
            throw new BackendException("Option dicommeta.compression=lz4 needs PostgreSQL 14 or later; the server of"
                    + " schema " + schemaName + " is version " + server);
        }
        if (compression == Compression.LZ4 && !supportsLz4(c)) {
            throw new BackendException("Option dicommeta.compression=lz4: the server of schema " + schemaName
                    + " was built without lz4 support; use compression=deflate (in the library) or pglz");
        }
        char storage = compression == Compression.NONE ? 'e' : 'x';
        char method = switch (compression) {
            case LZ4 -> 'l';
            case PGLZ -> 'p';
            default -> 0;
        };
        for (String table : new String[] {"json_record", "xml_record"}) {
            String sql = server >= 140000
                    ? "SELECT attstorage, attcompression FROM pg_attribute WHERE attrelid = to_regclass(?) AND attname = 'content'"
                    : "SELECT attstorage, ''::\"char\" FROM pg_attribute WHERE attrelid = to_regclass(?) AND attname = 'content'";
            char currentStorage;
            char currentMethod;
            try (PreparedStatement p = c.prepareStatement(sql)) {
                p.setString(1, quotedSchema + "." + table);
                try (ResultSet rs = p.executeQuery()) {
                    if (!rs.next()) {
                        throw new BackendException("Schema " + schemaName + " has no " + table + ".content column");
                    }
                    currentStorage = first(rs.getString(1));
                    currentMethod = first(rs.getString(2));
                }
            }
            String target = quotedSchema + "." + table;
            try (Statement s = c.createStatement()) {
                if (currentStorage != storage) {
                    s.execute("ALTER TABLE " + target + " ALTER COLUMN content SET STORAGE "
                            + (storage == 'e' ? "EXTERNAL" : "EXTENDED"));
                }
                if (method != 0 && server >= 140000 && currentMethod != method) {
                    s.execute("ALTER TABLE " + target + " ALTER COLUMN content SET COMPRESSION "
                            + (method == 'l' ? "lz4" : "pglz"));
                }
            }
        }
    }

    /**
     * Whether the server can compress with lz4 (a build option): probed by setting the default TOAST
     * compression inside a savepoint, which changes nothing else and is undone at once.
     */
    static boolean supportsLz4(Connection c) throws SQLException {
        java.sql.Savepoint sp = c.setSavepoint();
        try (PreparedStatement p = c.prepareStatement("SELECT set_config('default_toast_compression', ?, true)")) {
            p.setString(1, "lz4");
            p.execute();
            return true;
        } catch (SQLException e) {
            if (!"22023".equals(e.getSQLState())) {
                throw e;
            }
            return false;
        } finally {
            c.rollback(sp);
        }
    }

    static int serverVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT current_setting('server_version_num')::int")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static char first(String s) {
        return s == null || s.isEmpty() ? 0 : s.charAt(0);
    }
}
