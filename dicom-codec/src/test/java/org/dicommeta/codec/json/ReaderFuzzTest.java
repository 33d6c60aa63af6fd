package org.dicommeta.codec.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.Random;
import java.util.function.Consumer;

import org.dicommeta.codec.DicomCodecException;
import org.dicommeta.codec.xml.NativeXmlReader;
import org.dicommeta.codec.xml.NativeXmlWriter;
import org.dicommeta.codec.xml.XmlWriteOptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A seeded mutation loop over the JSON and XML of the every-VR data set: flipped, deleted, duplicated
 * and inserted bytes must give a data set or a {@link DicomCodecException}, never another exception,
 * a hang or a stack overflow. Bounded to 1,500 mutations per format (about a second); a longer run is
 * {@code -Dfuzz.iterations=1000000}.
 */
class ReaderFuzzTest {

    private static final int ITERATIONS = Integer.getInteger("fuzz.iterations", 1500);
    private static final byte[] NOISE = "{}[]\":,\\<>/=&;0123456789eE+-.nulltruefalse \n\u00e9".getBytes(
            java.nio.charset.StandardCharsets.UTF_8);

    private static int fuzz(byte[] seed, long randomSeed, Consumer<byte[]> reader) {
        Random r = new Random(randomSeed);
        int accepted = 0;
        for (int i = 0; i < ITERATIONS; i++) {
            byte[] b = mutate(seed, r);
            try {
                reader.accept(b);
                accepted++;
            } catch (DicomCodecException expected) {
                // the only acceptable failure
            }
        }
        return accepted;
    }

    private static byte[] mutate(byte[] seed, Random r) {
        byte[] b = seed.clone();
        int edits = 1 + r.nextInt(4);
        for (int e = 0; e < edits; e++) {
            int at = r.nextInt(b.length);
            switch (r.nextInt(4)) {
                case 0:
                    b[at] = NOISE[r.nextInt(NOISE.length)];
                    break;
                case 1: {
                    int len = Math.min(b.length - at, 1 + r.nextInt(16));
                    byte[] shorter = new byte[b.length - len];
                    System.arraycopy(b, 0, shorter, 0, at);
                    System.arraycopy(b, at + len, shorter, at, b.length - at - len);
                    b = shorter.length == 0 ? b : shorter;
                    break;
                }
                case 2: {
                    int len = Math.min(b.length - at, 1 + r.nextInt(64));
                    byte[] longer = new byte[b.length + len];
                    System.arraycopy(b, 0, longer, 0, at + len);
                    System.arraycopy(b, at, longer, at + len, b.length - at);
                    b = longer;
                    break;
                }
                default:
                    b[at] ^= (byte) (1 << r.nextInt(8));
            }
        }
        return b;
    }

    @Test
    @DisplayName("mutated DICOM JSON gives a data set or DicomCodecException, nothing else")
    void json() {
        byte[] seed = DicomJsonWriter.toBytes(TestDataSets.everyVr(), JsonWriteOptions.builder().minify(true).build());
        int accepted = fuzz(seed, 20261204L, DicomJsonReader::read);
        assertThat(accepted).as("some mutations stay valid").isPositive().isLessThan(ITERATIONS);
    }

    @Test
    @DisplayName("mutated Native DICOM Model XML gives a data set or DicomCodecException, nothing else")
    void xml() {
        byte[] seed = NativeXmlWriter.toBytes(TestDataSets.everyVr(), XmlWriteOptions.defaults());
        int accepted = fuzz(seed, 20261205L, b -> NativeXmlReader.read(new ByteArrayInputStream(b)));
        assertThat(accepted).as("some mutations stay valid").isPositive().isLessThan(ITERATIONS);
    }
}
