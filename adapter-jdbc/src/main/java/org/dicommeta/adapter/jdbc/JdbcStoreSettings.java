package org.dicommeta.adapter.jdbc;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The library's options for a PostgreSQL store. In a URI each is a query parameter with the
 * {@code dicommeta.} prefix ({@code jdbc:postgresql://h/db?user=u&dicommeta.schema=archive&dicommeta.poolSize=8});
 * they never reach the driver. Every option is documented in {@code adapter-jdbc/README.md}.
 *
 * @param schema           the PostgreSQL schema holding the store's tables; matches
 *                         {@code [a-z_][a-z0-9_]{0,62}} (it is an identifier, quoted wherever it is used)
 * @param poolSize         the maximum number of pooled connections (ignored for a caller's DataSource)
 * @param migrate          what to do with the schema when the store opens
 * @param statementTimeout the longest a statement may run before the server cancels it (which surfaces as
 *                         {@link org.dicommeta.domain.BackendUnavailableException}); {@link Duration#ZERO}
 *                         keeps the server's setting
 * @param connectTimeout   the longest to wait for a pooled connection (ignored for a caller's DataSource)
 * @param compression      how record bytes are compressed on their way to the table
 */
public record JdbcStoreSettings(String schema, int poolSize, Migrate migrate, Duration statementTimeout,
        Duration connectTimeout, Compression compression) {

    /** The default schema name. */
    public static final String DEFAULT_SCHEMA = "dicommeta";

    private static final Pattern SCHEMA = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final Set<String> KEYS =
            Set.of("schema", "poolSize", "migrate", "statementTimeout", "connectTimeout", "compression");
    private static final int MAX_POOL_SIZE = 1_000;

    /** What opening does to the schema. */
    public enum Migrate {
        /** Create the schema when absent and apply every pending migration (under an advisory lock). */
        CREATE,
        /** Require the schema at exactly this library's version; change nothing. */
        VALIDATE,
        /** Neither check nor change anything (the schema is managed elsewhere). */
        NONE
    }

    /** Where record bytes are compressed. The bytes {@code get} returns are always those written. */
    public enum Compression {
        /**
         * {@link #LZ4} when the server can (PostgreSQL 14 or later built with lz4), else {@link #DEFLATE}:
         * the fastest measured choice on the server at hand (see the adapter's README).
         */
        AUTO,
        /**
         * In the library (java.util.zip DEFLATE, RFC 1951) before sending; the row's {@code encoding} column
         * says so and reads inflate. Less to send, to write-ahead-log and to TOAST.
         */
        DEFLATE,
        /** In the server, with column compression lz4 (PostgreSQL 14 or later). */
        LZ4,
        /** In the server, with PostgreSQL's default TOAST compression (pglz). */
        PGLZ,
        /** Not at all: bytes are stored as they come (column storage EXTERNAL). */
        NONE
    }

    public JdbcStoreSettings {
        Objects.requireNonNull(schema, "schema");
        if (!SCHEMA.matcher(schema).matches()) {
            throw new IllegalArgumentException("Invalid schema name '" + abbreviate(schema)
                    + "': expected 1 to 63 characters of a-z, 0-9 and _, not starting with a digit");
        }
        if (poolSize < 1 || poolSize > MAX_POOL_SIZE) {
            throw new IllegalArgumentException("poolSize must be between 1 and " + MAX_POOL_SIZE + ", was " + poolSize);
        }
        Objects.requireNonNull(migrate, "migrate");
        Objects.requireNonNull(compression, "compression");
        requireNonNegative(statementTimeout, "statementTimeout");
        requireNonNegative(connectTimeout, "connectTimeout");
        if (connectTimeout.toMillis() < 250) {
            throw new IllegalArgumentException("connectTimeout must be at least 250ms, was " + connectTimeout.toMillis() + "ms");
        }
    }

    /** Schema {@value #DEFAULT_SCHEMA}, 8 connections, migrate CREATE, no statement timeout, 10 s connect timeout, AUTO. */
    public static JdbcStoreSettings defaults() {
        return new JdbcStoreSettings(DEFAULT_SCHEMA, 8, Migrate.CREATE, Duration.ZERO, Duration.ofSeconds(10),
                Compression.AUTO);
    }

    /**
     * Settings from library options (keys without the {@code dicommeta.} prefix); absent keys keep their
     * defaults. Durations are milliseconds ({@code 5000}) or carry a unit ({@code 250ms}, {@code 5s},
     * {@code 2min}).
     *
     * @throws IllegalArgumentException naming the option when a key is unknown or a value malformed
     */
    public static JdbcStoreSettings fromOptions(Map<String, String> options) {
        JdbcStoreSettings d = defaults();
        for (String key : options.keySet()) {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("Unknown option 'dicommeta." + abbreviate(key)
                        + "' for a PostgreSQL store; known: " + String.join(", ", new java.util.TreeSet<>(KEYS)));
            }
        }
        return new JdbcStoreSettings(
                options.getOrDefault("schema", d.schema()),
                options.containsKey("poolSize") ? parseInt("poolSize", options.get("poolSize")) : d.poolSize(),
                options.containsKey("migrate") ? parseEnum(Migrate.class, "migrate", options.get("migrate")) : d.migrate(),
                options.containsKey("statementTimeout")
                        ? parseDuration("statementTimeout", options.get("statementTimeout")) : d.statementTimeout(),
                options.containsKey("connectTimeout")
                        ? parseDuration("connectTimeout", options.get("connectTimeout")) : d.connectTimeout(),
                options.containsKey("compression")
                        ? parseEnum(Compression.class, "compression", options.get("compression")) : d.compression());
    }

    /** These settings as library options (the inverse of {@link #fromOptions}). */
    public Map<String, String> toOptions() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("schema", schema);
        m.put("poolSize", Integer.toString(poolSize));
        m.put("migrate", migrate.name().toLowerCase(Locale.ROOT));
        m.put("statementTimeout", statementTimeout.toMillis() + "ms");
        m.put("connectTimeout", connectTimeout.toMillis() + "ms");
        m.put("compression", compression.name().toLowerCase(Locale.ROOT));
        return m;
    }

    public JdbcStoreSettings withSchema(String name) {
        return new JdbcStoreSettings(name, poolSize, migrate, statementTimeout, connectTimeout, compression);
    }

    public JdbcStoreSettings withPoolSize(int n) {
        return new JdbcStoreSettings(schema, n, migrate, statementTimeout, connectTimeout, compression);
    }

    public JdbcStoreSettings withMigrate(Migrate m) {
        return new JdbcStoreSettings(schema, poolSize, m, statementTimeout, connectTimeout, compression);
    }

    public JdbcStoreSettings withStatementTimeout(Duration d) {
        return new JdbcStoreSettings(schema, poolSize, migrate, d, connectTimeout, compression);
    }

    public JdbcStoreSettings withConnectTimeout(Duration d) {
        return new JdbcStoreSettings(schema, poolSize, migrate, statementTimeout, d, compression);
    }

    public JdbcStoreSettings withCompression(Compression c) {
        return new JdbcStoreSettings(schema, poolSize, migrate, statementTimeout, connectTimeout, c);
    }

    private static void requireNonNegative(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, was " + d);
        }
    }

    private static int parseInt(String key, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Option dicommeta." + key + " must be an integer, was '"
                    + abbreviate(value) + "'", e);
        }
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String key, String value) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(value.trim())) {
                return e;
            }
        }
        StringBuilder names = new StringBuilder();
        for (E e : type.getEnumConstants()) {
            names.append(names.length() == 0 ? "" : ", ").append(e.name().toLowerCase(Locale.ROOT));
        }
        throw new IllegalArgumentException("Option dicommeta." + key + " must be one of " + names + ", was '"
                + abbreviate(value) + "'");
    }

    static Duration parseDuration(String key, String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        long factor = 1;
        String digits = v;
        if (v.endsWith("ms")) {
            digits = v.substring(0, v.length() - 2);
        } else if (v.endsWith("min")) {
            digits = v.substring(0, v.length() - 3);
            factor = 60_000;
        } else if (v.endsWith("s")) {
            digits = v.substring(0, v.length() - 1);
            factor = 1_000;
        }
        try {
            long n = Long.parseLong(digits.trim());
            if (n < 0 || n > Integer.MAX_VALUE / factor) {
                throw new NumberFormatException("out of range");
            }
            return Duration.ofMillis(n * factor);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Option dicommeta." + key
                    + " must be a non-negative duration in ms, or with a unit (250ms, 5s, 2min), was '"
                    + abbreviate(value) + "'", e);
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
