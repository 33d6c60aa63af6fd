package org.dicommeta.adapter.filesystem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.dicommeta.domain.Instance;
import org.dicommeta.domain.MetadataFormat;
import org.dicommeta.domain.RecordInfo;
import org.dicommeta.ports.RecordWrite;

/** Builders of instances and records for the tests, and a look at the files on disk. */
final class Fixtures {

    static final Instant WHEN = Instant.parse("2026-12-04T10:15:30.123456789Z");

    private Fixtures() {
    }

    static String uid(int n) {
        return "1.2.826.0.1.3680043.10.543." + n;
    }

    static Instance instance(String uid) {
        return new Instance(uid, "1.2.3.4", "1.2.3.4.5", "PAT-1", "1.2.840.10008.5.1.4.1.1.2", "1.2.840.10008.1.2.1",
                "/data/dicom/" + uid + ".dcm", WHEN);
    }

    static RecordWrite record(String uid, MetadataFormat format, byte[] content, RecordWrite.Mode mode) {
        String sha = HexFormat.of().formatHex(StoreLayout.sha256().digest(content));
        return new RecordWrite(new RecordInfo(uid, format, "IGNORE_BINARY_DATA", "0.1.0-test", WHEN, content.length, sha),
                content, mode);
    }

    static RecordWrite json(String uid, String text) {
        return record(uid, MetadataFormat.JSON, text.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                RecordWrite.Mode.REPLACE);
    }

    static FileMetadataStore open(Path root) {
        return FileMetadataStore.open(FileStoreSettings.of(root).withFsync(false), AtomicFiles.PLAIN_WRITE);
    }

    /** Every regular file under {@code dir}, relative to it, with '/' separators. */
    static List<String> filesUnder(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            List<String> out = new ArrayList<>();
            s.filter(Files::isRegularFile).forEach(p -> out.add(dir.relativize(p).toString().replace('\\', '/')));
            out.sort(null);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
