package org.dicommeta.codec.charset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.dicommeta.codec.VR;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The worked examples of PS3.5 Annexes H (Japanese), I (Korean), J (UTF-8, GB18030, GBK) and K
 * (Chinese, ISO 2022 IR 58): the byte sequences the standard gives, decoded to its character
 * strings, and the character strings encoded to exactly its bytes where the example shows the escape
 * sequences an encoder writes.
 */
class StandardExamplesTest {

    /** PS3.5 Example H.3-1: "Yamada^Tarou=山田^太郎=やまだ^たろう", (0008,0005) \ISO 2022 IR 87. */
    private static final byte[] H31 = bytes(
            "59 61 6D 61 64 61 5E 54 61 72 6F 75 3D 1B 24 42 3B 33 45 44 1B 28 42 5E 1B 24 42 42 40 4F 3A"
            + " 1B 28 42 3D 1B 24 42 24 64 24 5E 24 40 1B 28 42 5E 1B 24 42 24 3F 24 6D 24 26 1B 28 42");
    private static final String H31_TEXT = "Yamada^Tarou=山田^太郎=やまだ^たろう";

    /** PS3.5 Example H.3-2: the same name with half-width katakana, ISO 2022 IR 13\ISO 2022 IR 87. */
    private static final byte[] H32 = bytes(
            "D4 CF C0 DE 5E C0 DB B3 3D 1B 24 42 3B 33 45 44 1B 28 4A 5E 1B 24 42 42 40 4F 3A 1B 28 4A 3D"
            + " 1B 24 42 24 64 24 5E 24 40 1B 28 4A 5E 1B 24 42 24 3F 24 6D 24 26 1B 28 4A");
    private static final String H32_TEXT = "ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう";

    /** PS3.5 Example I.2-1: "Hong^Gildong=洪^吉洞=홍^길동", \ISO 2022 IR 149. */
    private static final byte[] I2 = bytes(
            "48 6F 6E 67 5E 47 69 6C 64 6F 6E 67 3D 1B 24 29 43 FB F3 5E 1B 24 29 43 D1 CE D4 D7 3D"
            + " 1B 24 29 43 C8 AB 5E 1B 24 29 43 B1 E6 B5 BF");
    private static final String I2_TEXT = "Hong^Gildong=洪^吉洞=홍^길동";

    /** PS3.5 Example K.2-1: "Zhang^XiaoDong=张^小东=", \ISO 2022 IR 58, with its space pad. */
    private static final byte[] K2 = bytes(
            "5A 68 61 6E 67 5E 58 69 61 6F 44 6F 6E 67 3D 1B 24 29 41 D5 C5 5E 1B 24 29 41 D0 A1 B6 AB 3D 20");
    private static final String K2_TEXT = "Zhang^XiaoDong=张^小东= ";

    /** PS3.5 Example K.3-1: three lines of Chinese text in an LT, \ISO 2022 IR 58. */
    private static final byte[] K3 = bytes(
            "31 2E 1B 24 29 41 B5 DA D2 BB D0 D0 CE C4 D7 D6 A1 A3 0D 0A"
            + " 32 2E 1B 24 29 41 B5 DA B6 FE D0 D0 CE C4 D7 D6 A1 A3 0D 0A"
            + " 33 2E 1B 24 29 41 B5 DA C8 FD D0 D0 CE C4 D7 D6 A1 A3 0D 0A");
    private static final String K3_TEXT = "1.第一行文字。\r\n2.第二行文字。\r\n3.第三行文字。\r\n";

    @Test
    @DisplayName("Example H.3-1 (ISO 2022 IR 87) decodes to the standard's name and encodes to its bytes")
    void japaneseWithDefaultValue1() {
        SpecificCharacterSet cs = SpecificCharacterSet.valueOf("", "ISO 2022 IR 87");
        assertThat(cs.decode(H31, VR.PN)).isEqualTo(H31_TEXT);
        assertThat(cs.encode(H31_TEXT, VR.PN)).isEqualTo(H31);
    }

    @Test
    @DisplayName("Example H.3-2 (ISO 2022 IR 13 as value 1) returns to ISO-IR 14 with ESC ( J")
    void japaneseWithKatakanaValue1() {
        SpecificCharacterSet cs = SpecificCharacterSet.valueOf("ISO 2022 IR 13", "ISO 2022 IR 87");
        assertThat(cs.decode(H32, VR.PN)).isEqualTo(H32_TEXT);
        assertThat(cs.encode(H32_TEXT, VR.PN)).isEqualTo(H32);
    }

    @Test
    @DisplayName("Example I.2-1 (ISO 2022 IR 149) re-designates KS X 1001 in every component")
    void koreanPersonName() {
        SpecificCharacterSet cs = SpecificCharacterSet.valueOf("", "ISO 2022 IR 149");
        assertThat(cs.decode(I2, VR.PN)).isEqualTo(I2_TEXT);
        assertThat(cs.encode(I2_TEXT, VR.PN)).isEqualTo(I2);
    }

