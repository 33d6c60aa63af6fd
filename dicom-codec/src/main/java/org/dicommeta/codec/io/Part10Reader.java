package org.dicommeta.codec.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.dicommeta.codec.BulkDataReference;
import org.dicommeta.codec.DataSet;
import org.dicommeta.codec.DicomCodecException;
import org.dicommeta.codec.Element;
import org.dicommeta.codec.Fragments;
import org.dicommeta.codec.InvalidDicomException;
import org.dicommeta.codec.Tag;
import org.dicommeta.codec.UID;
import org.dicommeta.codec.VR;
import org.dicommeta.codec.charset.SpecificCharacterSet;
import org.dicommeta.codec.dict.DictionaryEntry;
import org.dicommeta.codec.dict.ElementDictionary;

/**
 * Reads DICOM Part 10 files (PS3.10 §7) and raw data sets into a {@link DicomFile}.
 *
 * <p>Input accepted: a 128-byte preamble and "DICM" prefix followed by File Meta Information, or
 * meta without preamble, or an old raw data set without either (implicit/explicit VR and byte
 * order then guessed from the first element). Transfer syntaxes: implicit VR little endian,
 * explicit VR little endian, explicit VR big endian (retired), deflated explicit VR little endian
 * (PS3.5 §A.5), and every encapsulated syntax (pixel data stays encapsulated as
 * {@link Fragments}, PS3.5 §A.4). When the declared transfer syntax says implicit but the first
 * element is plainly explicit (or the reverse), the data decide, as DCMTK and pydicom do.
 *
 * <p>Elements: defined and undefined lengths; sequences nested up to
 * {@link ReadOptions#maxSequenceDepth()} (deeper is rejected; nesting is kept on an explicit
 * stack, so no depth can overflow the thread stack);
 * UN of undefined length read as an implicit VR little endian sequence (PS3.5 §6.2.2); implicit VR
 * private elements get their VR from the vendor dictionary by private creator, else UN; text values
 * decode with the Specific Character Set of their data set, items inheriting their parent's unless
 * they define their own (PS3.3 §C.12.1.1.2). In header-only mode bulk values are skipped (seek on
 * files) and become {@link BulkDataReference}s; in a deflated data set their source says so and
 * their offsets count inflated bytes (the file cannot be seeked into).
 *
 * <p>Errors: malformed input gives {@link InvalidDicomException} with the source and the byte
 * offset (for a deflated data set, the offset counts inflated bytes after the File Meta
 * Information). No value is allocated before its length was checked against the bytes available;
 * on streams of unknown size values grow in bounded chunks as data arrives. I/O failures give
 * {@link UncheckedIOException} naming the file. A partial element header at the end is an error
 * too (pydicom ignores up to 7 such bytes; DCMTK does not).
 *
 * <p>Thread-safe: each call uses its own state.
 */
public final class Part10Reader {

    private static final System.Logger LOG = System.getLogger(Part10Reader.class.getName());

    private static final int ITEM = 0xFFFEE000;
    private static final int ITEM_DELIMITATION = 0xFFFEE00D;
    private static final int SEQUENCE_DELIMITATION = 0xFFFEE0DD;
    private static final long UNDEFINED = 0xFFFFFFFFL;
    private static final String JPIP_REFERENCED_DEFLATE = "1.2.840.10008.1.2.4.95";

    private DicomInput in;
    private final ArrayDeque<Object> stack = new ArrayDeque<>();
    private final ReadOptions options;
    private final String source;

    private Part10Reader(DicomInput in, ReadOptions options) {
        this.in = in;
        this.options = options;
        this.source = in.source();
    }

    /** Reads a whole file into memory ({@link ReadOptions#full()}). */
    public static DicomFile read(Path file) {
        return read(file, ReadOptions.full());
    }

