package org.dicommeta.codec.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.dicommeta.codec.DataSet;
import org.dicommeta.codec.DicomCodecException;
import org.dicommeta.codec.Tag;
import org.dicommeta.codec.UID;
import org.dicommeta.codec.VR;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded mutation fuzzing of {@link Part10Reader}: bit flips, byte overwrites, truncations,
 * length-field overwrites, chunk deletions and duplications over a generated corpus (every VR in
 * every uncompressed syntax, deflated, encapsulated, nested, raw data sets).
 *
 * <p>The only exceptions allowed to escape are {@link DicomCodecException}s whose cause is not a
 * programming error; an OutOfMemoryError or StackOverflowError fails the run. Runs for
 * {@code -Ddicommeta.fuzz.seconds} seconds (15 in {@code mvn verify}); {@code -Ddicommeta.fuzz.seed}
 * picks the seed. A longer documented run:
 * {@code mvn -Ddm.build.dir=target-codecio -pl dicom-codec test -Dtest=Part10ReaderFuzzTest -Ddicommeta.fuzz.seconds=300}.
 */
class Part10ReaderFuzzTest {

    private static final System.Logger LOG = System.getLogger(Part10ReaderFuzzTest.class.getName());

    private static List<byte[]> corpus() {
        List<byte[]> c = new ArrayList<>();
        DataSet every = TestDataSets.everyVr();
        for (String ts : new String[] {UID.ImplicitVRLittleEndian, UID.ExplicitVRLittleEndian,
                UID.ExplicitVRBigEndian, UID.DeflatedExplicitVRLittleEndian}) {
            c.add(TestDataSets.toBytes(every, ts));
        }
        c.add(TestDataSets.toBytes(TestDataSets.encapsulated(), "1.2.840.10008.1.2.4.50"));
        c.add(TestDataSets.toBytes(TestDataSets.nested(12), UID.ExplicitVRLittleEndian));
        c.add(TestDataSets.toBytes(TestDataSets.nested(12), UID.ImplicitVRLittleEndian));
        DataSet small = new DataSet();
        small.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 100");
        small.setString(Tag.PatientName, VR.PN, "Doe^John");
        small.setBytes(0x00091010, VR.UN, new byte[] {1, 2, 3, 4});
        c.add(TestDataSets.rawBytes(small, UID.ImplicitVRLittleEndian));
        c.add(TestDataSets.rawBytes(every, UID.ExplicitVRLittleEndian));
        return c;
    }

    @Test
    @DisplayName("mutated inputs only ever raise InvalidDicomException / DicomCodecException")
    void fuzz(@TempDir Path dir) throws IOException {
        long seconds = Long.parseLong(setting("dicommeta.fuzz.seconds", "15"));
        long seed = Long.parseLong(setting("dicommeta.fuzz.seed", String.valueOf(System.nanoTime())));
        Random random = new Random(seed);
        List<byte[]> corpus = corpus();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        long runs = 0;
        long rejected = 0;
        Path file = dir.resolve("fuzz.dcm");
        ReadOptions tight = ReadOptions.builder().maxInflatedSize(4L << 20).build();
        ReadOptions tightHeader = tight.toBuilder().skipBulkData(true).bulkDataThreshold(64).build();
        while (System.nanoTime() < deadline) {
            byte[] input = mutate(corpus.get(random.nextInt(corpus.size())), random);
            boolean useFile = runs % 64 == 0;
            if (useFile) {
                Files.write(file, input);
            }
            for (ReadOptions options : new ReadOptions[] {tight, tightHeader}) {
                runs++;
                try {
                    if (useFile) {
                        Part10Reader.read(file, options);
                    } else {
                        Part10Reader.read(new ByteArrayInputStream(input), "fuzz", options);
                    }
                } catch (DicomCodecException e) {
                    rejected++;
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException && !(cause instanceof DicomCodecException)) {
                        throw new AssertionError("seed " + seed + ", run " + runs + ": reader defect on input (base64) "
                                + Base64.getEncoder().encodeToString(input), e);
                    }
                } catch (RuntimeException | Error e) {
                    throw new AssertionError("seed " + seed + ", run " + runs + ": " + e + " on input (base64) "
                            + Base64.getEncoder().encodeToString(input), e);
                }
            }
        }
        LOG.log(System.Logger.Level.INFO, "fuzz: seed {0}, {1} s, {2} parses, {3} rejected, none failed otherwise",
                seed, seconds, runs, rejected);
        assertThat(runs).isPositive();
    }

    static byte[] mutate(byte[] original, Random r) {
        byte[] b = original.clone();
        int mutations = 1 + r.nextInt(4);
        for (int m = 0; m < mutations && b.length > 0; m++) {
            int at = r.nextInt(b.length);
            switch (r.nextInt(7)) {
                case 0:
                    b[at] ^= (byte) (1 << r.nextInt(8));
                    break;
                case 1:
                    b[at] = (byte) r.nextInt(256);
                    break;
                case 2:
                    b = Arrays.copyOf(b, at);
                    break;
                case 3: {
                    // Overwrite what may be a length field with a hostile value.
                    int[] hostile = {0xFFFFFFFF, 0x7FFFFFFF, 0xFFFFFFF0, 0x00010000, r.nextInt(), 0, 1, 0xFFFF};
                    int v = hostile[r.nextInt(hostile.length)];
                    int p = Math.max(0, Math.min(b.length - 4, at & ~1));
                    for (int i = 0; i < 4 && p + i < b.length; i++) {
                        b[p + i] = (byte) (v >>> (8 * i));
                    }
                    break;
                }
                case 4: {
                    int len = Math.min(b.length - at, 1 + r.nextInt(64));
                    byte[] shorter = new byte[b.length - len];
                    System.arraycopy(b, 0, shorter, 0, at);
                    System.arraycopy(b, at + len, shorter, at, b.length - at - len);
                    b = shorter;
                    break;
                }
                case 5: {
                    int len = Math.min(b.length - at, 1 + r.nextInt(64));
                    byte[] longer = new byte[b.length + len];
                    System.arraycopy(b, 0, longer, 0, at + len);
                    System.arraycopy(b, at, longer, at + len, b.length - at);
                    b = longer;
                    break;
                }
                default: {
                    // Plant an item or delimiter tag where an element was expected.
                    int[] tags = {0xFFFEE000, 0xFFFEE00D, 0xFFFEE0DD};
                    int t = tags[r.nextInt(tags.length)];
                    int p = Math.max(0, Math.min(b.length - 4, at & ~1));
                    b[p] = (byte) (t >>> 16);
                    if (p + 1 < b.length) {
                        b[p + 1] = (byte) (t >>> 24);
                    }
                    if (p + 2 < b.length) {
                        b[p + 2] = (byte) t;
                    }
                    if (p + 3 < b.length) {
                        b[p + 3] = (byte) (t >>> 8);
                    }
                }
            }
        }
        return b;
    }

    private static String setting(String name, String defaultValue) {
        String v = System.getProperty(name);
        return v == null || v.isBlank() ? defaultValue : v;
    }
}
