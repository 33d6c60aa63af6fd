package org.dicommeta.adapter.filesystem;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.dicommeta.domain.BackendException;
import org.dicommeta.domain.MetadataFormat;
import org.dicommeta.domain.RecordInfo;

/**
 * One record file: its provenance as a small header, a blank line, then the record's bytes exactly as
 * written. Record and provenance share one file, so the one atomic rename that publishes the bytes
 * publishes their provenance with them: a reader can never pair a record with another write's info.
 *
 * <pre>
 * DICOMMETA-RECORD 1
 * sopInstanceUid=1.2.3
 * format=JSON
 * flags=...
 * codecVersion=...
 * writtenAt=2026-12-04T15:00:00Z
 * size=1234
 * sha256=ab12...
 * (blank line)
 * (size bytes of content)
 * </pre>
 *
 * A reader checks the header's {@code size} against the file's actual length before it allocates
 * anything, so a damaged file is reported (naming it), never trusted.
 */
final class RecordFile {

    static final String MAGIC = "DICOMMETA-RECORD 1";
    /** A header is a few hundred bytes; a longer one is damage, not data. */
    static final int MAX_HEADER = 64 * 1024;

    /** A parsed header and where the content starts. */
    record Header(RecordInfo info, int length) {
    }

    private RecordFile() {
    }

    static ByteBuffer encodeHeader(RecordInfo info) {
        StringBuilder sb = new StringBuilder(256).append(MAGIC).append('\n');
        PropertyLines.append(sb, "sopInstanceUid", info.sopInstanceUid());
        PropertyLines.append(sb, "format", info.format().name());
        PropertyLines.append(sb, "flags", info.flags());
        PropertyLines.append(sb, "codecVersion", info.codecVersion());
        PropertyLines.append(sb, "writtenAt", info.writtenAt().toString());
        PropertyLines.append(sb, "size", Long.toString(info.size()));
        PropertyLines.append(sb, "sha256", info.sha256());
        sb.append('\n');
        return ByteBuffer.wrap(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads and checks the header of the open record file {@code file}.
     *
     * @throws BackendException naming the file when the header is damaged or disagrees with the file
     */
    static Header readHeader(FileChannel ch, Path file, String uid, MetadataFormat format) throws IOException {
        long fileSize = ch.size();
        ByteBuffer buf = ByteBuffer.allocate((int) Math.min(fileSize, MAX_HEADER));
        while (buf.hasRemaining() && ch.read(buf, buf.position()) > 0) {
            // positional reads until the buffer is full or the file ends
        }
        byte[] bytes = buf.array();
        int limit = buf.position();
        int end = -1;
        for (int i = 0; i + 1 < limit; i++) {
            if (bytes[i] == '\n' && bytes[i + 1] == '\n') {
                end = i;
                break;
            }
        }
        if (end < 0) {
            throw corrupt(file, "no end of header within the first " + limit + " bytes");
        }
        String text = new String(bytes, 0, end + 1, StandardCharsets.UTF_8);
        if (!text.startsWith(MAGIC + "\n")) {
            throw corrupt(file, "it does not start with '" + MAGIC + "'");
        }
        Map<String, String> kv = PropertyLines.parse(text.substring(MAGIC.length() + 1), file);
        int headerLength = end + 2;
        RecordInfo info;
        try {
            long size = Long.parseLong(required(kv, "size", file));
            info = new RecordInfo(required(kv, "sopInstanceUid", file),
                    MetadataFormat.valueOf(required(kv, "format", file)),
                    required(kv, "flags", file), required(kv, "codecVersion", file),
                    Instant.parse(required(kv, "writtenAt", file)), size, required(kv, "sha256", file));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw corrupt(file, "bad header value (" + e.getMessage() + ")");
        }
        if (!info.sopInstanceUid().equals(uid) || info.format() != format) {
            throw corrupt(file, "its header names " + info.format() + " of " + info.sopInstanceUid());
        }
        if (fileSize - headerLength != info.size()) {
            throw corrupt(file, "its header says " + info.size() + " bytes of content, the file holds "
                    + (fileSize - headerLength));
        }
        return new Header(info, headerLength);
    }

    private static String required(Map<String, String> kv, String key, Path file) {
        String v = kv.get(key);
        if (v == null) {
            throw corrupt(file, "its header lacks '" + key + "'");
        }
        return v;
    }

    private static BackendException corrupt(Path file, String why) {
        return new BackendException("Corrupt record file " + file + ": " + why);
    }
}
