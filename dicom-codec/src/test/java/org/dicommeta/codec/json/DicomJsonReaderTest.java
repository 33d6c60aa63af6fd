package org.dicommeta.codec.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.dicommeta.codec.DataSet;
import org.dicommeta.codec.DicomCodecException;
import org.dicommeta.codec.Element;
import org.dicommeta.codec.Tag;
import org.dicommeta.codec.VR;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DicomJsonReaderTest {

    private static DataSet read(String json) {
        return DicomJsonReader.read(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("every VR round-trips: data set -> JSON -> data set -> identical JSON, pretty and minified")
    void roundTrip() {
        for (JsonWriteOptions o : new JsonWriteOptions[] {JsonWriteOptions.defaults(),
            JsonWriteOptions.builder().minify(true).writeKeyword(true).build()}) {
            DataSet ds = TestDataSets.everyVr();
            byte[] first = DicomJsonWriter.toBytes(ds, o);
            DataSet back = DicomJsonReader.read(first);
            assertThat(DicomJsonWriter.toBytes(back, o)).isEqualTo(first);
            assertThat(back.get(Tag.SliceThickness).text()).isEqualTo("2.50");
            assertThat(back.get(Tag.PatientName).text()).isEqualTo("Doe^John^^Dr.^Jr.");
            assertThat(back.get(Tag.FrameIncrementPointer).ints()).containsExactly(Tag.FrameTime);
            assertThat(back.get(Tag.PixelData).bytes()).isEqualTo(ds.get(Tag.PixelData).bytes());
            assertThat(back.getSequence(Tag.ReferencedImageSequence)).hasSize(1);
        }
    }

    @Test
    @DisplayName("nulls, person name groups, numbers as text and strings for DS/IS are read back")
    void valuesAreRead() {
        DataSet ds = read("{\"00080008\":{\"vr\":\"CS\",\"Value\":[\"A\",null,\"C\"]},"
                + "\"00100010\":{\"vr\":\"PN\",\"Value\":[{\"Ideographic\":\"山田\"},null,{\"Alphabetic\":\"B\",\"Phonetic\":\"b\"}]},"
                + "\"00280030\":{\"vr\":\"DS\",\"Value\":[1.50,\"abc\",null]},"
                + "\"00200013\":{\"vr\":\"IS\",\"Value\":[1.0E1]},"
                + "\"00280010\":{\"vr\":\"US\",\"Value\":[65535]},"
                + "\"00189087\":{\"vr\":\"FD\",\"Value\":[\"NaN\",2.5]},"
                + "\"00720083\":{\"vr\":\"UV\",\"Value\":[\"18446744073709551615\"]},"
                + "\"00080000\":{\"vr\":\"UL\",\"Value\":[4]},"
                + "\"00081140\":{\"vr\":\"SQ\",\"Value\":[{},null]},"
                + "\"00101002\":{\"vr\":\"SQ\"},"
                + "\"7FE00010\":{\"vr\":\"OB\",\"BulkDataURI\":\"http://x/1\"}}");
        assertThat(ds.get(Tag.ImageType).text()).isEqualTo("A\\\\C");
        assertThat(ds.get(Tag.PatientName).text()).isEqualTo("=山田\\\\B==b");
        assertThat(ds.get(Tag.PixelSpacing).text()).isEqualTo("1.50\\abc\\");
        assertThat(ds.get(Tag.InstanceNumber).text()).isEqualTo("10");
        assertThat(ds.get(Tag.Rows).ints()).containsExactly(65535);
        assertThat(ds.get(Tag.DiffusionBValue).doubles()).containsExactly(Double.NaN, 2.5);
        assertThat(ds.get(Tag.SelectorUVValue).longs()).containsExactly(-1L);
        assertThat(ds.contains(0x00080000)).as("group length ignored").isFalse();
        assertThat(ds.getSequence(Tag.ReferencedImageSequence)).hasSize(2);
        assertThat(ds.get(Tag.OtherPatientIDsSequence).items()).isEmpty();
        Element pixel = ds.get(Tag.PixelData);
        assertThat(pixel.isBulkData()).isTrue();
        assertThat(pixel.bulkData().source()).isEqualTo("http://x/1");
    }

    @Test
    @DisplayName("malformed input gives DicomCodecException naming the attribute")
    void errors() {
        assertThatThrownBy(() -> read("not json")).isInstanceOf(DicomCodecException.class);
        assertThatThrownBy(() -> read("[]")).isInstanceOf(DicomCodecException.class);
        assertThatThrownBy(() -> read("{\"0010001\":{\"vr\":\"LO\"}}")).isInstanceOf(DicomCodecException.class)
                .hasMessageContaining("0010001");
        assertThatThrownBy(() -> read("{\"00100010\":{\"vr\":\"XX\"}}")).isInstanceOf(DicomCodecException.class)
                .hasMessageContaining("unknown VR");
        assertThatThrownBy(() -> read("{\"00100010\":{\"Value\":[\"x\"]}}")).hasMessageContaining("no \"vr\"");
        assertThatThrownBy(() -> read("{\"00280010\":{\"vr\":\"US\",\"Value\":[70000]}}"))
                .isInstanceOf(DicomCodecException.class).hasMessageContaining("out of range");
        assertThatThrownBy(() -> read("{\"00280010\":{\"vr\":\"US\",\"Value\":[1.5]}}"))
                .isInstanceOf(DicomCodecException.class).hasMessageContaining("00280010");
        assertThatThrownBy(() -> read("{\"00280009\":{\"vr\":\"AT\",\"Value\":[\"0018\"]}}"))
                .isInstanceOf(DicomCodecException.class).hasMessageContaining("8 hex digits");
        assertThatThrownBy(() -> read("{\"7FE00010\":{\"vr\":\"OB\",\"InlineBinary\":\"***\"}}"))
                .isInstanceOf(DicomCodecException.class).hasMessageContaining("base64");
        assertThatThrownBy(() -> read("{\"7FE00010\":{\"vr\":\"OB\",\"Value\":[1]}}"))
                .isInstanceOf(DicomCodecException.class).hasMessageContaining("InlineBinary or BulkDataURI");
        assertThatThrownBy(() -> read("{\"00081140\":{\"vr\":\"SQ\",\"Value\":[1]}}"))
                .isInstanceOf(DicomCodecException.class).hasMessageContaining("00081140/0");
    }

    @Test
    @DisplayName("sequences nested deeper than the limit are refused, not a stack overflow")
    void deepNesting() {
        StringBuilder sb = new StringBuilder();
        int levels = DicomJsonReader.MAX_DEPTH + 5;
        for (int i = 0; i < levels; i++) {
            sb.append("{\"00081140\":{\"vr\":\"SQ\",\"Value\":[");
        }
        sb.append("{}");
        for (int i = 0; i < levels; i++) {
            sb.append("]}}");
        }
        assertThatThrownBy(() -> read(sb.toString())).isInstanceOf(DicomCodecException.class)
                .hasMessageContaining("deeper");
    }

    @Test
    @DisplayName("VR of text values from numbers keeps the JSON text")
    void numbersForTextVrs() {
        DataSet ds = read("{\"00100020\":{\"vr\":\"LO\",\"Value\":[12]}}");
        assertThat(ds.get(Tag.PatientID).vr()).isEqualTo(VR.LO);
        assertThat(ds.getString(Tag.PatientID)).isEqualTo("12");
    }
}
