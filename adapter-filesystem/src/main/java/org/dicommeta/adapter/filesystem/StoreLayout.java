package org.dicommeta.adapter.filesystem;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.dicommeta.domain.BackendException;
import org.dicommeta.domain.MetadataFormat;
import org.dicommeta.domain.Uids;

/**
 * Where each file of a store lives.
 *
 * <pre>
 * &lt;root&gt;/dicommeta-store.properties   marker: layout version; a directory without it is not a store
 * &lt;root&gt;/.lock                         the exclusive writer lock (holder's pid inside, for messages)
 * &lt;root&gt;/instances/ab/c/&lt;uid&gt;.instance   the index entry (key=value lines)
 * &lt;root&gt;/instances/ab/c/&lt;uid&gt;.json.rec   the JSON record: provenance header, blank line, exact bytes
 * &lt;root&gt;/instances/ab/c/&lt;uid&gt;.xml.rec    the XML record, same shape
 * &lt;root&gt;/instances/ab/c/.&lt;name&gt;.&lt;random&gt;.tmp   a write in flight (or left by a crash: removed at open)
 * </pre>
 *
 * {@code ab} is the first byte and {@code c} the high half of the second byte, in lower-case hex, of the
 * SHA-256 of the UID's ASCII bytes: 4,096 leaf directories. A leaf holds up to three files per 4,096
 * instances: about 730 entries at a million instances and 3,700 at five million, the practical ceiling of
 * this backend's in-memory index (see the README). Fewer, fuller leaves than a 65,536-way split because
 * the open scan pays per directory: measured, listing 4,096 leaves is several times cheaper at 100k
 * instances than listing 50,000 almost empty ones. Any tool can find a UID's files without the library.
 * A file name is the UID plus a suffix; UIDs end in a digit, so the suffix is never ambiguous.
 */
final class StoreLayout {

    static final int LAYOUT_VERSION = 1;
    static final String MARKER = "dicommeta-store.properties";
    static final String LOCK = ".lock";
    static final String INSTANCES = "instances";
    static final String INSTANCE_SUFFIX = ".instance";
    static final String TEMP_SUFFIX = ".tmp";

    private final Path root;
    private final Path instances;

    StoreLayout(Path root) {
        this.root = root;
        this.instances = root.resolve(INSTANCES);
    }

    Path root() {
        return root;
    }

    Path instances() {
        return instances;
    }

    Path marker() {
        return root.resolve(MARKER);
    }

    Path lockFile() {
        return root.resolve(LOCK);
    }

    /** The leaf directory of {@code uid}, checked to stay under {@code instances/}. */
    Path leaf(String uid) {
        String shard = shard(Uids.requireSopInstanceUid(uid));
        return contained(instances.resolve(shard.substring(0, 2)).resolve(shard.substring(3)));
    }

    Path instanceFile(String uid) {
        return contained(leaf(uid).resolve(uid + INSTANCE_SUFFIX));
    }

    Path recordFile(String uid, MetadataFormat format) {
        return contained(leaf(uid).resolve(uid + recordSuffix(format)));
    }

    private static final String[] RECORD_SUFFIXES = java.util.Arrays.stream(MetadataFormat.values())
            .map(f -> "." + f.extension() + ".rec").toArray(String[]::new);

    /** ".json.rec", ".xml.rec". */
    static String recordSuffix(MetadataFormat format) {
        return RECORD_SUFFIXES[format.ordinal()];
    }

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(StoreLayout::sha256);
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** "ab/c" for {@code uid}. On every write path and once per instance in the open scan, so kept cheap. */
    static String shard(String uid) {
        MessageDigest md = SHA256.get();
        md.reset();
        byte[] hash = md.digest(uid.getBytes(StandardCharsets.US_ASCII));
        return new String(new char[] {HEX[(hash[0] >> 4) & 0xf], HEX[hash[0] & 0xf], '/', HEX[(hash[1] >> 4) & 0xf]});
    }

    /** Whether {@code name} is a first-level shard directory name ("ab"). */
    static boolean isTopShardName(String name) {
        return name.length() == 2 && isLowerHex(name.charAt(0)) && isLowerHex(name.charAt(1));
    }

    /** Whether {@code name} is a leaf shard directory name ("c"). */
    static boolean isLeafShardName(String name) {
        return name.length() == 1 && isLowerHex(name.charAt(0));
    }

    private static boolean isLowerHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    }

    /**
     * A second line of defence behind {@link Uids}: whatever a name holds, the resolved path must stay
     * inside the store's instance tree.
     */
    private Path contained(Path p) {
        Path n = p.normalize();
        if (!n.startsWith(instances) || n.equals(instances)) {
            throw new BackendException("Refusing path " + p + ": it leaves the store's instance tree " + instances);
        }
        return n;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
