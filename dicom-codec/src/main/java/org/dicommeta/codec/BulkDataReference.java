package org.dicommeta.codec;

import java.util.Objects;

/**
 * The value of an element that was skipped, not read, because the reader ran in header-only mode
 * (see {@code org.dicommeta.codec.io.ReadOptions#headerOnly()}): where its bytes are in the source.
 *
 * <p>The element keeps its tag and VR, so writers can still say "present" or emit a BulkDataURI
 * (PS3.18 §F.2.6) or a {@code <BulkData>} reference (PS3.19 §A.1.5) for it.
 *
 * @param source       the file name or URI the value lives in ("stream" when not re-readable)
 * @param offset       byte offset of the first value byte in the source (for encapsulated data: of
 *                     the first item tag, the Basic Offset Table item, PS3.5 §A.4)
 * @param length       number of value bytes; for encapsulated data the bytes of all items up to and
 *                     including the Sequence Delimitation Item
 * @param encapsulated true when the value is encapsulated pixel data (undefined length, fragments)
 */
public record BulkDataReference(String source, long offset, long length, boolean encapsulated) {

    /** Checks the arguments. */
    public BulkDataReference {
        Objects.requireNonNull(source, "source");
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("negative offset or length: " + offset + ", " + length);
        }
    }

    /** A reference to {@code length} native (not encapsulated) value bytes at {@code offset}. */
    public static BulkDataReference of(String source, long offset, long length) {
        return new BulkDataReference(source, offset, length, false);
    }
}
