package org.dicommeta.codec.charset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dicommeta.codec.charset.StandardExamplesTest.bytes;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.dicommeta.codec.VR;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Bytes no writer should produce: decoding replaces what it cannot read and never throws. */
class MalformedInputTest {

    private static final SpecificCharacterSet JAPANESE = SpecificCharacterSet.valueOf("", "ISO 2022 IR 87");

    @Test
    @DisplayName("a truncated escape sequence decodes as U+FFFD and the bytes after it as text")
    void truncatedEscape() {
        assertThat(JAPANESE.decode(bytes("41 1B"), VR.LO)).isEqualTo("A\uFFFD");
        assertThat(JAPANESE.decode(bytes("41 1B 24"), VR.LO)).isEqualTo("A\uFFFD$");
        assertThat(JAPANESE.decode(bytes("1B 24 29 0D 41"), VR.LT)).isEqualTo("\uFFFD$)\rA");
    }

    @Test
    @DisplayName("an escape sequence for a set this codec does not know decodes as one U+FFFD")
    void unknownEscape() {
        // ESC ( 0 (a private set) and ESC $ ) Z: well-formed, not designations of a known set.
        assertThat(JAPANESE.decode(bytes("41 1B 28 30 42 1B 24 29 5A 43"), VR.LO)).isEqualTo("A\uFFFDB\uFFFDC");
        // ESC N (single shift 2, unused in DICOM): no Intermediate Byte.
        assertThat(JAPANESE.decode(bytes("1B 4E 41"), VR.LO)).isEqualTo("\uFFFDA");
    }

    @Test
    @DisplayName("a lone or unmapped double-byte code decodes as U+FFFD")
    void brokenDoubleByte() {
        assertThat(JAPANESE.decode(bytes("1B 24 42 3B"), VR.LO)).isEqualTo("\uFFFD");
        assertThat(JAPANESE.decode(bytes("1B 24 42 3B 0A"), VR.LT)).isEqualTo("\uFFFD\n");
        // Row 0x29 of JIS X 0208 is unassigned.
        assertThat(JAPANESE.decode(bytes("1B 24 42 29 21 1B 28 42"), VR.LO)).isEqualTo("\uFFFD");
        SpecificCharacterSet korean = SpecificCharacterSet.valueOf("", "ISO 2022 IR 149");
        assertThat(korean.decode(bytes("1B 24 29 43 C8"), VR.LO)).isEqualTo("\uFFFD");
        assertThat(korean.decode(bytes("1B 24 29 43 C8 41"), VR.LO)).isEqualTo("\uFFFDA");
    }

    @Test
    @DisplayName("malformed UTF-8, GB18030 and unassigned ISO 8859 positions decode as U+FFFD")
    void malformedMultiByte() {
        assertThat(SpecificCharacterSet.UTF_8.decode(bytes("41 E7 8E 42 FF"), VR.PN)).isEqualTo("A\uFFFDB\uFFFD");
        assertThat(SpecificCharacterSet.valueOf("GB18030").decode(bytes("41 CD"), VR.PN)).isEqualTo("A\uFFFD");
        // A1 is unassigned in ISO 8859-8 (Hebrew).
        assertThat(SpecificCharacterSet.valueOf("ISO_IR 138").decode(bytes("A1 F9"), VR.PN)).isEqualTo("\uFFFDש");
    }

    @Test
    @DisplayName("seeded random bytes in every character set: no exception, never more chars than bytes")
    void randomBytesNeverThrow() {
        List<SpecificCharacterSet> sets = new ArrayList<>();
        for (String term : SpecificCharacterSetTest.DEFINED_TERMS) {
            sets.add(SpecificCharacterSet.valueOf(term));
            sets.add(SpecificCharacterSet.valueOf("", term));
        }
        sets.add(SpecificCharacterSet.valueOf("ISO 2022 IR 13", "ISO 2022 IR 87", "ISO 2022 IR 159",
                "ISO 2022 IR 149", "ISO 2022 IR 58", "ISO 2022 IR 100", "ISO 2022 IR 166"));
        // Bytes that steer the decoder, drawn more often than chance would.
        byte[] interesting = bytes("1B 24 28 29 2D 42 4A 49 41 43 44 4C 5C 5E 3D 0D 0A A1 FE 80 FF 20");
        VR[] vrs = {VR.PN, VR.LO, VR.LT, VR.UT, VR.SH, VR.CS};
        SplittableRandom random = new SplittableRandom(20261204L);
        for (int round = 0; round < 3_000; round++) {
            byte[] data = new byte[random.nextInt(64)];
            for (int i = 0; i < data.length; i++) {
                data[i] = random.nextBoolean()
                        ? interesting[random.nextInt(interesting.length)]
                        : (byte) random.nextInt(256);
            }
            for (SpecificCharacterSet cs : sets) {
                VR vr = vrs[random.nextInt(vrs.length)];
                String text = cs.decode(data, 0, data.length, vr);
                assertThat(text.length()).as("%s %s", cs, vr).isLessThanOrEqualTo(data.length);
                // Whatever came out, the writer can encode it again without failing.
                assertThat(cs.encode(text, vr)).isNotNull();
            }
        }
    }
}
