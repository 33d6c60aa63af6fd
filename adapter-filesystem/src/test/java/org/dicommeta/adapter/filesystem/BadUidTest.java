package org.dicommeta.adapter.filesystem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Consumer;
import org.dicommeta.domain.InvalidUidException;
import org.dicommeta.domain.MetadataFormat;
import org.dicommeta.domain.MetadataScope;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** A UID is never trusted: path traversal and other malformed UIDs are refused before any file is touched. */
class BadUidTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"../../etc/passwd", "..", ".", "1.2/../../x", "/etc/passwd", "1.2.3\u0000", "1..2",
            "01.2", "1.2.", "", "C:\\x", "1.2.3 ", "1.2.3/", "12345678901234567890123456789012345678901234567890123456789012345"})
    @DisplayName("every operation refuses a malformed UID with InvalidUidException and writes nothing")
    void refused(String bad) throws Exception {
        Path root = dir.resolve("s");
        try (FileMetadataStore store = Fixtures.open(root)) {
            List<String> before = Fixtures.filesUnder(dir);
            List<Consumer<String>> ops = new ArrayList<>();
            ops.add(u -> store.findInstance(u));
            ops.add(u -> store.exists(MetadataFormat.JSON, u));
            ops.add(u -> store.getRecord(MetadataFormat.JSON, u));
            ops.add(u -> store.openRecord(MetadataFormat.XML, u));
            ops.add(u -> store.recordInfo(MetadataFormat.XML, u));
            ops.add(u -> store.deleteRecords(MetadataFormat.JSON, List.of(Fixtures.uid(1), u)));
            ops.add(u -> store.deleteInstances(List.of(Fixtures.uid(1), u)));
            for (Consumer<String> op : ops) {
                assertThatThrownBy(() -> op.accept(bad)).isInstanceOf(InvalidUidException.class);
            }
            // The domain types refuse to carry such a UID at all, so putInstance/putRecords never see one.
            assertThatThrownBy(() -> new org.dicommeta.domain.Instance(bad, null, null, null, null, null, "/x", Instant.EPOCH))
                    .isInstanceOf(InvalidUidException.class);
            assertThatThrownBy(() -> store.layout().instanceFile(bad)).isInstanceOf(InvalidUidException.class);
            assertThat(Fixtures.filesUnder(dir)).isEqualTo(before);
            assertThat(store.count(MetadataFormat.JSON, MetadataScope.ALL)).isZero();
            assertThat(store.select(EnumSet.of(MetadataFormat.JSON), MetadataScope.ALL, bad, 10)).isEmpty();
        }
        assertThat(Files.exists(dir.resolve("etc"))).isFalse();
    }
}
