package org.dicommeta.codec.charset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.dicommeta.codec.VR;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * decode(encode(s)) == s and encode(decode(b)) == b for every Defined Term, with text in the
 * script each set exists for.
 */
class RoundTripTest {

    static Stream<Arguments> samples() {
        return Stream.of(
                Arguments.of(new String[] {"ISO_IR 100"}, "Buc^Jérôme\\Äneas^Rüdiger"),
                Arguments.of(new String[] {"ISO_IR 101"}, "Dvořák^Antonín"),
                Arguments.of(new String[] {"ISO_IR 109"}, "Ġużeppi^Ħal"),
                Arguments.of(new String[] {"ISO_IR 110"}, "Ķēniņš^Jānis"),
                Arguments.of(new String[] {"ISO_IR 144"}, "Люксембург^Иван"),
                Arguments.of(new String[] {"ISO_IR 127"}, "قباني^لنزار"),
                Arguments.of(new String[] {"ISO_IR 126"}, "Διονυσιος"),
                Arguments.of(new String[] {"ISO_IR 138"}, "שרון^דבורה"),
                Arguments.of(new String[] {"ISO_IR 148"}, "Şahin^Ağa"),
                Arguments.of(new String[] {"ISO_IR 203"}, "Œuvre^Šárka € 5"),
                Arguments.of(new String[] {"ISO_IR 13"}, "ﾔﾏﾀﾞ^ﾀﾛｳ"),
                Arguments.of(new String[] {"ISO_IR 166"}, "สมชาย^ใจดี"),
                Arguments.of(new String[] {"ISO 2022 IR 6"}, "Doe^John"),
                Arguments.of(new String[] {"ISO 2022 IR 100"}, "Buc^Jérôme"),
                Arguments.of(new String[] {"ISO 2022 IR 101"}, "Dvořák^Antonín"),
                Arguments.of(new String[] {"ISO 2022 IR 109"}, "Ġużeppi^Ħal"),
                Arguments.of(new String[] {"ISO 2022 IR 110"}, "Ķēniņš^Jānis"),
                Arguments.of(new String[] {"ISO 2022 IR 144"}, "Люксембург^Иван"),
                Arguments.of(new String[] {"ISO 2022 IR 127"}, "قباني^لنزار"),
                Arguments.of(new String[] {"ISO 2022 IR 126"}, "Διονυσιος"),
                Arguments.of(new String[] {"ISO 2022 IR 138"}, "שרון^דבורה"),
                Arguments.of(new String[] {"ISO 2022 IR 148"}, "Şahin^Ağa"),
                Arguments.of(new String[] {"ISO 2022 IR 203"}, "Œuvre^€"),
                Arguments.of(new String[] {"ISO 2022 IR 13"}, "ﾔﾏﾀﾞ^ﾀﾛｳ"),
                Arguments.of(new String[] {"ISO 2022 IR 166"}, "สมชาย^ใจดี"),
                Arguments.of(new String[] {"", "ISO 2022 IR 87"}, "Yamada^Tarou=山田^太郎=やまだ^たろう"),
                // 丂 and 丄 are JIS X 0212 row 0x30 (not in JIS X 0208), 山 is JIS X 0208.
                Arguments.of(new String[] {"", "ISO 2022 IR 87", "ISO 2022 IR 159"}, "山丂^丄=やま"),
                Arguments.of(new String[] {"", "ISO 2022 IR 149"}, "Hong^Gildong=洪^吉洞=홍^길동"),
                Arguments.of(new String[] {"", "ISO 2022 IR 58"}, "Zhang^XiaoDong=张^小东="),
                Arguments.of(new String[] {"ISO 2022 IR 13", "ISO 2022 IR 87"}, "ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう"),
                Arguments.of(new String[] {"ISO 2022 IR 100", "ISO 2022 IR 144", "ISO 2022 IR 126",
                        "ISO 2022 IR 87", "ISO 2022 IR 149", "ISO 2022 IR 58"},
                        "Jérôme Люк Διον^山田 홍 张=やまだ\\Ærø"),
                Arguments.of(new String[] {"ISO_IR 192"}, "Wang^XiaoDong=王^小東=\\😀 Jérôme"),
                Arguments.of(new String[] {"GB18030"}, "Wang^XiaoDong=王^小东=\\😀"),
                Arguments.of(new String[] {"GBK"}, "Wang^XiaoDong=王^小东=\\乗"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("samples")
    @DisplayName("text survives encode then decode, and its bytes survive decode then encode")
    void roundTrip(String[] terms, String text) {
        SpecificCharacterSet cs = SpecificCharacterSet.valueOf(terms);
        assertThat(cs.isKnown()).isTrue();
        for (VR vr : new VR[] {VR.PN, VR.LO, VR.SH, VR.UC, VR.LT, VR.ST, VR.UT}) {
            byte[] encoded = cs.encode(text, vr);
            String decoded = cs.decode(encoded, 0, encoded.length, vr);
            // The samples hold no '?', so equality also proves nothing was replaced as unencodable.
            assertThat(decoded).as("%s decode(encode)", vr).isEqualTo(text);
            assertThat(cs.encode(decoded, vr)).as("%s encode(decode)", vr).isEqualTo(encoded);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    @DisplayName("text with every control character and delimiter survives the round trip in a text VR")
    void controlsRoundTrip(String[] terms, String text) {
        SpecificCharacterSet cs = SpecificCharacterSet.valueOf(terms);
        String withControls = text + "\r\n\t" + text + "\f" + text;
        byte[] encoded = cs.encode(withControls, VR.UT);
        assertThat(cs.decode(encoded, VR.UT)).isEqualTo(withControls);
    }
}
