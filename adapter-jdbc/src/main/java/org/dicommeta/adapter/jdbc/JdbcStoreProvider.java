package org.dicommeta.adapter.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.sql.DataSource;
import org.dicommeta.domain.BackendException;
import org.dicommeta.domain.BackendUnavailableException;
import org.dicommeta.domain.MetadataException;
import org.dicommeta.domain.Secrets;
import org.dicommeta.ports.MetadataStore;
import org.dicommeta.ports.StoreProvider;
import org.dicommeta.ports.StoreRequest;

/**
 * The PostgreSQL backend: opens {@code jdbc:postgresql:} URIs through a HikariCP pool the store owns, or
 * wraps a caller's {@link DataSource} ({@link #open(DataSource, JdbcStoreSettings)}), which the store never
 * closes. Library options ride in the URI as {@code dicommeta.*} query parameters or in the request's map
 * (see {@link JdbcStoreSettings}); the driver sees only the rest of the URI.
 *
 * <pre>{@code
 * jdbc:postgresql://db.example.org:5432/pacs?user=archive&password=secret&dicommeta.schema=metadata&dicommeta.poolSize=8
 * }</pre>
 *
 * <p>Registered in {@code META-INF/services/org.dicommeta.ports.StoreProvider}. Stateless and thread-safe.
 */
public final class JdbcStoreProvider implements StoreProvider {

    /** The URI prefix this provider accepts. */
    public static final String SCHEME = "jdbc:postgresql:";

    /** For {@link java.util.ServiceLoader}. */
    public JdbcStoreProvider() {
    }

    @Override
    public String name() {
        return "jdbc";
    }

    @Override
    public List<String> schemes() {
        return List.of(SCHEME);
    }

    @Override
    public boolean accepts(String uri) {
        return uri != null && uri.regionMatches(true, 0, SCHEME, 0, SCHEME.length());
    }

    /**
     * Opens a pooled store: creates the pool, then migrates or validates the schema as the options say.
     *
     * @throws BackendUnavailableException when the server cannot be reached
     * @throws BackendException when it can but opening fails (authentication, permissions, schema version)
     * @throws IllegalArgumentException when the URI is not {@code jdbc:postgresql:} or an option is unknown or malformed
     */
    @Override
    public MetadataStore open(StoreRequest request) {
        Objects.requireNonNull(request, "request");
        if (!accepts(request.uri())) {
            throw new IllegalArgumentException("Not a PostgreSQL URI (expected " + SCHEME + "...): " + request.maskedUri());
        }
        StoreRequest.Split split = request.split();
        JdbcStoreSettings settings = JdbcStoreSettings.fromOptions(split.libraryOptions());
        String masked = Secrets.mask(split.driverUri());
        HikariDataSource pool = pool(split.driverUri(), masked, settings);
        JdbcMetadataStore store = new JdbcMetadataStore(pool, pool, settings, masked);
        try {
            store.open();
            return store;
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /**
     * A store over the caller's data source, with the given settings ({@link JdbcStoreSettings#poolSize()} and
     * {@link JdbcStoreSettings#connectTimeout()} are the data source's business and ignored). Closing the
     * store does not close the data source. Every connection is used for one transaction and handed back
     * with its auto-commit mode as it was; the statement timeout, when set, is local to each transaction.
     *
     * @throws BackendUnavailableException when the database cannot be reached while migrating
     * @throws BackendException when the schema cannot be migrated or validated
     */
    public static MetadataStore open(DataSource dataSource, JdbcStoreSettings settings) {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(settings, "settings");
        JdbcMetadataStore store = new JdbcMetadataStore(dataSource, null, settings,
                "data source " + Secrets.mask(dataSource.getClass().getSimpleName()));
        store.open();
        return store;
    }

    private static HikariDataSource pool(String driverUri, String masked, JdbcStoreSettings settings) {
        HikariConfig config;
        try {
            config = poolConfig(driverUri, settings);
        } catch (RuntimeException e) {
            throw new BackendException("Cannot configure a pool for PostgreSQL " + masked + ": "
                    + Secrets.mask(String.valueOf(e.getMessage())), SqlErrors.masked(e));
        }
        try {
            return new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SQLException sql) {
                throw SqlErrors.translate("opening a connection pool", "PostgreSQL " + masked, sql);
            }
            throw new BackendUnavailableException("Opening a connection pool to PostgreSQL " + masked + " failed: "
                    + Secrets.mask(String.valueOf(e.getMessage())), SqlErrors.masked(e));
        } catch (RuntimeException e) {
            if (e instanceof MetadataException) {
                throw e;
            }
            // Hikari rejects a malformed configuration, or the driver a malformed URL, with plain runtime
            // exceptions whose messages may quote the URL.
            throw new BackendException("Cannot open PostgreSQL " + masked + ": " + Secrets.mask(String.valueOf(e.getMessage())),
                    SqlErrors.masked(e));
        }
    }

    /**
     * The pool's configuration. The URI (and so any password in it) lives only inside it: the pool is named
     * after the schema, and neither the configuration nor the pool prints the URI.
     */
    static HikariConfig poolConfig(String driverUri, JdbcStoreSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setDriverClassName("org.postgresql.Driver");
        config.setJdbcUrl(driverUri);
        config.setPoolName("dicommeta-" + settings.schema());
        config.setMaximumPoolSize(settings.poolSize());
        config.setMinimumIdle(Math.min(2, settings.poolSize()));
        config.setConnectionTimeout(settings.connectTimeout().toMillis());
        config.setInitializationFailTimeout(settings.connectTimeout().toMillis());
        if (!driverUri.toLowerCase(Locale.ROOT).contains("applicationname=")) {
            config.addDataSourceProperty("ApplicationName", "dicom-metadata");
        }
        return config;
    }

    @Override
    public String toString() {
        return "JdbcStoreProvider[" + SCHEME + "]";
    }
}
