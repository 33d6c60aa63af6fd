package org.dicommeta.ports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.dicommeta.domain.UnsupportedStoreUriException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StoreRequestTest {

    @Test
    @DisplayName("library options are split out of the URI and never reach the driver")
    void splitsLibraryOptions() {
        var req = new StoreRequest("jdbc:postgresql://h/db?user=u&dicommeta.schema=meta&password=pw&dicommeta.poolSize=4",
                Map.of("poolSize", "8"));
        var split = req.split();
        assertThat(split.driverUri()).isEqualTo("jdbc:postgresql://h/db?user=u&password=pw");
        assertThat(split.libraryOptions()).containsEntry("schema", "meta").containsEntry("poolSize", "8");
        assertThat(split.toString()).doesNotContain("pw&").contains("password=****");
        assertThat(req.toString()).doesNotContain("=pw").contains("password=****");
    }

    @Test
    @DisplayName("a URI without query keeps its shape")
    void noQuery() {
        assertThat(StoreRequest.of("file:/tmp/x").split().driverUri()).isEqualTo("file:/tmp/x");
    }

    @Test
    @DisplayName("no provider for a URI: the error lists the available schemes and masks the password")
    void noProvider() {
        StoreProvider files = new StoreProvider() {
            public String name() { return "filesystem"; }
            public List<String> schemes() { return List.of("file:"); }
            public boolean accepts(String uri) { return uri != null && uri.startsWith("file:"); }
            public MetadataStore open(StoreRequest r) { throw new UnsupportedOperationException(); }
        };
        StoreProvider throwing = new StoreProvider() {
            public String name() { return "broken"; }
            public List<String> schemes() { return List.of("x:"); }
            public boolean accepts(String uri) { throw new IllegalStateException("boom"); }
            public MetadataStore open(StoreRequest r) { throw new UnsupportedOperationException(); }
        };
        assertThat(StoreProviders.find("file:/a", List.of(throwing, files))).isSameAs(files);
        assertThatThrownBy(() -> StoreProviders.find("redis://u:secret@h", List.of(files, throwing)))
                .isInstanceOf(UnsupportedStoreUriException.class)
                .hasMessageContaining("redis://u:****@h")
                .hasMessageContaining("file: (filesystem)")
                .hasMessageNotContaining("secret");
    }
}