    @Test
    @DisplayName("Example I.3-1: a designation at the head of a line serves Hangul and ASCII to the line's end")
    void koreanLongText() {
        // The example names the characters and where the escapes go; 한글 is C7D1 B1DB in KS X 1001.
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(bytes("1B 24 29 43"));
        b.writeBytes("The first line includes ".getBytes(StandardCharsets.US_ASCII));
        b.writeBytes(bytes("C7 D1 B1 DB"));
        b.writeBytes(".\r\n".getBytes(StandardCharsets.US_ASCII));
        b.writeBytes(bytes("1B 24 29 43"));
        b.writeBytes("The second line includes ".getBytes(StandardCharsets.US_ASCII));
        b.writeBytes(bytes("C7 D1 B1 DB"));
        b.writeBytes(", too.\r\nThe third line".getBytes(StandardCharsets.US_ASCII));
        String text = "The first line includes 한글.\r\nThe second line includes 한글, too.\r\nThe third line";

        SpecificCharacterSet cs = SpecificCharacterSet.valueOf("", "ISO 2022 IR 149");
        assertThat(cs.decode(b.toByteArray(), VR.LT)).isEqualTo(text);
        // The encoder designates just before the Hangul instead of at the head of the line: as valid.
        assertThat(cs.decode(cs.encode(text, VR.LT), VR.LT)).isEqualTo(text);
    }

    @Test
    @DisplayName("Example J.1-1 (ISO_IR 192) and J.3-1 (GB18030) person names decode; GBK reads the same bytes")
    void unicodeAndGb18030PersonNames() {
        byte[] utf8 = bytes("57 61 6E 67 5E 58 69 61 6F 44 6F 6E 67 3D E7 8E 8B 5E E5 B0 8F E6 9D B1 3D");
        assertThat(SpecificCharacterSet.UTF_8.decode(utf8, VR.PN)).isEqualTo("Wang^XiaoDong=王^小東=");

        byte[] gb = bytes("57 61 6E 67 5E 58 69 61 6F 44 6F 6E 67 3D CD F5 5E D0 A1 B6 AB 3D");
        assertThat(SpecificCharacterSet.valueOf("GB18030").decode(gb, VR.PN)).isEqualTo("Wang^XiaoDong=王^小东=");
        // PS3.5 Annex J: the examples use only characters GBK and GB18030 encode alike.
        assertThat(SpecificCharacterSet.valueOf("GBK").decode(gb, VR.PN)).isEqualTo("Wang^XiaoDong=王^小东=");
        assertThat(SpecificCharacterSet.valueOf("GB18030").encode("Wang^XiaoDong=王^小东=", VR.PN)).isEqualTo(gb);
    }

    @Test
    @DisplayName("Examples J.2-1 (UTF-8) and J.4-1 (GB18030) long texts decode with their CR LF")
    void unicodeAndGb18030LongTexts() {
        String text = "The first line includes 中文.\r\nThe second line includes 中文, too.\r\nThe third line.\r\n";
        byte[] utf8 = concat(ascii("The first line includes "), bytes("E4 B8 AD E6 96 87"),
                ascii(".\r\nThe second line includes "), bytes("E4 B8 AD E6 96 87"),
                ascii(", too.\r\nThe third line.\r\n"));
        byte[] gb = concat(ascii("The first line includes "), bytes("D6 D0 CE C4"),
                ascii(".\r\nThe second line includes "), bytes("D6 D0 CE C4"),
                ascii(", too.\r\nThe third line.\r\n"));
        assertThat(SpecificCharacterSet.UTF_8.decode(utf8, VR.LT)).isEqualTo(text);
        assertThat(SpecificCharacterSet.valueOf("GB18030").decode(gb, VR.LT)).isEqualTo(text);
        assertThat(SpecificCharacterSet.valueOf("GBK").decode(gb, VR.LT)).isEqualTo(text);
        assertThat(SpecificCharacterSet.UTF_8.encode(text, VR.LT)).isEqualTo(utf8);
    }

    @Test
    @DisplayName("Example K.2-1 (ISO 2022 IR 58) decodes and encodes byte for byte")
    void chinesePersonName() {
        SpecificCharacterSet cs = SpecificCharacterSet.valueOf("", "ISO 2022 IR 58");
        assertThat(cs.decode(K2, VR.PN)).isEqualTo(K2_TEXT);
        assertThat(cs.encode(K2_TEXT, VR.PN)).isEqualTo(K2);
    }

    @Test
    @DisplayName("Example K.3-1: GB 2312 is designated again after each CR LF")
    void chineseLongText() {
        SpecificCharacterSet cs = SpecificCharacterSet.valueOf("", "ISO 2022 IR 58");
        assertThat(cs.decode(K3, VR.LT)).isEqualTo(K3_TEXT);
        assertThat(cs.encode(K3_TEXT, VR.LT)).isEqualTo(K3);
    }

    @Test
    @DisplayName("the person name of Example H.3-1 splits into the three groups the annex describes")
    void exampleNameGroups() {
        PersonName name = PersonName.parse(SpecificCharacterSet.valueOf("", "ISO 2022 IR 87").decode(H31, VR.PN));
        assertThat(name.group(PersonName.Group.ALPHABETIC)).isEqualTo("Yamada^Tarou");
        assertThat(name.component(PersonName.Group.IDEOGRAPHIC, PersonName.Component.FAMILY)).isEqualTo("山田");
        assertThat(name.component(PersonName.Group.PHONETIC, PersonName.Component.GIVEN)).isEqualTo("たろう");
    }

    static byte[] bytes(String hex) {
        String[] parts = hex.trim().split("\\s+");
        byte[] out = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = (byte) Integer.parseInt(parts[i], 16);
        }
        return out;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
