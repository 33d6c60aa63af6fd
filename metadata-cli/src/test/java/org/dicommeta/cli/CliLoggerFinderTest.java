package org.dicommeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CliLoggerFinderTest {

    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private PrintStream original;

    @BeforeEach
    void captureStderr() {
        original = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setErr(original);
        CliLoggerFinder.debug(false);
    }

    private String stderr() {
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("the JDK finds the command line's logger finder as a service")
    void registered() {
        assertThat(System.LoggerFinder.getLoggerFinder()).isInstanceOf(CliLoggerFinder.class);
    }

    @Test
    @DisplayName("by default a warning is one masked line, and errors and info are left to the command")
    void quietByDefault() {
        System.Logger log = new CliLoggerFinder().getLogger("t", getClass().getModule());
        log.log(System.Logger.Level.WARNING, "Store unavailable at mongodb://u:pw@h/db\nretrying",
                new IllegalStateException("boom"));
        log.log(System.Logger.Level.ERROR, "Generation run stopped", new IllegalStateException("boom"));
        log.log(System.Logger.Level.INFO, "Applied migrations {0}", 3);
        assertThat(stderr().lines()).containsExactly(
                "dicom-metadata: warning: Store unavailable at mongodb://u:****@h/db retrying");
    }

    @Test
    @DisplayName("with --debug every level from DEBUG up is shown, with stack traces")
    void debugShowsAll() {
        CliLoggerFinder.debug(true);
        System.Logger log = new CliLoggerFinder().getLogger("engine", getClass().getModule());
        log.log(System.Logger.Level.DEBUG, "Applied migrations {0} to {1}", 3, "db");
        log.log(System.Logger.Level.ERROR, "Generation run stopped", new IllegalStateException("boom"));
        log.log(System.Logger.Level.TRACE, "not shown");
        assertThat(stderr()).contains("dicom-metadata: debug [engine]: Applied migrations 3 to db")
                .contains("dicom-metadata: error [engine]: Generation run stopped")
                .contains("java.lang.IllegalStateException: boom").contains("\tat ")
                .doesNotContain("not shown");
    }
}
