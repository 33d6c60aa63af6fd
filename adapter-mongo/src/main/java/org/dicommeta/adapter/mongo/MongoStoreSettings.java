package org.dicommeta.adapter.mongo;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Options of the MongoDB store. From a URI they come as {@code dicommeta.*} query parameters or from the
 * options map of {@code MetadataAgents.open(uri, options)}; none of them reaches the driver's URI.
 *
 * <table>
 * <caption>Options</caption>
 * <tr><th>key</th><th>default</th><th>meaning</th></tr>
 * <tr><td>database</td><td>the URI's path, else {@code dicommeta}</td><td>database name</td></tr>
 * <tr><td>prefix</td><td>{@code dm_}</td><td>prefix of the collection names ({@code dm_instances},
 *     {@code dm_chunks})</td></tr>
 * <tr><td>writeConcern</td><td>{@code majority}</td><td>{@code majority}, {@code acknowledged} or a
 *     number of nodes; journaled with majority</td></tr>
 * <tr><td>readPreference</td><td>{@code primary}</td><td>a MongoDB read preference name; counts and
 *     selections read with it</td></tr>
 * <tr><td>timeoutMs</td><td>{@code 30000}</td><td>server selection, connect and socket read timeout</td></tr>
 * <tr><td>chunkThreshold</td><td>{@code 4194304}</td><td>records larger than this many bytes are kept
 *     in the chunk collection instead of the instance document (the two formats share one 16 MB
 *     document)</td></tr>
 * </table>
 *
 * @param database       database name
 * @param prefix         collection name prefix
 * @param writeConcern   write concern name
 * @param readPreference read preference name
 * @param timeout        driver timeouts
 * @param chunkThreshold size above which a record is chunked
 */
public record MongoStoreSettings(String database, String prefix, String writeConcern, String readPreference,
        Duration timeout, int chunkThreshold) {

    /** Chunks are well under the 16 MB BSON limit, leaving room for the document's other fields. */
    static final int CHUNK_SIZE = 4 * 1024 * 1024;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_\\-]{0,40}");
    private static final Pattern DATABASE = Pattern.compile("[A-Za-z0-9_\\-]{1,63}");

    public MongoStoreSettings {
        Objects.requireNonNull(database, "database");
        if (!DATABASE.matcher(database).matches()) {
            throw new IllegalArgumentException("Invalid MongoDB database name '" + database
                    + "': letters, digits, '_' and '-' only, at most 63");
        }
        Objects.requireNonNull(prefix, "prefix");
        if (!NAME.matcher(prefix).matches()) {
            throw new IllegalArgumentException("Invalid collection prefix '" + prefix
                    + "': letters, digits, '_' and '-' only, at most 40");
        }
        Objects.requireNonNull(writeConcern, "writeConcern");
        Objects.requireNonNull(readPreference, "readPreference");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
        if (chunkThreshold < 1024 || chunkThreshold > 6 * 1024 * 1024) {
            throw new IllegalArgumentException("chunkThreshold must be between 1 KiB and 6 MiB, was " + chunkThreshold);
        }
    }

    /** Defaults for a database. */
    public static MongoStoreSettings defaults(String database) {
        return new MongoStoreSettings(database, "dm_", "majority", "primary", Duration.ofSeconds(30), CHUNK_SIZE);
    }

    /**
     * Settings from library options; {@code defaultDatabase} is used when no {@code database} option is given.
     *
     * @throws IllegalArgumentException naming an unknown or malformed option
     */
    public static MongoStoreSettings fromOptions(Map<String, String> options, String defaultDatabase) {
        MongoStoreSettings s = defaults(defaultDatabase);
        String database = s.database();
        String prefix = s.prefix();
        String wc = s.writeConcern();
        String rp = s.readPreference();
        Duration timeout = s.timeout();
        int threshold = s.chunkThreshold();
        for (Map.Entry<String, String> e : options.entrySet()) {
            String v = e.getValue();
            switch (e.getKey()) {
                case "database" -> database = v;
                case "prefix" -> prefix = v;
                case "writeConcern" -> wc = v.toLowerCase(Locale.ROOT);
                case "readPreference" -> rp = v;
                case "timeoutMs" -> timeout = Duration.ofMillis(parseLong(e.getKey(), v));
                case "chunkThreshold" -> threshold = (int) parseLong(e.getKey(), v);
                default -> throw new IllegalArgumentException("Unknown MongoDB store option '" + e.getKey()
                        + "'; known: database, prefix, writeConcern, readPreference, timeoutMs, chunkThreshold");
            }
        }
        return new MongoStoreSettings(database, prefix, wc, rp, timeout, threshold);
    }

    private static long parseLong(String key, String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Option " + key + " must be a number, was '" + value + "'");
        }
    }
}