    /**
     * Reads a file. Bulk data references of a header-only read name {@code file.toString()}.
     *
     * @throws InvalidDicomException when the file is not DICOM or is malformed
     * @throws UncheckedIOException  when the file cannot be read
     */
    public static DicomFile read(Path file, ReadOptions options) {
        String source = file.toString();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return new Part10Reader(DicomInput.of(source, channel), options).readFile();
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException("No such file: " + source, e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + source + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads from a stream (not closed). Header-only reads skip bulk values without buffering them;
     * their references name {@code sourceName}.
     *
     * @param sourceName the name used in errors and bulk data references (file name, URI, "stream")
     * @throws InvalidDicomException when the data are not DICOM or are malformed
     * @throws UncheckedIOException  when the stream fails
     */
    public static DicomFile read(InputStream in, String sourceName, ReadOptions options) {
        String source = sourceName == null ? "stream" : sourceName;
        return new Part10Reader(DicomInput.of(source, in), options).readFile();
    }

    // ------------------------------------------------------------------ file level

    private DicomFile readFile() {
        try {
            return readFileUnchecked();
        } catch (DicomCodecException | UncheckedIOException e) {
            throw e;
        } catch (RuntimeException e) {
            // A defect of this reader must still surface as the documented exception type; the
            // cause keeps the evidence (the fuzz test fails on such causes).
            throw new InvalidDicomException(source, in.position(), "unexpected error while parsing: " + e, e);
        }
    }

    private DicomFile readFileUnchecked() {
        DataSet meta = new DataSet();
        boolean hasMeta = false;
        if (in.ensure(132) && isDicm(128)) {
            in.skip(132, 0, "preamble");
            hasMeta = true;
        } else if (in.ensure(4) && isDicm(0)) {
            in.skip(4, 0, "prefix");
            hasMeta = true;
        } else if (in.ensure(6) && (in.peek(0) | in.peek(1) << 8) == 0x0002) {
            hasMeta = true;
        }
        String ts;
        boolean explicit;
        boolean bigEndian;
        if (hasMeta) {
            readFileMetaInformation(meta);
            ts = meta.getString(Tag.TransferSyntaxUID);
            if (ts != null && (ts.equals(UID.DeflatedExplicitVRLittleEndian) || ts.equals(JPIP_REFERENCED_DEFLATE))) {
                inflate();
                DataSet ds = new DataSet(64);
                readDataSet(ds, -1, true, false, SpecificCharacterSet.DEFAULT, 0);
                return new DicomFile(meta, ds, ts);
            }
            bigEndian = UID.ExplicitVRBigEndian.equals(ts);
            explicit = !UID.ImplicitVRLittleEndian.equals(ts);
            if (!bigEndian && in.ensure(6)) {
                boolean looksExplicit = VR.ofCode(in.peek(4) << 8 | in.peek(5)) != null;
                if (ts == null || looksExplicit != explicit) {
                    LOG.log(System.Logger.Level.DEBUG, "{0}: transfer syntax {1} but the data set is {2} VR",
                            source, ts, looksExplicit ? "explicit" : "implicit");
                    explicit = looksExplicit;
                }
            }
            if (ts == null) {
                ts = explicit ? UID.ExplicitVRLittleEndian : UID.ImplicitVRLittleEndian;
            }
        } else {
            if (!in.ensure(8)) {
                throw in.invalid(0, "not DICOM: too short (" + (in.ensure(1) ? "fewer than 8" : "0") + " bytes)");
            }
            int leGroup = in.peek(0) | in.peek(1) << 8;
            int beGroup = in.peek(0) << 8 | in.peek(1);
            explicit = VR.ofCode(in.peek(4) << 8 | in.peek(5)) != null;
            bigEndian = explicit && leGroup > 0x00FF && beGroup <= 0x00FF;
            int group = bigEndian ? beGroup : leGroup;
            // Group 0000 is the DIMSE command group (PS3.7 §E.1) and 0002 the File Meta Information
            // (handled above); neither starts a stored data set. Without this bound a run of zero bytes
            // read as empty (0000,0000) elements: an empty data set instead of "not DICOM".
            if ((group & 1) != 0 || group < 0x0004 || group > (explicit ? 0x7FE0 : 0x0028)) {
                throw in.invalid(0, "not DICOM: no \"DICM\" prefix at byte 128 and no data set start"
                        + " (first group " + String.format("%04X", group) + ")");
            }
            ts = bigEndian ? UID.ExplicitVRBigEndian
                    : explicit ? UID.ExplicitVRLittleEndian : UID.ImplicitVRLittleEndian;
        }
        DataSet ds = new DataSet(64);
        readDataSet(ds, -1, explicit, bigEndian, SpecificCharacterSet.DEFAULT, 0);
        return new DicomFile(meta, ds, ts);
    }

    private boolean isDicm(int at) {
        return in.peek(at) == 'D' && in.peek(at + 1) == 'I' && in.peek(at + 2) == 'C' && in.peek(at + 3) == 'M';
    }

    /** Group 0002 is always explicit VR little endian (PS3.10 §7.1); some writers got that wrong. */
    private void readFileMetaInformation(DataSet meta) {
        while (in.ensure(6) && (in.peek(0) | in.peek(1) << 8) == 0x0002) {
            boolean explicit = VR.ofCode(in.peek(4) << 8 | in.peek(5)) != null;
            if (readElement(meta, -1, explicit, false, SpecificCharacterSet.DEFAULT, 0) == ITEM_DELIMITATION) {
                throw in.invalid(in.position(), "delimiter inside the File Meta Information");
            }
            run(); // a (malformed) sequence in the meta

        }
        if (meta.isEmpty()) {
            throw in.invalid(in.position(), "no File Meta Information after the \"DICM\" prefix");
        }
    }

    /** Replaces the input by the inflated rest of the stream (PS3.5 §A.5), bounded in size. */
    private void inflate() {
        long start = in.position();
        Inflater inflater = new Inflater(true);
        InputStream inflating = new BoundedStream(new InflaterInputStream(in.remainder(), inflater, 1 << 16) {
            @Override
            public void close() throws IOException {
                super.close();
                inflater.end();
            }
        }, options.maxInflatedSize(), start);
        in = DicomInput.of(source + " (deflated data set inflated from byte " + start + ")", inflating);
    }

    /** Ends the stream with an InvalidDicomException once more than {@code limit} bytes came out. */
    private final class BoundedStream extends InputStream {
        private final InputStream delegate;
        private final long limit;
        private final long start;
        private long count;

        BoundedStream(InputStream delegate, long limit, long start) {
            this.delegate = delegate;
            this.limit = limit;
            this.start = start;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int r = read(one, 0, 1);
            return r < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int r = delegate.read(b, off, len);
            if (r > 0) {
                count += r;
                if (count > limit) {
                    delegate.close();
                    throw new InvalidDicomException(source, start, "deflated data set inflates to more than "
                            + limit + " bytes (ReadOptions.maxInflatedSize): refusing a possible deflate bomb");
                }
            }
            return r;
        }

        @Override
        public long skip(long n) throws IOException {
            // Route skips through read() so the bound applies to skipped bytes too.
            return 0;
        }
    }

    // ------------------------------------------------------------------ data sets

    /**
     * Reads elements into {@code ds} until {@code end} (absolute position; -1 for undefined length,
     * ended by an Item Delimitation Item or, at depth 0, by the end of the data).
     */
    private void readDataSet(DataSet ds, long end, boolean explicit, boolean bigEndian, SpecificCharacterSet charset, int depth) {
        stack.push(new DataSetFrame(ds, end, explicit, bigEndian, charset, depth));
        run();
    }

    /**
     * Drives the frames on the stack to completion. Nesting lives in this explicit stack, not in
     * Java frames, so no input can overflow the thread stack however deep its sequences go; the
     * depth limit exists for the callers that walk the result recursively.
     */
    private void run() {
        while (!stack.isEmpty()) {
            Object top = stack.peek();
            if (top instanceof DataSetFrame) {
                stepDataSet((DataSetFrame) top);
            } else {
                stepSequence((SequenceFrame) top);
            }
        }
    }

    /** Reads the next element of a data set, or pops the data set when it ends. */
    private void stepDataSet(DataSetFrame f) {
        long pos = in.position();
        if (f.end >= 0) {
            if (pos == f.end) {
                stack.pop();
                return;
            }
            if (pos > f.end) {
                throw in.invalid(pos, "element overruns the end of its item at " + f.end);
            }
        } else if (f.depth == 0 && !in.ensure(1)) {
            stack.pop();
            return;
        }
        int tag = readElement(f.ds, f.end, f.explicit, f.bigEndian, f.cs, f.depth);
        if (tag == ITEM_DELIMITATION) {
            if (f.end >= 0 || f.depth == 0) {
                throw in.invalid(pos, "Item Delimitation Item outside an item of undefined length");
            }
            stack.pop();
        } else if (tag == Tag.SpecificCharacterSet) {
            // Later elements of this data set and the items it contains use it (PS3.3 §C.12.1.1.2).
            f.cs = SpecificCharacterSet.valueOf(f.ds.get(tag).strings());
        }
    }

    /** Names an element in error messages, formatted only when an error is raised. */
    private static final class ElementName {
        private final int tag;
        private final VR vr;

        ElementName(int tag, VR vr) {
            this.tag = tag;
            this.vr = vr;
        }

        @Override
        public String toString() {
            return Tag.toString(tag) + " " + vr;
        }
    }

    /** A data set being filled: the top level or an item. */
    private static final class DataSetFrame {
        final DataSet ds;
        final long end;
        final boolean explicit;
        final boolean bigEndian;
        final int depth;
        SpecificCharacterSet cs;

        DataSetFrame(DataSet ds, long end, boolean explicit, boolean bigEndian, SpecificCharacterSet cs, int depth) {
            this.ds = ds;
            this.end = end;
            this.explicit = explicit;
            this.bigEndian = bigEndian;
            this.cs = cs;
            this.depth = depth;
        }
    }

    /** A sequence whose items are being read. */
    private static final class SequenceFrame {
        final List<DataSet> items = new ArrayList<>();
        final long end;
        final boolean explicit;
        final boolean bigEndian;
        final SpecificCharacterSet cs;
        final int depth;
        final long offset;

        SequenceFrame(long end, boolean explicit, boolean bigEndian, SpecificCharacterSet cs, int depth, long offset) {
            this.end = end;
            this.explicit = explicit;
            this.bigEndian = bigEndian;
            this.cs = cs;
            this.depth = depth;
            this.offset = offset;
        }
    }

    /**
     * Reads one element into {@code ds}.
     *
     * @return the tag read; {@code ITEM_DELIMITATION} ends an undefined-length item
     */
    private int readElement(DataSet ds, long end, boolean explicit, boolean bigEndian, SpecificCharacterSet cs, int depth) {
        long off = in.position();
        in.require(8, "element header");
        int tag = in.tag(bigEndian);
        if ((tag >>> 16) == 0xFFFE) {
            int len = in.s32(bigEndian);
            if (tag == ITEM_DELIMITATION) {
                return tag;
            }
            throw in.invalid(off, "unexpected " + Tag.toString(tag) + " (length " + (len & UNDEFINED)
                    + ") where a data element was expected");
        }
        VR vr;
        long length;
        if (explicit) {
            int code = in.peek(0) << 8 | in.peek(1);
            vr = VR.ofCode(code);
            if (vr == null) {
                throw in.invalid(off, "unknown VR " + describeVr(in.peek(0), in.peek(1)) + " for " + Tag.toString(tag)
                        + " in an explicit VR data set");
            }
            in.advance(2);
            if (vr.hasLongLength()) {
                in.advance(2);
                in.require(4, "element length");
                length = in.s32(bigEndian) & UNDEFINED;
            } else {
                length = in.u16(bigEndian);
            }
        } else {
            length = in.s32(false) & UNDEFINED;
            vr = implicitVr(ds, tag);
        }
        long valueStart = in.position();
        if (length == UNDEFINED) {
            readUndefinedLength(ds, tag, vr, explicit, bigEndian, cs, depth, off);
        } else {
            if (end >= 0 && valueStart + length > end) {
                throw in.invalid(off, Tag.toString(tag) + " " + vr + " length " + length
                        + " goes past the end of its item at byte " + end);
            }
            in.checkLength(off, length, new ElementName(tag, vr));
            readDefinedLength(ds, tag, vr, length, explicit, bigEndian, cs, depth, off);
        }
        return tag;
    }

    private static String describeVr(int b0, int b1) {
        return (b0 >= 0x20 && b0 < 0x7F && b1 >= 0x20 && b1 < 0x7F)
                ? "\"" + (char) b0 + (char) b1 + "\"" : String.format("0x%02X%02X", b0, b1);
    }

    private VR implicitVr(DataSet ds, int tag) {
        if (Tag.isPrivate(tag) && !Tag.isPrivateCreator(tag) && (tag & 0xFFFF) != 0) {
            String creator = ds.privateCreatorOf(tag);
            return creator == null ? VR.UN : ElementDictionary.vrOf(creator, tag);
        }
        DictionaryEntry e = ElementDictionary.lookup(tag);
        if (e == null || e.vrs().isEmpty()) {
            return VR.UN;
        }
        if (e.vrs().size() > 1 && e.vrs().get(0) == VR.US && e.vrs().contains(VR.SS)) {
            // "US or SS": signed when Pixel Representation (0028,0103) says so (PS3.5 §A.1 c).
            return ds.getInt(Tag.PixelRepresentation, 0) == 1 ? VR.SS : VR.US;
        }
        return e.vr();
    }

    private void readUndefinedLength(DataSet ds, int tag, VR vr, boolean explicit, boolean bigEndian,
                                     SpecificCharacterSet cs, int depth, long off) {
        if (vr == VR.SQ) {
            ds.set(new Element(tag, VR.SQ, readSequence(-1, explicit, bigEndian, cs, depth, off), -1));
        } else if (vr == VR.UN && (explicit || !Tag.isGroupLength(tag))) {
            // PS3.5 §6.2.2: UN of undefined length is a sequence in implicit VR little endian.
            // Implicit streams: an unknown element of undefined length can only be a sequence.
            if (isPixelData(tag)) {
                readFragments(ds, tag, VR.OB, off);
            } else {
                ds.set(new Element(tag, VR.SQ, readSequence(-1, false, false, cs, depth, off), -1));
            }
        } else if (vr.isBinary()) {
            // Encapsulated data is OB (PS3.5 §A.4); implicit streams only have the dictionary's OW guess.
            readFragments(ds, tag, explicit ? vr : VR.OB, off);
        } else {
            throw in.invalid(off, Tag.toString(tag) + " " + vr + " has undefined length, allowed only for SQ,"
                    + " UN and encapsulated data");
        }
    }

    private static boolean isPixelData(int tag) {
        return tag == Tag.PixelData || tag == Tag.FloatPixelData || tag == Tag.DoubleFloatPixelData;
    }

    private void readDefinedLength(DataSet ds, int tag, VR vr, long length, boolean explicit, boolean bigEndian,
                                   SpecificCharacterSet cs, int depth, long off) {
        long valueStart = in.position();
        if (vr == VR.SQ) {
            ds.set(new Element(tag, VR.SQ, readSequence(valueStart + length, explicit, bigEndian, cs, depth, off), length));
            return;
        }
        if (vr == VR.UN && explicit && options.replaceUnknownVr()) {
            DictionaryEntry e = Tag.isPrivate(tag) ? ElementDictionary.lookup(ds.privateCreatorOf(tag), tag)
                    : ElementDictionary.lookup(tag);
            if (e != null && !e.vrs().isEmpty() && e.vr() != VR.UN) {
                VR known = e.vr() == VR.US && e.vrs().contains(VR.SS)
                        ? (ds.getInt(Tag.PixelRepresentation, 0) == 1 ? VR.SS : VR.US) : e.vr();
                if (known == VR.SQ) {
                    // The value is an implicit VR little endian sequence (PS3.5 §6.2.2).
                    ds.set(new Element(tag, VR.SQ, readSequence(valueStart + length, false, false, cs, depth, off), length));
                    return;
                }
                vr = known;
                bigEndian = false;
            }
        }
        if (options.skipBulkData() && (isPixelData(tag) || (vr.isBinary() && length >= options.bulkDataThreshold()))
                && length > 0) {
            in.skip(length, off, new ElementName(tag, vr));
            ds.set(new Element(tag, vr, BulkDataReference.of(in.source(), valueStart, length), length));
            return;
        }
        if (length == 0) {
            ds.set(new Element(tag, vr, null, 0));
            return;
        }
        if (vr.isString()) {
            if (length > Integer.MAX_VALUE - 16) {
                throw in.invalid(off, Tag.toString(tag) + " " + vr + " length " + length + " is too large for text");
            }
            ds.set(new Element(tag, vr, readText(tag, vr, (int) length, cs, off), length));
            return;
        }
        byte[] value = in.readBytes(length, off, new ElementName(tag, vr));
        if (bigEndian) {
            swap(value, vr);
        }
        ds.set(new Element(tag, vr, value, length));
    }

    private String readText(int tag, VR vr, int length, SpecificCharacterSet cs, long off) {
        byte[] b;
        int from;
        if (length <= DicomInput.BUFFER_SIZE && in.ensure(length)) {
            b = in.buffer();
            from = in.bufferPosition();
            in.advance(length);
        } else {
            b = in.readBytes(length, off, new ElementName(tag, vr));
            from = 0;
        }
        int n = length;
        while (n > 0 && (b[from + n - 1] == ' ' || b[from + n - 1] == 0)) {
            n--;
        }
        if (n == 0) {
            return "";
        }
        return cs.decode(b, from, n, vr);
    }

    /** Big-endian values to the little-endian in-memory form (PS3.5 §7.3). */
    private static void swap(byte[] b, VR vr) {
        int unit = vr == VR.AT ? 2 : vr.bytesPerValue();
        if (unit < 2) {
            return;
        }
        int n = b.length - b.length % unit;
        for (int i = 0; i < n; i += unit) {
            for (int j = 0, k = unit - 1; j < k; j++, k--) {
                byte t = b[i + j];
                b[i + j] = b[i + k];
                b[i + k] = t;
            }
        }
    }

    // ------------------------------------------------------------------ sequences and fragments

    /**
     * Starts a sequence: its items are read by the frame pushed here once the current element is
     * stored. Returns the (still empty) item list for the SQ element.
     */
    private List<DataSet> readSequence(long end, boolean explicit, boolean bigEndian, SpecificCharacterSet cs, int depth, long off) {
        if (depth + 1 > options.maxSequenceDepth()) {
            throw in.invalid(off, "sequences nested deeper than " + options.maxSequenceDepth()
                    + " levels (ReadOptions.maxSequenceDepth)");
        }
        SequenceFrame frame = new SequenceFrame(end, explicit, bigEndian, cs, depth, off);
        stack.push(frame);
        return frame.items;
    }

    /** Starts the next item of a sequence, or pops the sequence when it ends. */
    private void stepSequence(SequenceFrame s) {
        long pos = in.position();
        if (s.end >= 0) {
            if (pos == s.end) {
                stack.pop();
                return;
            }
            if (pos > s.end) {
                throw in.invalid(pos, "item overruns the end of its sequence at " + s.end);
            }
        }
        in.require(8, "item header");
        int tag = in.tag(s.bigEndian);
        long length = in.s32(s.bigEndian) & UNDEFINED;
        if (tag == SEQUENCE_DELIMITATION) {
            stack.pop();
            return;
        }
        if (tag != ITEM) {
            throw in.invalid(pos, "expected an Item (FFFE,E000) in the sequence starting at " + s.offset
                    + ", found " + Tag.toString(tag));
        }
        DataSet item = new DataSet();
        s.items.add(item);
        long itemEnd = -1;
        if (length != UNDEFINED) {
            itemEnd = in.position() + length;
            if (s.end >= 0 && itemEnd > s.end) {
                // An item longer than its defined-length sequence (seen in edited DICOMDIRs): the
                // sequence length is the outer, already checked bound, so trust it, as DCMTK does.
                LOG.log(System.Logger.Level.DEBUG, "{0}: item at {1} of length {2} overruns its sequence end {3}",
                        source, pos, length, s.end);
                itemEnd = s.end;
            } else {
                in.checkLength(pos, length, "item");
            }
        }
        stack.push(new DataSetFrame(item, itemEnd, s.explicit, s.bigEndian, s.cs, s.depth + 1));
    }

    private void readFragments(DataSet ds, int tag, VR vr, long off) {
        long valueStart = in.position();
        boolean skip = options.skipBulkData();
        List<byte[]> fragments = skip ? null : new ArrayList<>();
        while (true) {
            long pos = in.position();
            in.require(8, "fragment item header");
            int itemTag = in.tag(false);
            long length = in.s32(false) & UNDEFINED;
            if (itemTag == SEQUENCE_DELIMITATION) {
                break;
            }
            if (itemTag != ITEM || length == UNDEFINED) {
                throw in.invalid(pos, "encapsulated " + Tag.toString(tag) + ": expected an Item of defined length,"
                        + " found " + Tag.toString(itemTag) + (length == UNDEFINED ? " of undefined length" : ""));
            }
            if (skip) {
                in.skip(length, pos, "fragment");
            } else {
                fragments.add(in.readBytes(length, pos, "fragment"));
            }
        }
        if (skip) {
            ds.set(new Element(tag, vr, new BulkDataReference(in.source(), valueStart, in.position() - valueStart, true), -1));
        } else {
            ds.set(new Element(tag, vr, new Fragments(fragments), -1));
        }
    }
}
