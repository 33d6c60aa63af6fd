package org.dicommeta.tck.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;
import java.util.UUID;
import org.dicommeta.codec.DataSet;
import org.dicommeta.codec.Tag;
import org.dicommeta.codec.UID;
import org.dicommeta.codec.VR;
import org.dicommeta.codec.io.Part10Writer;

/**
 * Deterministic builders of realistic synthetic DICOM studies: CT and MR image instances with the
 * patient, general study, general series, frame of reference, general image, image plane and image
 * pixel modules (PS3.3 §C.7), nested sequences, person names in two character sets, a private block
 * and small pixel data.
 *
 * <p>Everything is derived from a {@code seed}: the same seed and counts give equal data sets with
 * equal UIDs, so tests can rebuild an instance to compare, and benchmarks are repeatable. Different
 * seeds give disjoint UIDs. UIDs follow PS3.5 §B.2 ("2.25." and the decimal value of a UUID), the UUID
 * being name-based (RFC 4122 version 3) on the seed and the entity, so they are unique without any
 * registered root.
 *
 * <p>What a generated instance carries, so tests can rely on it:
 * <ul>
 *   <li>Specific Character Set (0008,0005) {@code ISO_IR 192} (UTF-8) with a Japanese patient name in
 *       three component groups (alphabetic, ideographic, phonetic; PS3.5 §6.2.1), or {@code ISO_IR 100}
 *       (Latin-1) with a German/Nordic name with umlauts, as {@link PatientCharset} says;</li>
 *   <li>Procedure Code Sequence (0008,1032) with one item that nests an Equivalent Code Sequence
 *       (0008,0121); from the second instance of a series on, Referenced Image Sequence (0008,1140)
 *       referring to the previous instance, its item nesting a Purpose of Reference Code Sequence
 *       (0040,A170);</li>
 *   <li>Station Name (0008,1010) with two leading spaces ({@value #STATION_NAME_WITH_LEADING_SPACES}),
 *       so a trim-white-space rendering is visibly different;</li>
 *   <li>a private block of creator {@value #PRIVATE_CREATOR} in group 0029: an LO (0029,xx10), an
 *       SH (0029,xx11) and 16 bytes of OB (0029,xx12);</li>
 *   <li>Pixel Data (7FE0,0010) OW, {@value #ROWS}x{@value #COLUMNS}, 16 bits allocated, 12 stored,
 *       a disc phantom with seeded noise (8 KiB).</li>
 * </ul>
 *
 * <p>Data sets are mutable ({@link DataSet}); each call builds new ones. Thread-safe: no shared state.
 */
public final class SyntheticStudies {

    /** The Private Creator (gggg,0010-00FF) value of the private block every instance carries. */
    public static final String PRIVATE_CREATOR = "DICOMMETA SYNTHETIC";

    /** The raw Station Name value, with leading spaces that only trimming removes. */
    public static final String STATION_NAME_WITH_LEADING_SPACES = "  SYNTH01";

    /** Rows (0028,0010) of the pixel data. */
    public static final int ROWS = 64;

    /** Columns (0028,0011) of the pixel data. */
    public static final int COLUMNS = 64;

    /** The transfer syntax {@link #writeStudy(Path, Study)} uses: Explicit VR Little Endian. */
    public static final String DEFAULT_TRANSFER_SYNTAX = UID.ExplicitVRLittleEndian;

    private static final DateTimeFormatter DA = DateTimeFormatter.BASIC_ISO_DATE;

    private SyntheticStudies() {
    }

    /** The modalities a study can hold. */
    public enum Modality {
        /** CT Image Storage, PS3.4 Annex B. */
        CT(UID.CTImageStorage),
        /** MR Image Storage, PS3.4 Annex B. */
        MR(UID.MRImageStorage);

        private final String sopClassUid;

        Modality(String sopClassUid) {
            this.sopClassUid = sopClassUid;
        }

        /** The SOP Class UID of this modality's image storage. */
        public String sopClassUid() {
            return sopClassUid;
        }
    }

    /** The character set of a study's text, and so which patient names it can hold. */
    public enum PatientCharset {
        /** ISO_IR 192 (UTF-8) with a Japanese name in alphabetic, ideographic and phonetic groups. */
        UTF8_JAPANESE("ISO_IR 192", new String[] {
            "Yamada^Tarou=山田^太郎=やまだ^たろう", "M",
            "Suzuki^Hanako=鈴木^花子=すずき^はなこ", "F",
            "Tanaka^Ichirou=田中^一郎=たなか^いちろう", "M"}),
        /** ISO_IR 100 (ISO 8859-1) with a Latin name carrying umlauts and other diacritics. */
        LATIN1("ISO_IR 100", new String[] {
            "Müller^Jürgen", "M",
            "Groß^Käthe^Anna", "F",
            "Bjørnstad^Åse", "F",
            "Lefèvre^Hélène", "F"});

