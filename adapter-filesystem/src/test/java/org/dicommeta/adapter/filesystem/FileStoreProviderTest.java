package org.dicommeta.adapter.filesystem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.dicommeta.domain.MetadataFormat;
import org.dicommeta.domain.MetadataScope;
import org.dicommeta.ports.MetadataStore;
import org.dicommeta.ports.StoreProvider;
import org.dicommeta.ports.StoreProviders;
import org.dicommeta.ports.StoreRequest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FileStoreProviderTest {

    private final FileStoreProvider provider = new FileStoreProvider();

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"file:./metadata-store", "file:metadata-store", "file:/abs/path", "file:///abs/path",
            "FILE:///abs/path", "file://localhost/abs/path", "file:/abs/my%20store", "file:/abs?dicommeta.fsync=false",
            "file:./x?unknown=1"})
    @DisplayName("accepts the file: URI forms")
    void accepts(String uri) {
        assertThat(provider.accepts(uri)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "file:", "file://", "file://host/abs", "file:/a#frag", "jdbc:postgresql://h/db",
            "mongodb://h", "files:/x", "fil", "/abs/path", "file:/a\u0000b", "file:/%ff%fe", "file://[::1/x"})
    @DisplayName("says no, without throwing, to anything else")
    void rejects(String uri) {
        assertThat(provider.accepts(uri)).isFalse();
    }

    @Test
    @DisplayName("says no to null")
    void rejectsNull() {
        assertThat(provider.accepts(null)).isFalse();
    }

    @Test
    @DisplayName("maps each URI form to its path, decoding percent escapes")
    void paths() {
        assertThat(FileStoreProvider.path("file:./metadata-store")).contains(Path.of("./metadata-store"));
        assertThat(FileStoreProvider.path("file:/abs/path")).contains(Path.of("/abs/path"));
        assertThat(FileStoreProvider.path("file:///abs/path")).contains(Path.of("/abs/path"));
        assertThat(FileStoreProvider.path("file://localhost/abs/path")).contains(Path.of("/abs/path"));
        assertThat(FileStoreProvider.path("file:/abs/my%20store/%E6%97%A5")).contains(Path.of("/abs/my store/日"));
        assertThat(FileStoreProvider.path("file:/abs/100%")).contains(Path.of("/abs/100%"));
    }

    @Test
    @DisplayName("reads dicommeta.fsync and dicommeta.create from the URI and the map, the map winning")
    void options() {
        FileStoreSettings s = FileStoreProvider.settings(StoreRequest.of("file:/x?dicommeta.fsync=false"));
        assertThat(s).isEqualTo(new FileStoreSettings(Path.of("/x"), false, true));
        s = FileStoreProvider.settings(new StoreRequest("file:/x?dicommeta.fsync=false", Map.of("fsync", "TRUE",
                "create", "false")));
        assertThat(s).isEqualTo(new FileStoreSettings(Path.of("/x"), true, false));
        assertThat(FileStoreProvider.settings(StoreRequest.of("file:/x"))).isEqualTo(FileStoreSettings.of(Path.of("/x")));
    }

    @Test
    @DisplayName("an unknown option, a malformed value or a stray query parameter is an IllegalArgumentException naming it")
    void badOptions() {
        assertThatThrownBy(() -> FileStoreProvider.settings(StoreRequest.of("file:/x?dicommeta.fsnyc=false")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fsnyc");
        assertThatThrownBy(() -> FileStoreProvider.settings(StoreRequest.of("file:/x?dicommeta.fsync=maybe")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maybe");
        assertThatThrownBy(() -> FileStoreProvider.settings(StoreRequest.of("file:/x?fsync=false")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fsync=false");
        assertThatThrownBy(() -> provider.open(StoreRequest.of("file://host/x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("file://host/x");
    }

    @Test
    @DisplayName("is found through ServiceLoader and opens a working store from a URI")
    void serviceLoaded() {
        StoreProvider found = StoreProviders.find("file:" + dir.resolve("s"), StoreProviders.installed(
                getClass().getClassLoader()));
        assertThat(found).isInstanceOf(FileStoreProvider.class);
        assertThat(found.name()).isEqualTo("filesystem");
        assertThat(found.schemes()).containsExactly("file:");
        try (MetadataStore store = found.open(StoreRequest.of(dir.resolve("s").toUri() + "?dicommeta.fsync=false"))) {
            store.putInstance(Fixtures.instance(Fixtures.uid(1)), false);
            assertThat(store.count(MetadataFormat.JSON, MetadataScope.MISSING)).isEqualTo(1);
            assertThat(store.describe()).contains(dir.resolve("s").toString()).contains("fsync off");
        }
        try (MetadataStore store = FileStoreProvider.openStore(FileStoreSettings.of(dir.resolve("s")))) {
            assertThat(store.findInstance(Fixtures.uid(1))).isPresent();
        }
    }
}
