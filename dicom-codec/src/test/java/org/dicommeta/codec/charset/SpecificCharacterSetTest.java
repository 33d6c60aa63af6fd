package org.dicommeta.codec.charset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dicommeta.codec.charset.StandardExamplesTest.bytes;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.dicommeta.codec.VR;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpecificCharacterSetTest {

    /** Every Defined Term of PS3.3 §C.12.1.1.2 Tables C.12-2 to C.12-5. */
    static final List<String> DEFINED_TERMS = List.of(
            "ISO_IR 100", "ISO_IR 101", "ISO_IR 109", "ISO_IR 110", "ISO_IR 144", "ISO_IR 127",
            "ISO_IR 126", "ISO_IR 138", "ISO_IR 148", "ISO_IR 203", "ISO_IR 13", "ISO_IR 166",
            "ISO 2022 IR 6", "ISO 2022 IR 100", "ISO 2022 IR 101", "ISO 2022 IR 109", "ISO 2022 IR 110",
            "ISO 2022 IR 144", "ISO 2022 IR 127", "ISO 2022 IR 126", "ISO 2022 IR 138", "ISO 2022 IR 148",
            "ISO 2022 IR 203", "ISO 2022 IR 13", "ISO 2022 IR 166",
            "ISO 2022 IR 87", "ISO 2022 IR 159", "ISO 2022 IR 149", "ISO 2022 IR 58",
            "ISO_IR 192", "GB18030", "GBK");

    @Test
    @DisplayName("every JDK charset behind the Defined Terms exists in this Java runtime")
    void jdkHasEveryTable() {
        for (String name : List.of("ISO-8859-1", "ISO-8859-2", "ISO-8859-3", "ISO-8859-4", "ISO-8859-5",
                "ISO-8859-6", "ISO-8859-7", "ISO-8859-8", "ISO-8859-9", "ISO-8859-15", "x-iso-8859-11",
                "x-JIS0208", "JIS0212", "EUC-KR", "GB2312", "GB18030", "GBK", "UTF-8")) {
            assertThat(Charset.isSupported(name)).as(name).isTrue();
        }
    }

    @Test
    @DisplayName("absent, empty and blank Specific Character Sets are the default repertoire")
    void defaultRepertoire() {
        assertThat(SpecificCharacterSet.valueOf()).isSameAs(SpecificCharacterSet.DEFAULT);
        assertThat(SpecificCharacterSet.valueOf((String[]) null)).isSameAs(SpecificCharacterSet.DEFAULT);
        assertThat(SpecificCharacterSet.valueOf((String) null)).isSameAs(SpecificCharacterSet.DEFAULT);
        assertThat(SpecificCharacterSet.valueOf("")).isSameAs(SpecificCharacterSet.DEFAULT);
        assertThat(SpecificCharacterSet.valueOf("  ", "")).isSameAs(SpecificCharacterSet.DEFAULT);
        assertThat(SpecificCharacterSet.DEFAULT.definedTerms()).isEmpty();
        assertThat(SpecificCharacterSet.DEFAULT.isKnown()).isTrue();
        assertThat(SpecificCharacterSet.DEFAULT.isUtf8()).isFalse();
        assertThat(SpecificCharacterSet.DEFAULT.hasCodeExtensions()).isFalse();
    }

    @Test
    @DisplayName("the default repertoire reads bytes above 07/15 as ISO 8859-1 instead of failing")
    void defaultIsLenient() {
        byte[] value = bytes("4A E9 72 F4 6D 65");
        assertThat(SpecificCharacterSet.DEFAULT.decode(value, VR.PN)).isEqualTo("Jérôme");
        assertThat(SpecificCharacterSet.DEFAULT.encode("Jérôme", VR.PN)).isEqualTo(value);
        assertThat(SpecificCharacterSet.DEFAULT.encode("Jérôme 山", VR.LO)).isEqualTo(bytes("4A E9 72 F4 6D 65 20 3F"));
    }

    @Test
    @DisplayName("valueOf trims, splits backslash-joined terms and returns one shared instance per set")
    void valueOfNormalisesAndCaches() {
        SpecificCharacterSet a = SpecificCharacterSet.valueOf("ISO 2022 IR 13 ", " ISO 2022 IR 87");
        SpecificCharacterSet b = SpecificCharacterSet.valueOf("ISO 2022 IR 13\\ISO 2022 IR 87");
        assertThat(a).isSameAs(b);
        assertThat(a.definedTerms()).containsExactly("ISO 2022 IR 13", "ISO 2022 IR 87");
        assertThat(a).hasToString("ISO 2022 IR 13\\ISO 2022 IR 87");
        assertThat(SpecificCharacterSet.valueOf("ISO_IR 192")).isSameAs(SpecificCharacterSet.UTF_8);
        assertThat(SpecificCharacterSet.UTF_8.isUtf8()).isTrue();
        // definedTerms() is a copy: callers cannot change the shared instance.
        a.definedTerms()[0] = "changed";
        assertThat(a.definedTerms()[0]).isEqualTo("ISO 2022 IR 13");
    }

    @Test
    @DisplayName("every Defined Term is known; only the ISO 2022 terms use code extensions")
    void everyDefinedTermIsKnown() {
        for (String term : DEFINED_TERMS) {
            // The multi-byte sets with code extensions belong in value 2 and later (PS3.3 Table C.12-4).
            SpecificCharacterSet cs = term.matches("ISO 2022 IR (87|159|149|58)")
                    ? SpecificCharacterSet.valueOf("", term)
                    : SpecificCharacterSet.valueOf(term);
            assertThat(cs.isKnown()).as(term).isTrue();
            assertThat(cs.unknownTerms()).as(term).isEmpty();
            assertThat(cs.hasCodeExtensions()).as(term).isEqualTo(term.startsWith("ISO 2022"));
        }
    }

    @Test
    @DisplayName("an unknown term does not throw: it is reported and the default repertoire applies")
    void unknownTermFallsBackToDefault() {
        SpecificCharacterSet cs = SpecificCharacterSet.valueOf("KLINGON");
        assertThat(cs.isKnown()).isFalse();
        assertThat(cs.unknownTerms()).containsExactly("KLINGON");
        assertThat(cs.definedTerms()).containsExactly("KLINGON");
        assertThat(cs.decode(bytes("41 E9"), VR.LO)).isEqualTo("Aé");
    }

    @Test
    @DisplayName("an unknown value 2 is ignored; the declared sets still decode")
    void unknownExtensionIsIgnored() {
        SpecificCharacterSet cs = SpecificCharacterSet.valueOf("", "ISO 2022 IR 999", "ISO 2022 IR 87");
        assertThat(cs.unknownTerms()).containsExactly("ISO 2022 IR 999");
        assertThat(cs.decode(bytes("1B 24 42 3B 33 45 44 1B 28 42"), VR.PN)).isEqualTo("山田");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ISO-IR 100", "iso_ir 100", "ISO IR 100", "ISO_IR  100"})
    @DisplayName("spelling variants of a Defined Term are read as that term, and reported")
    void spellingVariants(String variant) {
        SpecificCharacterSet cs = SpecificCharacterSet.valueOf(variant);
        assertThat(cs.isKnown()).isFalse();
        assertThat(cs.unknownTerms()).containsExactly(variant.strip());
        assertThat(cs.decode(bytes("4A E9"), VR.PN)).isEqualTo("Jé");
    }

    @Test
    @DisplayName("UTF-8 and UTF8 are read as ISO_IR 192, ISO_IR 6 as the default, GB2312 as GBK")
    void commonMisnomers() {
        assertThat(SpecificCharacterSet.valueOf("UTF-8").isUtf8()).isTrue();
        assertThat(SpecificCharacterSet.valueOf("utf8").decode(bytes("E7 8E 8B"), VR.PN)).isEqualTo("王");
        assertThat(SpecificCharacterSet.valueOf("ISO_IR 6").decode(bytes("41 42"), VR.PN)).isEqualTo("AB");
        assertThat(SpecificCharacterSet.valueOf("GB2312").decode(bytes("D5 C5"), VR.PN)).isEqualTo("张");
    }

    @Test
    @DisplayName("ISO_IR 13 as value 1 of an extended set is read as ISO 2022 IR 13")
    void singleByteTermInMultiValuedSet() {
        SpecificCharacterSet cs = SpecificCharacterSet.valueOf("ISO_IR 13", "ISO 2022 IR 87");
        assertThat(cs.unknownTerms()).containsExactly("ISO_IR 13");
        assertThat(cs.decode(bytes("D4 CF C0 DE 3D 1B 24 42 3B 33 1B 28 4A"), VR.PN)).isEqualTo("ﾔﾏﾀﾞ=山");
    }

    @Test
    @DisplayName("ISO 2022 IR 149 alone reads bare EUC-KR bytes and escaped ones alike")
    void koreanAsSingleValue() {
        SpecificCharacterSet cs = SpecificCharacterSet.valueOf("ISO 2022 IR 149");
        assertThat(cs.unknownTerms()).containsExactly("ISO 2022 IR 149");
        assertThat(cs.decode(bytes("C8 AB 5E B1 E6 B5 BF"), VR.PN)).isEqualTo("홍^길동");
        assertThat(cs.decode(bytes("1B 24 29 43 C8 AB 5E 1B 24 29 43 B1 E6 B5 BF"), VR.PN)).isEqualTo("홍^길동");
    }

    @Test
    @DisplayName("values after ISO_IR 192 are ignored: UTF-8 allows no code extension")
    void utf8WithExtraValues() {
        SpecificCharacterSet cs = SpecificCharacterSet.valueOf("ISO_IR 192", "ISO 2022 IR 87");
        assertThat(cs.isUtf8()).isTrue();
        assertThat(cs.unknownTerms()).containsExactly("ISO 2022 IR 87");
        assertThat(cs.decode(bytes("E5 B1 B1"), VR.PN)).isEqualTo("山");
    }

    @Test
    @DisplayName("VRs outside SH LO ST LT PN UC UT decode as the default repertoire even in UTF-8")
    void onlyTextVrsUseTheCharacterSet() {
        byte[] utf8 = "Jé".getBytes(StandardCharsets.UTF_8);
        assertThat(SpecificCharacterSet.UTF_8.decode(utf8, VR.CS)).isEqualTo("JÃ©");
        assertThat(SpecificCharacterSet.UTF_8.decode(utf8, VR.UC)).isEqualTo("Jé");
        assertThat(SpecificCharacterSet.UTF_8.encode("Jé", VR.AE)).isEqualTo(bytes("4A E9"));
        byte[] escape = bytes("1B 24 42 3B 33");
        assertThat(SpecificCharacterSet.valueOf("", "ISO 2022 IR 87").decode(escape, VR.UR)).isEqualTo("\u001B$B;3");
    }

    @Test
    @DisplayName("decode honours offset and length and rejects a range outside the array")
    void offsetAndLength() {
        byte[] buffer = bytes("FF 41 E9 42 FF");
        assertThat(SpecificCharacterSet.valueOf("ISO_IR 100").decode(buffer, 1, 3, VR.LO)).isEqualTo("AéB");
        assertThat(SpecificCharacterSet.UTF_8.decode(buffer, 1, 0, VR.LO)).isEmpty();
        assertThatThrownBy(() -> SpecificCharacterSet.UTF_8.decode(buffer, 3, 3, VR.LO))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    @DisplayName("the escape state resets at backslash, caret, equals and control characters")
    void stateResetsAtDelimiters() {
        // Value 1 puts ISO-IR 100 in G1; ESC $ ) C replaces it with KS X 1001, C8 AB being 홍.
        // After a delimiter G1 is ISO-IR 100 again (PS3.5 §6.1.2.5.3), so C8 AB reads "È«".
        SpecificCharacterSet cs = SpecificCharacterSet.valueOf("ISO 2022 IR 100", "ISO 2022 IR 149");
        assertThat(cs.decode(bytes("1B 24 29 43 C8 AB 5C C8 AB"), VR.LO)).isEqualTo("홍\\È«");
        assertThat(cs.decode(bytes("1B 24 29 43 C8 AB 5E C8 AB"), VR.PN)).isEqualTo("홍^È«");
        assertThat(cs.decode(bytes("1B 24 29 43 C8 AB 3D C8 AB"), VR.PN)).isEqualTo("홍=È«");
        assertThat(cs.decode(bytes("1B 24 29 43 C8 AB 0D 0A C8 AB"), VR.LT)).isEqualTo("홍\r\nÈ«");
        assertThat(cs.decode(bytes("1B 24 29 43 C8 AB 09 C8 AB"), VR.ST)).isEqualTo("홍\tÈ«");
        // Not delimiters: backslash in a single-valued LT, caret and equals outside a PN.
        assertThat(cs.decode(bytes("1B 24 29 43 C8 AB 5C C8 AB"), VR.LT)).isEqualTo("홍\\홍");
        assertThat(cs.decode(bytes("1B 24 29 43 C8 AB 5E C8 AB 3D C8 AB"), VR.LO)).isEqualTo("홍^홍=홍");
    }

    @Test
    @DisplayName("in double-byte G0, 05/12 05/14 03/13 are halves of characters, not delimiters")
    void delimiterBytesInsideDoubleByteCharacters() {
        SpecificCharacterSet cs = SpecificCharacterSet.valueOf("", "ISO 2022 IR 87");
        // やまだ: 24 64, 24 5E (ま, whose second byte is '^'), 24 40.
        assertThat(cs.decode(bytes("1B 24 42 24 64 24 5E 24 40 1B 28 42"), VR.PN)).isEqualTo("やまだ");
    }

    @Test
    @DisplayName("GBK and GB18030 trail bytes 05/12 and 05/14 are part of characters, not delimiters")
    void gbkTrailBytes() {
        SpecificCharacterSet gbk = SpecificCharacterSet.valueOf("GBK");
        // 乗 is 81 5C in GBK, 乛 is 81 5E.
        assertThat(gbk.decode(bytes("81 5C 5C 81 5E"), VR.PN)).isEqualTo("乗\\乛");
        assertThat(gbk.encode("乗\\乛", VR.PN)).isEqualTo(bytes("81 5C 5C 81 5E"));
        assertThat(SpecificCharacterSet.valueOf("GB18030").decode(bytes("81 5C"), VR.LO)).isEqualTo("乗");
    }

    @Test
    @DisplayName("ISO_IR 13: 05/12 separates values in a LO and is a YEN SIGN in an LT; 07/14 is OVERLINE")
    void jisX0201Romaji() {
        SpecificCharacterSet cs = SpecificCharacterSet.valueOf("ISO_IR 13");
        assertThat(cs.decode(bytes("41 5C B1"), VR.LO)).isEqualTo("A\\ｱ");
        assertThat(cs.decode(bytes("41 5C 7E B1"), VR.LT)).isEqualTo("A¥‾ｱ");
        assertThat(cs.encode("A¥‾ｱ", VR.LT)).isEqualTo(bytes("41 5C 7E B1"));
        assertThat(cs.encode("A\\ｱ", VR.LO)).isEqualTo(bytes("41 5C B1"));
        // A YEN SIGN cannot be written in a LO: its byte would end the value.
        assertThat(cs.encode("¥", VR.LO)).isEqualTo(bytes("3F"));
    }

    @Test
    @DisplayName("G1 96-sets are designated with ESC - F and switched within one value")
    void switchingG1Sets() {
        SpecificCharacterSet cs = SpecificCharacterSet.valueOf("ISO 2022 IR 100", "ISO 2022 IR 144");
        byte[] value = bytes("4A E9 20 1B 2D 4C BB EE DA 5E 4A E9");
        // After '^' G1 is ISO-IR 100 again: value 1's set.
        assertThat(cs.decode(value, VR.PN)).isEqualTo("Jé Люк^Jé");
        assertThat(cs.encode("Jé Люк^Jé", VR.PN)).isEqualTo(bytes("4A E9 20 1B 2D 4C BB EE DA 1B 2D 41 5E 4A E9"));
    }

    @Test
    @DisplayName("SPACE after a double-byte G0 set: read without an escape, written after ESC ( B")
    void spaceInDoubleByteState() {
        SpecificCharacterSet cs = SpecificCharacterSet.valueOf("", "ISO 2022 IR 87");
        // PS3.5 §H.2: DICOM, unlike ISO-2022-JP-2, needs no escape before SPACE.
        assertThat(cs.decode(bytes("1B 24 42 3B 33 20 45 44 1B 28 42"), VR.LO)).isEqualTo("山 田");
        assertThat(cs.encode("山 田", VR.LO)).isEqualTo(bytes("1B 24 42 3B 33 1B 28 42 20 1B 24 42 45 44 1B 28 42"));
    }

    @Test
    @DisplayName("characters outside the repertoire encode as '?'")
    void unencodableCharacters() {
        assertThat(SpecificCharacterSet.valueOf("ISO_IR 144").encode("Ж山", VR.LO)).isEqualTo(bytes("B6 3F"));
        SpecificCharacterSet jp = SpecificCharacterSet.valueOf("", "ISO 2022 IR 87");
        // From double-byte G0 the encoder returns to ISO-IR 6 to write the '?'.
        assertThat(jp.encode("山홍", VR.LO)).isEqualTo(bytes("1B 24 42 3B 33 1B 28 42 3F"));
        assertThat(jp.encode("😀", VR.LO)).isEqualTo(bytes("3F"));
        assertThat(SpecificCharacterSet.UTF_8.encode("😀", VR.LO)).isEqualTo(bytes("F0 9F 98 80"));
    }

    @Test
    @DisplayName("one instance decodes correctly from many threads at once")
    void threadSafe() throws Exception {
        SpecificCharacterSet cs = SpecificCharacterSet.valueOf("ISO 2022 IR 13", "ISO 2022 IR 87", "ISO 2022 IR 159");
        String text = "ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう";
        byte[] encoded = cs.encode(text, VR.PN);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new java.util.ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 2_000; i++) {
                        if (!cs.decode(encoded, VR.PN).equals(text)) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> f : results) {
                assertThat(f.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
