package org.dicommeta.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.dicommeta.domain.MetadataAgent;
import org.dicommeta.domain.MetadataScope;
import org.dicommeta.domain.UnsupportedStoreUriException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MetadataAgentsTest {

    @Test
    @DisplayName("open(uri) finds the provider through ServiceLoader, passes library options, and closes what it opened")
    void openFindsProviderAndOwnsStore() {
        MetadataAgent agent = MetadataAgents.open("fake:one?dicommeta.pageSize=10&keep=1", Map.of("lock", "false"));
        FakeStore store = FakeStoreProvider.OPENED.get("fake:one?keep=1");
        assertThat(store).isNotNull();
        assertThat(FakeStoreProvider.OPTIONS.get("fake:one?keep=1"))
                .containsEntry("pageSize", "10").containsEntry("lock", "false");
        assertThat(agent.json().count(MetadataScope.ALL)).isZero();
        assertThat(agent.describe()).isEqualTo("fake:memory");
        agent.close();
        assertThat(store.closed).isTrue();
    }

    @Test
    @DisplayName("an unknown scheme names the available schemes and masks the password")
    void unknownScheme() {
        assertThatThrownBy(() -> MetadataAgents.open("nosuch://admin:hunter2@db.example/meta"))
                .isInstanceOf(UnsupportedStoreUriException.class)
                .hasMessageContaining("fake:")
                .hasMessageContaining("nosuch://admin:****@db.example/meta")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    @DisplayName("providers come from the context class loader, and from core's own when the context one lacks them")
    void classLoaderFallback() {
        Thread t = Thread.currentThread();
        ClassLoader saved = t.getContextClassLoader();
        try {
            t.setContextClassLoader(new ClassLoader(null) { });
            assertThat(MetadataAgents.providers()).extracting(p -> p.name()).contains("fake");
            t.setContextClassLoader(null);
            assertThat(MetadataAgents.providers()).extracting(p -> p.name()).containsOnlyOnce("fake");
        } finally {
            t.setContextClassLoader(saved);
        }
        assertThat(MetadataAgents.providers()).extracting(p -> p.name()).containsOnlyOnce("fake");
    }

    @Test
    @DisplayName("of(store): closing the agent leaves the caller's store open")
    void ofKeepsOwnership() {
        FakeStore store = new FakeStore();
        MetadataAgents.of(store).close();
        assertThat(store.closed).isFalse();
        assertThatThrownBy(() -> MetadataAgents.of(null)).isInstanceOf(NullPointerException.class);
    }
}
