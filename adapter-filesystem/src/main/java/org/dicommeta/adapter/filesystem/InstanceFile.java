package org.dicommeta.adapter.filesystem;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.dicommeta.domain.BackendException;
import org.dicommeta.domain.Instance;

/**
 * One instance file: a magic line, then the instance's attributes as {@link PropertyLines}; an absent
 * key is a null attribute.
 */
final class InstanceFile {

    static final String MAGIC = "DICOMMETA-INSTANCE 1";
    /** Seven short attributes and a path: anything larger is damage. */
    static final int MAX_SIZE = 1024 * 1024;

    private InstanceFile() {
    }

    static ByteBuffer encode(Instance i) {
        StringBuilder sb = new StringBuilder(512).append(MAGIC).append('\n');
        PropertyLines.append(sb, "sopInstanceUid", i.sopInstanceUid());
        PropertyLines.append(sb, "studyInstanceUid", i.studyInstanceUid());
        PropertyLines.append(sb, "seriesInstanceUid", i.seriesInstanceUid());
        PropertyLines.append(sb, "patientId", i.patientId());
        PropertyLines.append(sb, "sopClassUid", i.sopClassUid());
        PropertyLines.append(sb, "transferSyntaxUid", i.transferSyntaxUid());
        PropertyLines.append(sb, "source", i.source());
        PropertyLines.append(sb, "storedAt", i.storedAt().toString());
        return ByteBuffer.wrap(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    static Instance read(FileChannel ch, Path file, String uid) throws IOException {
        long size = ch.size();
        if (size > MAX_SIZE) {
            throw corrupt(file, "it holds " + size + " bytes, more than an instance file ever does (" + MAX_SIZE + ")");
        }
        ByteBuffer buf = ByteBuffer.allocate((int) size);
        while (buf.hasRemaining() && ch.read(buf) > 0) {
            // read to the end
        }
        String text = new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8);
        if (!text.startsWith(MAGIC + "\n")) {
            throw corrupt(file, "it does not start with '" + MAGIC + "'");
        }
        Map<String, String> kv = PropertyLines.parse(text.substring(MAGIC.length() + 1), file);
        Instance instance;
        try {
            String stored = kv.get("storedAt");
            instance = new Instance(kv.get("sopInstanceUid"), kv.get("studyInstanceUid"), kv.get("seriesInstanceUid"),
                    kv.get("patientId"), kv.get("sopClassUid"), kv.get("transferSyntaxUid"), kv.get("source"),
                    stored == null ? null : Instant.parse(stored));
        } catch (RuntimeException e) {
            throw corrupt(file, "bad or missing attribute (" + e.getMessage() + ")");
        }
        if (!instance.sopInstanceUid().equals(uid)) {
            throw corrupt(file, "it names instance " + instance.sopInstanceUid());
        }
        return instance;
    }

    private static BackendException corrupt(Path file, String why) {
        return new BackendException("Corrupt instance file " + file + ": " + why);
    }
}
