package org.dicommeta.codec.io;

/**
 * How {@link Part10Reader} reads. Immutable; start from {@link #full()} or {@link #headerOnly()}
 * and adjust with {@link #toBuilder()}.
 *
 * <ul>
 *   <li>{@code skipBulkData}: values of Pixel Data (7FE0,0010), Float and Double Float Pixel Data
 *       (7FE0,0008/0009), and of any binary VR (OB OD OF OL OV OW UN) at least
 *       {@code bulkDataThreshold} bytes long are not read: the element keeps its tag, VR and
 *       length and gets a {@link org.dicommeta.codec.BulkDataReference} to where the bytes are. On
 *       files the reader seeks past them, so a 500 MB image's header reads as fast as a 1 KB one;
 *       on streams it skips without buffering.</li>
 *   <li>{@code maxSequenceDepth}: sequences nested deeper than this are rejected with
 *       {@link org.dicommeta.codec.InvalidDicomException}. The reader itself keeps nesting on an
 *       explicit stack and cannot overflow; the limit protects code that walks the result
 *       recursively (JSON/XML writers, {@code DataSet.equals}). 256 levels is far beyond any real
 *       IOD; at most {@link #LIMIT_MAX_SEQUENCE_DEPTH}.</li>
 *   <li>{@code maxInflatedSize}: a deflated data set (PS3.5 §A.5) may inflate to at most this many
 *       bytes, so a deflate bomb ends in an InvalidDicomException, not an exhausted heap or disk.</li>
 *   <li>{@code replaceUnknownVr}: an explicit UN element whose tag the dictionary knows is decoded
 *       with the dictionary's VR (as implicit VR little endian, PS3.5 §6.2.2), as DCMTK and pydicom do.</li>
 * </ul>
 */
public final class ReadOptions {

    /** Default bulk data threshold in bytes for header-only reads. */
    public static final int DEFAULT_BULK_DATA_THRESHOLD = 1024;
    /** Default maximum sequence nesting depth. */
    public static final int DEFAULT_MAX_SEQUENCE_DEPTH = 256;
    /** Largest accepted maximum sequence nesting depth (deeper risks stack overflow in recursive callers). */
    public static final int LIMIT_MAX_SEQUENCE_DEPTH = 1000;
    /** Default maximum inflated size of a deflated data set: 1 GiB. */
    public static final long DEFAULT_MAX_INFLATED_SIZE = 1L << 30;

    private static final ReadOptions FULL = builder().build();
    private static final ReadOptions HEADER_ONLY = builder().skipBulkData(true).build();

    private final boolean skipBulkData;
    private final int bulkDataThreshold;
    private final int maxSequenceDepth;
    private final long maxInflatedSize;
    private final boolean replaceUnknownVr;

    private ReadOptions(Builder b) {
        this.skipBulkData = b.skipBulkData;
        this.bulkDataThreshold = b.bulkDataThreshold;
        this.maxSequenceDepth = b.maxSequenceDepth;
        this.maxInflatedSize = b.maxInflatedSize;
        this.replaceUnknownVr = b.replaceUnknownVr;
    }

    /** Everything read into memory. */
    public static ReadOptions full() {
        return FULL;
    }

    /** Bulk values skipped (see the class comment), everything else read. */
    public static ReadOptions headerOnly() {
        return HEADER_ONLY;
    }

    /** A builder with the defaults of {@link #full()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these options. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.skipBulkData = skipBulkData;
        b.bulkDataThreshold = bulkDataThreshold;
        b.maxSequenceDepth = maxSequenceDepth;
        b.maxInflatedSize = maxInflatedSize;
        b.replaceUnknownVr = replaceUnknownVr;
        return b;
    }

    /** True when bulk values are skipped. */
    public boolean skipBulkData() {
        return skipBulkData;
    }

    /** Binary values at least this long are bulk data (pixel data always is). */
    public int bulkDataThreshold() {
        return bulkDataThreshold;
    }

    /** Deepest accepted sequence nesting (top-level sequence = 1). */
    public int maxSequenceDepth() {
        return maxSequenceDepth;
    }

    /** Most bytes a deflated data set may inflate to. */
    public long maxInflatedSize() {
        return maxInflatedSize;
    }

    /** True when explicit UN values of known tags are decoded with the dictionary VR. */
    public boolean replaceUnknownVr() {
        return replaceUnknownVr;
    }

    @Override
    public String toString() {
        return "ReadOptions[skipBulkData=" + skipBulkData + ", bulkDataThreshold=" + bulkDataThreshold
                + ", maxSequenceDepth=" + maxSequenceDepth + ", maxInflatedSize=" + maxInflatedSize
                + ", replaceUnknownVr=" + replaceUnknownVr + "]";
    }

    /** Builds {@link ReadOptions}. */
    public static final class Builder {
        private boolean skipBulkData;
        private int bulkDataThreshold = DEFAULT_BULK_DATA_THRESHOLD;
        private int maxSequenceDepth = DEFAULT_MAX_SEQUENCE_DEPTH;
        private long maxInflatedSize = DEFAULT_MAX_INFLATED_SIZE;
        private boolean replaceUnknownVr = true;

        private Builder() {
        }

        /** Skip bulk values instead of reading them. */
        public Builder skipBulkData(boolean skip) {
            this.skipBulkData = skip;
            return this;
        }

        /** Binary values at least this many bytes long count as bulk data (&ge; 0). */
        public Builder bulkDataThreshold(int bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("negative threshold " + bytes);
            }
            this.bulkDataThreshold = bytes;
            return this;
        }

        /** Deepest accepted sequence nesting, 1 to {@link #LIMIT_MAX_SEQUENCE_DEPTH}. */
        public Builder maxSequenceDepth(int depth) {
            if (depth < 1 || depth > LIMIT_MAX_SEQUENCE_DEPTH) {
                throw new IllegalArgumentException("maxSequenceDepth must be 1.." + LIMIT_MAX_SEQUENCE_DEPTH + ": " + depth);
            }
            this.maxSequenceDepth = depth;
            return this;
        }

        /** Most bytes a deflated data set may inflate to (&gt; 0). */
        public Builder maxInflatedSize(long bytes) {
            if (bytes <= 0) {
                throw new IllegalArgumentException("maxInflatedSize must be positive: " + bytes);
            }
            this.maxInflatedSize = bytes;
            return this;
        }

        /** Decode explicit UN values of known tags with the dictionary VR. */
        public Builder replaceUnknownVr(boolean replace) {
            this.replaceUnknownVr = replace;
            return this;
        }

        /** The options. */
        public ReadOptions build() {
            return new ReadOptions(this);
        }
    }
}
