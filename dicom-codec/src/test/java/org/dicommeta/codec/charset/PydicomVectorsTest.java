package org.dicommeta.codec.charset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.dicommeta.codec.VR;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The text elements of pydicom's character-set test files (charset/pydicom-vectors.tsv, made by
 * charset/make-pydicom-vectors.py from Debian's python3-pydicom) decode to what pydicom decodes.
 *
 * <p>Normalisation, both sides: values are split at backslash in multi-valued VRs and trailing
 * spaces removed from each (pydicom strips padding); in a PN, trailing '=' are removed (pydicom
 * drops empty trailing component groups, e.g. "Wang^XiaoDong=王^小東=" becomes "...=王^小東").
 */
class PydicomVectorsTest {

    record Vector(String file, String path, VR vr, String[] charset, byte[] value, String expected) {
        @Override
        public String toString() {
            return file + " " + path + " " + vr;
        }
    }

    static Stream<Vector> vectors() {
        List<Vector> out = new ArrayList<>();
        InputStream in = PydicomVectorsTest.class.getResourceAsStream("/charset/pydicom-vectors.tsv");
        assertThat(in).as("charset/pydicom-vectors.tsv on the test class path").isNotNull();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                out.add(new Vector(f[0], f[1], VR.of(f[2]), f[3].split("\\\\", -1), hex(f[4]), unJson(f[5])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.stream();
    }

    @Test
    @DisplayName("the vectors cover every file of pydicom's charset_files")
    void coverage() {
        assertThat(vectors().map(Vector::file).distinct()).contains(
                "chrArab.dcm", "chrFren.dcm", "chrFrenMulti.dcm", "chrGerm.dcm", "chrGreek.dcm", "chrH31.dcm",
                "chrH32.dcm", "chrHbrw.dcm", "chrI2.dcm", "chrJapMulti.dcm", "chrJapMultiExplicitIR6.dcm",
                "chrKoreanMulti.dcm", "chrRuss.dcm", "chrSQEncoding.dcm", "chrSQEncoding1.dcm", "chrX1.dcm",
                "chrX2.dcm");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    @DisplayName("decodes as pydicom does")
    void decodesAsPydicom(Vector v) {
        SpecificCharacterSet cs = SpecificCharacterSet.valueOf(v.charset());
        assertThat(cs.isKnown()).isTrue();
        String decoded = cs.decode(v.value(), 0, v.value().length, v.vr());
        assertThat(normalise(decoded, v.vr())).isEqualTo(normalise(v.expected(), v.vr()));
    }

    private static List<String> normalise(String text, VR vr) {
        List<String> values = new ArrayList<>();
        for (String value : vr.isMultiValued() ? text.split("\\\\", -1) : new String[] {text}) {
            String v = value.stripTrailing();
            if (vr == VR.PN) {
                int end = v.length();
                while (end > 0 && v.charAt(end - 1) == '=') {
                    end--;
                }
                v = v.substring(0, end);
            }
            values.add(v);
        }
        return values;
    }

    private static byte[] hex(String s) {
        byte[] out = new byte[s.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }

    /** Reads the JSON string literal Python's json.dumps(..., ensure_ascii=True) wrote. */
    private static String unJson(String literal) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i < literal.length() - 1; i++) {
            char c = literal.charAt(i);
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            char e = literal.charAt(++i);
            switch (e) {
                case 'u':
                    sb.append((char) Integer.parseInt(literal.substring(i + 1, i + 5), 16));
                    i += 4;
                    break;
                case 'n':
                    sb.append('\n');
                    break;
                case 'r':
                    sb.append('\r');
                    break;
                case 't':
                    sb.append('\t');
                    break;
                case 'f':
                    sb.append('\f');
                    break;
                case 'b':
                    sb.append('\b');
                    break;
                default:
                    sb.append(e);
            }
        }
        return sb.toString();
    }
}