        private final String term;
        /** Pairs of Patient's Name and Patient's Sex. */
        private final String[] namesAndSexes;

        PatientCharset(String term, String[] namesAndSexes) {
            this.term = term;
            this.namesAndSexes = namesAndSexes;
        }

        /** The defined term of Specific Character Set (0008,0005), PS3.3 §C.12.1.1.2. */
        public String specificCharacterSet() {
            return term;
        }

        int pick(long seed) {
            return 2 * (int) Math.floorMod(seed, (long) namesAndSexes.length / 2);
        }

        String name(int pick) {
            return namesAndSexes[pick];
        }

        String sex(int pick) {
            return namesAndSexes[pick + 1];
        }
    }

    /**
     * A built study: its identifying UIDs and its instances in order (CT series first).
     *
     * @param studyInstanceUid (0020,000D) shared by every instance
     * @param patientId        (0010,0020)
     * @param patientName      (0010,0010) as set
     * @param charset          the character set of the study's text
     * @param instances        the data sets, mutable, without file meta information
     */
    public record Study(String studyInstanceUid, String patientId, String patientName, PatientCharset charset,
            List<DataSet> instances) {

        public Study {
            instances = List.copyOf(instances);
        }

        /** The SOP Instance UIDs of the instances, in order. */
        public List<String> sopInstanceUids() {
            List<String> out = new ArrayList<>(instances.size());
            for (DataSet ds : instances) {
                out.add(ds.getString(Tag.SOPInstanceUID));
            }
            return out;
        }
    }

    /** A study of {@code ctInstances} CT and {@code mrInstances} MR instances, with the seed's charset. */
    public static Study study(long seed, int ctInstances, int mrInstances) {
        return builder(seed).ct(ctInstances).mr(mrInstances).build();
    }

    /** A builder of one study; by default one CT instance, no MR, character set chosen by the seed. */
    public static Builder builder(long seed) {
        return new Builder(seed);
    }

    /** One CT instance in a study of its own. */
    public static DataSet ct(long seed) {
        return builder(seed).ct(1).mr(0).build().instances().get(0);
    }

    /** One MR instance in a study of its own. */
    public static DataSet mr(long seed) {
        return builder(seed).ct(0).mr(1).build().instances().get(0);
    }

    /**
     * Builds a study and writes it as Part 10 files (Explicit VR Little Endian) into {@code dir}.
     *
     * @return the files written, in the study's instance order
     */
    public static List<Path> writeStudy(Path dir, long seed, int ctInstances, int mrInstances) {
        return writeStudy(dir, study(seed, ctInstances, mrInstances));
    }

    /** {@link #writeStudy(Path, Study, String)} in Explicit VR Little Endian. */
    public static List<Path> writeStudy(Path dir, Study study) {
        return writeStudy(dir, study, DEFAULT_TRANSFER_SYNTAX);
    }

