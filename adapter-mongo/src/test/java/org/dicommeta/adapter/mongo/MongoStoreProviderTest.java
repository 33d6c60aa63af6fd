package org.dicommeta.adapter.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.dicommeta.ports.StoreRequest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MongoStoreProviderTest {

    private final MongoStoreProvider provider = new MongoStoreProvider();

    @Test
    @DisplayName("accepts mongodb and mongodb+srv URIs only, and never throws")
    void accepts() {
        assertThat(provider.accepts("mongodb://h:27017/db")).isTrue();
        assertThat(provider.accepts("mongodb+srv://cluster.example/db")).isTrue();
        assertThat(provider.accepts("jdbc:postgresql://h/db")).isFalse();
        assertThat(provider.accepts("file:/tmp")).isFalse();
        assertThat(provider.accepts(null)).isFalse();
        assertThat(provider.accepts("")).isFalse();
    }

    @Test
    @DisplayName("settings come from options with defaults, and bad values are refused by name")
    void settings() {
        MongoStoreSettings s = MongoStoreSettings.fromOptions(
                Map.of("prefix", "x_", "timeoutMs", "1500", "writeConcern", "Acknowledged"), "pacs");
        assertThat(s.database()).isEqualTo("pacs");
        assertThat(s.prefix()).isEqualTo("x_");
        assertThat(s.timeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(s.writeConcern()).isEqualTo("acknowledged");
        assertThat(MongoStoreSettings.defaults("d").chunkThreshold()).isEqualTo(4 * 1024 * 1024);
        assertThatThrownBy(() -> MongoStoreSettings.fromOptions(Map.of("timeoutMs", "soon"), "d"))
                .hasMessageContaining("timeoutMs");
        assertThatThrownBy(() -> MongoStoreSettings.fromOptions(Map.of("prefix", "a.b$"), "d"))
                .hasMessageContaining("prefix");
        assertThatThrownBy(() -> MongoStoreSettings.fromOptions(Map.of("database", "../x"), "d"))
                .hasMessageContaining("database");
    }

    @Test
    @DisplayName("a malformed URI is refused with the password masked")
    void malformedUri() {
        assertThatThrownBy(() -> provider.open(StoreRequest.of("mongodb://bob:pa55@/?replicaSet=")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bob:****@")
                .hasMessageNotContaining("pa55");
    }
}
