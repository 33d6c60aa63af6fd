package org.dicommeta.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dicommeta.domain.BackendException;
import org.dicommeta.domain.BackendUnavailableException;
import org.dicommeta.domain.MetadataFormat;
import org.dicommeta.domain.MetadataScope;
import org.dicommeta.ports.StoreProvider;
import org.dicommeta.ports.StoreProviders;
import org.dicommeta.ports.StoreRequest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class JdbcStoreProviderTest {

    private final JdbcStoreProvider provider = new JdbcStoreProvider();

    @Test
    @DisplayName("the provider is found through ServiceLoader for a jdbc:postgresql: URI")
    void isServiceLoadable() {
        List<StoreProvider> installed = StoreProviders.installed(getClass().getClassLoader());
        assertThat(StoreProviders.find("jdbc:postgresql://h/db", installed)).isInstanceOf(JdbcStoreProvider.class);
    }

    @Test
    @DisplayName("accepts looks at the scheme only and never throws")
    void acceptsByShape() {
        assertThat(provider.accepts("jdbc:postgresql://localhost/test")).isTrue();
        assertThat(provider.accepts("JDBC:PostgreSQL:test")).isTrue();
        assertThat(provider.accepts("jdbc:mysql://localhost/test")).isFalse();
        assertThat(provider.accepts("file:/tmp/x")).isFalse();
        assertThat(provider.accepts("")).isFalse();
        assertThat(provider.accepts(null)).isFalse();
    }

    @Test
    @DisplayName("an unreachable server is BackendUnavailableException, its message masking the password")
    void unreachableServerIsTransientAndMasked() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String uri = "jdbc:postgresql://127.0.0.1:" + port + "/db?user=u&password=hunter2&dicommeta.connectTimeout=500ms";
        assertThatThrownBy(() -> provider.open(StoreRequest.of(uri)))
                .isInstanceOf(BackendUnavailableException.class)
                .hasMessageContaining("127.0.0.1:" + port)
                .hasMessageNotContaining("hunter2")
                .hasMessageNotContaining("dicommeta.")
                .satisfies(e -> {
                    for (Throwable t = e; t != null; t = t.getCause()) {
                        assertThat(String.valueOf(t.getMessage())).doesNotContain("hunter2");
                        assertThat(String.valueOf(t)).doesNotContain("hunter2");
                    }
                });
    }

    @Test
    @DisplayName("the pool's configuration and name never print the URI's password")
    void poolConfigurationMasked() {
        var config = JdbcStoreProvider.poolConfig("jdbc:postgresql://h/db?user=u&password=hunter2",
                JdbcStoreSettings.defaults().withSchema("archive"));
        assertThat(config.toString()).doesNotContain("hunter2");
        assertThat(config.getPoolName()).isEqualTo("dicommeta-archive");
        assertThat(config.getMaximumPoolSize()).isEqualTo(8);
    }

    @Test
    @DisplayName("an unknown option fails before any connection, naming the option")
    void unknownOption() {
        assertThatThrownBy(() -> provider.open(new StoreRequest("jdbc:postgresql://127.0.0.1:1/db", Map.of("pool", "3"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dicommeta.pool");
        assertThatThrownBy(() -> provider.open(StoreRequest.of("file:/x")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("SQLState classes 08, 53, 57P01, 57014, 40001 and 40P01 are transient; others are not")
    void classifiesSqlStates() {
        for (String state : List.of("08006", "08001", "53300", "57P01", "57P02", "57P03", "57014", "40001", "40P01")) {
            assertThat(SqlErrors.translate("op", "store", new SQLException("x", state)))
                    .as(state).isInstanceOf(BackendUnavailableException.class);
        }
        for (String state : List.of("23505", "42P01", "28P01", "22001")) {
            assertThat(SqlErrors.translate("op", "store", new SQLException("x", state)))
                    .as(state).isExactlyInstanceOf(BackendException.class);
        }
        assertThat(SqlErrors.translate("op", "store", new SQLTransientConnectionException("pool timed out")))
                .isInstanceOf(BackendUnavailableException.class);
    }

    @Test
    @DisplayName("a driver message carrying a password is masked in the message and in the cause")
    void masksDriverMessages() {
        BackendException e = SqlErrors.translate("op", "store",
                new SQLException("bad url jdbc:postgresql://h/db?password=hunter2", "08001"));
        assertThat(e.getMessage()).doesNotContain("hunter2").contains("op failed on store").contains("08001");
        assertThat(e.getCause().getMessage()).doesNotContain("hunter2");
    }

    @Test
    @DisplayName("a selection page is a keyset walk of the primary key, judged per format, with no OFFSET")
    void selectionSql() {
        JdbcMetadataStore store = new JdbcMetadataStore(null, null, JdbcStoreSettings.defaults().withSchema("s1"), "x");
        String both = store.selectSql(List.of(MetadataFormat.JSON, MetadataFormat.XML), MetadataScope.MISSING);
        assertThat(both).contains("\"s1\".instance i").contains("i.sop_instance_uid > ?")
                .contains("(json.sop_instance_uid IS NULL OR xml.sop_instance_uid IS NULL)")
                .contains("json.sop_instance_uid > ?").contains("xml.sop_instance_uid > ?")
                .contains("ORDER BY i.sop_instance_uid LIMIT ?").doesNotContainIgnoringCase("offset");
        assertThat(store.selectSql(List.of(MetadataFormat.XML), MetadataScope.ALL)).doesNotContain("IS NULL)")
                .doesNotContain("json");
        assertThatThrownBy(() -> store.select(Set.of(), MetadataScope.ALL, null, 10))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
