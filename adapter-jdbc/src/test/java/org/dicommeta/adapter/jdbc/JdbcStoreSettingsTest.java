package org.dicommeta.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.dicommeta.adapter.jdbc.JdbcStoreSettings.Compression;
import org.dicommeta.adapter.jdbc.JdbcStoreSettings.Migrate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JdbcStoreSettingsTest {

    @Test
    @DisplayName("options from a URI's dicommeta.* parameters become settings; absent ones keep their defaults")
    void parsesOptions() {
        JdbcStoreSettings s = JdbcStoreSettings.fromOptions(Map.of("schema", "archive_2", "poolSize", "3",
                "migrate", "Validate", "statementTimeout", "5s", "compression", "lz4"));
        assertThat(s).isEqualTo(new JdbcStoreSettings("archive_2", 3, Migrate.VALIDATE, Duration.ofSeconds(5),
                Duration.ofSeconds(10), Compression.LZ4));
        assertThat(JdbcStoreSettings.fromOptions(Map.of())).isEqualTo(JdbcStoreSettings.defaults());
        assertThat(JdbcStoreSettings.fromOptions(s.toOptions())).isEqualTo(s);
    }

    @Test
    @DisplayName("durations are milliseconds or carry ms, s or min")
    void parsesDurations() {
        assertThat(JdbcStoreSettings.parseDuration("x", "250")).isEqualTo(Duration.ofMillis(250));
        assertThat(JdbcStoreSettings.parseDuration("x", "250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(JdbcStoreSettings.parseDuration("x", " 3s ")).isEqualTo(Duration.ofSeconds(3));
        assertThat(JdbcStoreSettings.parseDuration("x", "2min")).isEqualTo(Duration.ofMinutes(2));
        assertThatThrownBy(() -> JdbcStoreSettings.parseDuration("statementTimeout", "-1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dicommeta.statementTimeout");
        assertThatThrownBy(() -> JdbcStoreSettings.parseDuration("statementTimeout", "soon"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'soon'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Archive", "1abc", "a-b", "a b", "a\"b", "x;drop schema public",
            "abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghij1234"})
    @DisplayName("a schema name outside [a-z_][a-z0-9_]{0,62} is refused before it reaches SQL")
    void refusesBadSchemaNames(String name) {
        assertThatThrownBy(() -> JdbcStoreSettings.defaults().withSchema(name))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Invalid schema name");
    }

    @Test
    @DisplayName("the longest valid schema name (63 characters) is accepted")
    void acceptsLongestName() {
        String name = "_" + "a".repeat(62);
        assertThat(JdbcStoreSettings.defaults().withSchema(name).schema()).isEqualTo(name);
    }

    @Test
    @DisplayName("an unknown option or a malformed value is an IllegalArgumentException naming the option")
    void refusesUnknownOptions() {
        assertThatThrownBy(() -> JdbcStoreSettings.fromOptions(Map.of("shema", "x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dicommeta.shema")
                .hasMessageContaining("schema");
        assertThatThrownBy(() -> JdbcStoreSettings.fromOptions(Map.of("poolSize", "many")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dicommeta.poolSize");
        assertThatThrownBy(() -> JdbcStoreSettings.fromOptions(Map.of("poolSize", "0")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("poolSize");
        assertThatThrownBy(() -> JdbcStoreSettings.fromOptions(Map.of("migrate", "yes")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("create, validate, none");
        assertThatThrownBy(() -> JdbcStoreSettings.fromOptions(Map.of("compression", "zstd")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("auto, deflate, lz4, pglz, none");
    }
}