    /**
     * Writes each instance of {@code study} as a Part 10 file {@code <SOP Instance UID>.dcm} in
     * {@code dir} (created when absent) with the codec's Part 10 writer.
     *
     * @return the files written, in the study's instance order
     * @throws UncheckedIOException naming the file that could not be written
     */
    public static List<Path> writeStudy(Path dir, Study study, String transferSyntaxUid) {
        Objects.requireNonNull(study, "study");
        Objects.requireNonNull(transferSyntaxUid, "transferSyntaxUid");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create directory " + dir, e);
        }
        List<Path> files = new ArrayList<>(study.instances().size());
        for (DataSet ds : study.instances()) {
            Path file = fileFor(dir, ds);
            Part10Writer.write(file, ds, transferSyntaxUid);
            files.add(file);
        }
        return files;
    }

    /** The file name {@link #writeStudy} gives an instance: {@code <SOP Instance UID>.dcm}. */
    public static Path fileFor(Path dir, DataSet instance) {
        String uid = instance.getString(Tag.SOPInstanceUID);
        if (uid == null) {
            throw new IllegalArgumentException("data set has no SOP Instance UID (0008,0018)");
        }
        return dir.resolve(uid + ".dcm");
    }

    /**
     * A deterministic UID for {@code name}: "2.25." and the unsigned decimal value of the name-based UUID
     * of {@code name} (PS3.5 §B.2). At most 44 characters, so within the 64 of PS3.5 §9.1.
     */
    public static String uid(String name) {
        UUID u = UUID.nameUUIDFromBytes(("dicommeta-synthetic/" + name).getBytes(StandardCharsets.UTF_8));
        byte[] b = ByteBuffer.allocate(16).putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits())
                .array();
        return "2.25." + new BigInteger(1, b);
    }

    /** Builds one study. Not thread-safe; build once per builder. */
    public static final class Builder {

        private final long seed;
        private int ct = 1;
        private int mr;
        private PatientCharset charset;

        private Builder(long seed) {
            this.seed = seed;
        }

        /** The number of CT instances (one series). */
        public Builder ct(int instances) {
            this.ct = requireCount(instances);
            return this;
        }

        /** The number of MR instances (one series). */
        public Builder mr(int instances) {
            this.mr = requireCount(instances);
            return this;
        }

        /** The character set of the study; by default UTF-8 Japanese for even seeds, Latin-1 for odd. */
        public Builder charset(PatientCharset charset) {
            this.charset = Objects.requireNonNull(charset, "charset");
            return this;
        }

        /** Builds the study. */
        public Study build() {
            PatientCharset cs = charset != null ? charset
                    : (Math.floorMod(seed, 2L) == 0 ? PatientCharset.UTF8_JAPANESE : PatientCharset.LATIN1);
            Random random = new Random(seed);
            String prefix = "seed-" + seed;
            String studyUid = uid(prefix + "/study");
            String frameUid = uid(prefix + "/frame-of-reference");
            String patientId = "PAT" + Long.toUnsignedString(Math.floorMod(seed, 1_000_000L) + 100_000L);
            int pick = cs.pick(seed);
            String patientName = cs.name(pick);
            LocalDate date = LocalDate.of(2024, 1, 15).plusDays(Math.floorMod(seed, 365L));
            String birthDate = LocalDate.of(1950, 3, 1).plusDays(Math.floorMod(seed * 7919L, 14_000L)).format(DA);
            StudyContext study = new StudyContext(cs, studyUid, frameUid, patientId, patientName, cs.sex(pick),
                    birthDate,
                    date.format(DA), String.format(Locale.ROOT, "%02d%02d%02d", 8 + Math.floorMod(seed, 10L),
                            Math.floorMod(seed * 13, 60L), Math.floorMod(seed * 29, 60L)),
                    "A" + Math.floorMod(seed * 104_729L, 10_000_000L), random);
            List<DataSet> out = new ArrayList<>(ct + mr);
            addSeries(out, study, Modality.CT, 1, ct, prefix);
            addSeries(out, study, Modality.MR, 2, mr, prefix);
            return new Study(studyUid, patientId, patientName, cs, out);
        }

        private static void addSeries(List<DataSet> out, StudyContext study, Modality modality, int seriesNumber,
                int count, String prefix) {
            if (count == 0) {
                return;
            }
            String seriesUid = uid(prefix + "/series/" + modality);
            String previous = null;
            for (int i = 1; i <= count; i++) {
                String sopUid = uid(prefix + "/instance/" + modality + "/" + i);
                out.add(instance(study, modality, seriesUid, seriesNumber, i, sopUid, previous));
                previous = sopUid;
            }
        }

        private static int requireCount(int n) {
            if (n < 0) {
                throw new IllegalArgumentException("instance count must not be negative, was " + n);
            }
            return n;
        }
    }

    /** What every instance of one study shares. */
    private record StudyContext(PatientCharset charset, String studyUid, String frameUid, String patientId,
            String patientName, String patientSex, String birthDate, String studyDate, String studyTime, String accession,
            Random random) {
    }

    private static DataSet instance(StudyContext s, Modality modality, String seriesUid, int seriesNumber,
            int instanceNumber, String sopUid, String previousSopUid) {
        DataSet ds = new DataSet();
        boolean ct = modality == Modality.CT;
        // SOP common, PS3.3 §C.12.1
        ds.setString(Tag.SpecificCharacterSet, VR.CS, s.charset().specificCharacterSet());
        ds.setString(Tag.ImageType, VR.CS, "ORIGINAL", "PRIMARY", "AXIAL");
        ds.setString(Tag.InstanceCreationDate, VR.DA, s.studyDate());
        ds.setString(Tag.InstanceCreationTime, VR.TM, s.studyTime());
        ds.setString(Tag.SOPClassUID, VR.UI, modality.sopClassUid());
        ds.setString(Tag.SOPInstanceUID, VR.UI, sopUid);
        // general study and series, PS3.3 §C.7.2.1 and §C.7.3.1
        ds.setString(Tag.StudyDate, VR.DA, s.studyDate());
        ds.setString(Tag.SeriesDate, VR.DA, s.studyDate());
        ds.setString(Tag.ContentDate, VR.DA, s.studyDate());
        ds.setString(Tag.StudyTime, VR.TM, s.studyTime());
        ds.setString(Tag.SeriesTime, VR.TM, s.studyTime());
        ds.setString(Tag.ContentTime, VR.TM, s.studyTime());
        ds.setString(Tag.AccessionNumber, VR.SH, s.accession());
        ds.setString(Tag.Modality, VR.CS, modality.name());
        ds.setString(Tag.Manufacturer, VR.LO, "DicomMeta Synthetic Imaging");
        ds.setString(Tag.InstitutionName, VR.LO, s.charset() == PatientCharset.LATIN1
                ? "Universitätsklinikum Süd" : "Synthetic General Hospital");
        ds.setString(Tag.ReferringPhysicianName, VR.PN, s.charset() == PatientCharset.LATIN1
                ? "Weiß^Dörte^^Dr." : "Sato^Kenji=佐藤^健二=さとう^けんじ");
        ds.setString(Tag.StationName, VR.SH, STATION_NAME_WITH_LEADING_SPACES);
        ds.setString(Tag.StudyDescription, VR.LO, ct ? "CT Chest with contrast" : "MR Brain without contrast");
        List<DataSet> procedure = ds.newSequence(Tag.ProcedureCodeSequence);
        procedure.add(code(ct ? "CTCHESTC" : "MRHEADNC", "99DICOMMETA",
                ct ? "CT Chest with contrast" : "MR Brain without contrast"));
        procedure.get(0).newSequence(Tag.EquivalentCodeSequence)
                .add(code(ct ? "24627-2" : "24590-2", "LN", ct ? "CT Chest" : "MR Brain"));
        ds.setString(Tag.SeriesDescription, VR.LO, ct ? "Axial 5mm" : "T2 TSE axial");
        ds.setString(Tag.ManufacturerModelName, VR.LO, ct ? "SynthCT 64" : "SynthMR 3T");
        if (previousSopUid != null) {
            DataSet ref = new DataSet();
            ref.setString(Tag.ReferencedSOPClassUID, VR.UI, modality.sopClassUid());
            ref.setString(Tag.ReferencedSOPInstanceUID, VR.UI, previousSopUid);
            ref.newSequence(Tag.PurposeOfReferenceCodeSequence)
                    .add(code("121311", "DCM", "Localizer"));
            ds.newSequence(Tag.ReferencedImageSequence).add(ref);
        }
        // patient, PS3.3 §C.7.1.1
        ds.setString(Tag.PatientName, VR.PN, s.patientName());
        ds.setString(Tag.PatientID, VR.LO, s.patientId());
        ds.setString(Tag.PatientBirthDate, VR.DA, s.birthDate());
        ds.setString(Tag.PatientSex, VR.CS, s.patientSex());
        ds.setString(Tag.PatientAge, VR.AS, String.format(Locale.ROOT, "%03dY",
                2024 - Integer.parseInt(s.birthDate().substring(0, 4))));
        ds.setString(Tag.PatientWeight, VR.DS, Integer.toString(55 + s.random().nextInt(40)));
        ds.setString(Tag.BodyPartExamined, VR.CS, ct ? "CHEST" : "HEAD");
        // modality specific acquisition, PS3.3 §C.8.2.1 (CT) and §C.8.3.1 (MR)
        if (ct) {
            ds.setString(Tag.SliceThickness, VR.DS, "5");
            ds.setString(Tag.KVP, VR.DS, "120");
            ds.setString(Tag.ExposureTime, VR.IS, Integer.toString(500 + s.random().nextInt(500)));
            ds.setString(Tag.XRayTubeCurrent, VR.IS, Integer.toString(100 + s.random().nextInt(200)));
            ds.setString(Tag.ConvolutionKernel, VR.SH, "STANDARD");
        } else {
            ds.setString(Tag.ScanningSequence, VR.CS, "SE");
            ds.setString(Tag.SequenceVariant, VR.CS, "SK", "SP");
            ds.setString(Tag.ScanOptions, VR.CS, "PFP");
            ds.setString(Tag.MRAcquisitionType, VR.CS, "2D");
            ds.setString(Tag.SliceThickness, VR.DS, "4");
            ds.setString(Tag.RepetitionTime, VR.DS, "4000");
            ds.setString(Tag.EchoTime, VR.DS, "98.5");
            ds.setString(Tag.ImagingFrequency, VR.DS, "123.2");
            ds.setString(Tag.MagneticFieldStrength, VR.DS, "3");
            ds.setString(Tag.EchoTrainLength, VR.IS, "16");
            ds.setString(Tag.FlipAngle, VR.DS, "150");
        }
        ds.setString(Tag.ProtocolName, VR.LO, ct ? "Chest routine" : "Brain routine");
        ds.setString(Tag.PatientPosition, VR.CS, "HFS");
        ds.setString(Tag.StudyInstanceUID, VR.UI, s.studyUid());
        ds.setString(Tag.SeriesInstanceUID, VR.UI, seriesUid);
        ds.setString(Tag.StudyID, VR.SH, "1");
        ds.setString(Tag.SeriesNumber, VR.IS, Integer.toString(seriesNumber));
        ds.setString(Tag.InstanceNumber, VR.IS, Integer.toString(instanceNumber));
        // image plane, PS3.3 §C.7.6.2
        double z = -100.0 + instanceNumber * (ct ? 5.0 : 4.0);
        String zs = formatDs(z);
        ds.setString(Tag.ImagePositionPatient, VR.DS, "-160", "-160", zs);
        ds.setString(Tag.ImageOrientationPatient, VR.DS, "1", "0", "0", "0", "1", "0");
        ds.setString(Tag.FrameOfReferenceUID, VR.UI, s.frameUid());
        ds.setString(Tag.SliceLocation, VR.DS, zs);
        ds.setString(Tag.ImageComments, VR.LT, "Synthetic " + modality + " image " + instanceNumber
                + "; not of a real patient");
        // private block in group 0029 (PS3.5 §7.8.1)
        ds.setString(PRIVATE_CREATOR, 0x00290010, VR.LO, "synthetic");
        ds.setString(PRIVATE_CREATOR, 0x00290011, VR.SH, modality.name() + "-" + instanceNumber);
        byte[] opaque = new byte[16];
        s.random().nextBytes(opaque);
        ds.setBytes(PRIVATE_CREATOR, 0x00290012, VR.OB, opaque);
        // image pixel, PS3.3 §C.7.6.3
        ds.setInt(Tag.SamplesPerPixel, VR.US, 1);
        ds.setString(Tag.PhotometricInterpretation, VR.CS, "MONOCHROME2");
        ds.setInt(Tag.Rows, VR.US, ROWS);
        ds.setInt(Tag.Columns, VR.US, COLUMNS);
        ds.setString(Tag.PixelSpacing, VR.DS, "5", "5");
        ds.setInt(Tag.BitsAllocated, VR.US, 16);
        ds.setInt(Tag.BitsStored, VR.US, 12);
        ds.setInt(Tag.HighBit, VR.US, 11);
        ds.setInt(Tag.PixelRepresentation, VR.US, 0);
        ds.setString(Tag.WindowCenter, VR.DS, ct ? "40" : "600");
        ds.setString(Tag.WindowWidth, VR.DS, ct ? "400" : "1200");
        if (ct) {
            ds.setString(Tag.RescaleIntercept, VR.DS, "-1024");
            ds.setString(Tag.RescaleSlope, VR.DS, "1");
            ds.setString(Tag.RescaleType, VR.LO, "HU");
        }
        ds.setBytes(Tag.PixelData, VR.OW, pixels(s.random(), ct ? 1064 : 900, ct ? 24 : 40));
        return ds;
    }

    private static DataSet code(String value, String scheme, String meaning) {
        DataSet item = new DataSet();
        item.setString(Tag.CodeValue, VR.SH, value);
        item.setString(Tag.CodingSchemeDesignator, VR.SH, scheme);
        item.setString(Tag.CodeMeaning, VR.LO, meaning);
        return item;
    }

    /** A disc phantom: {@code inside} in a centred disc, {@code outside} around it, with 12-bit noise. */
    private static byte[] pixels(Random random, int inside, int outside) {
        byte[] out = new byte[ROWS * COLUMNS * 2];
        double r = ROWS * 0.4;
        for (int y = 0; y < ROWS; y++) {
            for (int x = 0; x < COLUMNS; x++) {
                double dx = x - COLUMNS / 2.0 + 0.5;
                double dy = y - ROWS / 2.0 + 0.5;
                int v = (dx * dx + dy * dy <= r * r ? inside : outside) + random.nextInt(32);
                v = Math.min(v, 0x0FFF);
                int i = 2 * (y * COLUMNS + x);
                out[i] = (byte) v;
                out[i + 1] = (byte) (v >>> 8);
            }
        }
        return out;
    }

    private static String formatDs(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
