package org.dicommeta.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DataSetTest {

    @Test
    @DisplayName("elements stay in ascending unsigned tag order whatever the insertion order")
    void keepsTagOrder() {
        DataSet ds = new DataSet(2);
        ds.setString(0x7FE00010, VR.OB);
        ds.setString(Tag.PatientName, VR.PN, "Doe^John");
        ds.setString(0xFFFAFFFA, VR.SQ.isString() ? VR.LO : VR.UN);
        ds.setString(Tag.SOPInstanceUID, VR.UI, "1.2.3");
        ds.setString(0x00090010, VR.LO, "ACME");
        ds.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 100");
        int[] tags = ds.tags();
        assertThat(tags).containsExactly(Tag.SpecificCharacterSet, Tag.SOPInstanceUID, 0x00090010,
                Tag.PatientName, 0x7FE00010, 0xFFFAFFFA);
        int prev = -1;
        for (Element e : ds) {
            assertThat(prev == -1 || Integer.compareUnsigned(prev, e.tag()) < 0).isTrue();
            prev = e.tag();
        }
        assertThat(ds.size()).isEqualTo(6);
    }

    @Test
    @DisplayName("setting an existing tag replaces it; remove returns the removed element")
    void replaceAndRemove() {
        DataSet ds = new DataSet();
        ds.setString(Tag.PatientID, VR.LO, "A");
        ds.setString(Tag.PatientID, VR.LO, "B");
        assertThat(ds.size()).isEqualTo(1);
        assertThat(ds.getString(Tag.PatientID)).isEqualTo("B");
        assertThat(ds.remove(Tag.PatientID).text()).isEqualTo("B");
        assertThat(ds.remove(Tag.PatientID)).isNull();
        assertThat(ds.isEmpty()).isTrue();
        assertThat(ds.get(Tag.PatientID)).isNull();
        assertThat(ds.getString(Tag.PatientID, "none")).isEqualTo("none");
    }

    @Test
    @DisplayName("text values split at backslash with trailing padding removed, leading spaces kept")
    void textValues() {
        DataSet ds = new DataSet();
        ds.setString(Tag.ImageType, VR.CS, "ORIGINAL ", "PRIMARY", " AXIAL  ");
        assertThat(ds.getStrings(Tag.ImageType)).containsExactly("ORIGINAL", "PRIMARY", " AXIAL");
        assertThat(ds.getString(Tag.ImageType)).isEqualTo("ORIGINAL");
        assertThat(ds.get(Tag.ImageType).vm()).isEqualTo(3);
        ds.setString(Tag.ImageComments, VR.LT, "a\\b  ");
        assertThat(ds.getStrings(Tag.ImageComments)).containsExactly("a\\b");
        ds.setString(Tag.SOPInstanceUID, VR.UI, "1.2.3\0");
        assertThat(ds.getString(Tag.SOPInstanceUID)).isEqualTo("1.2.3");
    }

    @Test
    @DisplayName("integers: binary for US/SS/UL/SL/SV/UV/AT, text for IS; getInt reads both")
    void integers() {
        DataSet ds = new DataSet();
        ds.setInt(Tag.Rows, VR.US, 512);
        ds.setInt(Tag.SmallestImagePixelValue, VR.SS, -1024);
        ds.setInt(Tag.InstanceNumber, VR.IS, 7, -3);
        ds.setLong(0x00091001, VR.UV, -1L);
        ds.setInt(Tag.FrameIncrementPointer, VR.AT, Tag.FrameTime);
        assertThat(ds.get(Tag.Rows).bytes()).containsExactly(0x00, 0x02);
        assertThat(ds.getInt(Tag.Rows, -1)).isEqualTo(512);
        assertThat(ds.getInt(Tag.SmallestImagePixelValue, 0)).isEqualTo(-1024);
        assertThat(ds.getStrings(Tag.InstanceNumber)).containsExactly("7", "-3");
        assertThat(ds.getInt(Tag.InstanceNumber, 0)).isEqualTo(7);
        assertThat(ds.getString(0x00091001)).isEqualTo("18446744073709551615");
        assertThat(ds.getString(Tag.FrameIncrementPointer)).isEqualTo("00181063");
        assertThat(ds.get(Tag.FrameIncrementPointer).ints()).containsExactly(Tag.FrameTime);
        assertThat(ds.get(Tag.FrameIncrementPointer).bytes()).containsExactly(0x18, 0x00, 0x63, 0x10);
        assertThat(ds.getInt(Tag.Columns, 42)).isEqualTo(42);
    }

    @Test
    @DisplayName("setString parses numbers for binary numeric VRs and rejects garbage")
    void stringsToNumbers() {
        DataSet ds = new DataSet();
        ds.setString(Tag.Rows, VR.US, "256");
        ds.setString(Tag.FrameIncrementPointer, VR.AT, "00181063");
        ds.setString(0x00091002, VR.FD, "1.5", "-2.25");
        assertThat(ds.getInt(Tag.Rows, 0)).isEqualTo(256);
        assertThat(ds.get(Tag.FrameIncrementPointer).ints()).containsExactly(0x00181063);
        assertThat(ds.get(0x00091002).doubles()).containsExactly(1.5, -2.25);
        assertThatThrownBy(() -> ds.setString(Tag.Rows, VR.US, "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(0028,0010)");
        assertThatThrownBy(() -> ds.setString(Tag.PixelData, VR.OB, "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("doubles: FL/FD binary, DS text of at most 16 characters that reads back")
    void doubles() {
        DataSet ds = new DataSet();
        ds.setDouble(Tag.PixelSpacing, VR.DS, 0.48828125, 1.0 / 3);
        String[] s = ds.getStrings(Tag.PixelSpacing);
        assertThat(s[0]).isEqualTo("0.48828125");
        assertThat(s[1].length()).isLessThanOrEqualTo(16);
        assertThat(Double.parseDouble(s[1])).isCloseTo(1.0 / 3, org.assertj.core.data.Offset.offset(1e-13));
        ds.setDouble(Tag.SliceThickness, VR.DS, 5.0);
        assertThat(ds.getString(Tag.SliceThickness)).isEqualTo("5");
        ds.setDouble(Tag.RescaleSlope, VR.DS, 1.2345678901234567e-200);
        assertThat(ds.getString(Tag.RescaleSlope).length()).isLessThanOrEqualTo(16);
        ds.setDouble(0x00091003, VR.FL, 0.5f);
        assertThat(ds.get(0x00091003).doubles()).containsExactly(0.5);
        assertThat(ds.getDouble(Tag.PixelSpacing, 0)).isEqualTo(0.48828125);
        assertThatThrownBy(() -> ds.setDouble(Tag.SliceThickness, VR.DS, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("sequences hold data sets; equality is deep")
    void sequences() {
        DataSet a = new DataSet();
        List<DataSet> items = a.newSequence(Tag.ReferencedImageSequence);
        DataSet item = new DataSet();
        item.setString(Tag.ReferencedSOPInstanceUID, VR.UI, "1.2.3");
        items.add(item);
        DataSet b = new DataSet();
        DataSet item2 = new DataSet();
        item2.setString(Tag.ReferencedSOPInstanceUID, VR.UI, "1.2.3");
        b.newSequence(Tag.ReferencedImageSequence).add(item2);
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        item2.setString(Tag.ReferencedSOPClassUID, VR.UI, "1.2");
        assertThat(a).isNotEqualTo(b);
        assertThat(a.getSequence(Tag.ReferencedImageSequence)).hasSize(1);
        assertThat(a.get(Tag.ReferencedImageSequence).vm()).isEqualTo(1);
        assertThat(a.getSequence(Tag.PatientName)).isNull();
    }

    @Test
    @DisplayName("private elements go into the block their creator reserves")
    void privateBlocks() {
        DataSet ds = new DataSet();
        ds.setString(0x00290010, VR.LO, "OTHER");
        ds.setString("ACME 1.0", 0x00291001, VR.LO, "x");
        ds.setBytes("ACME 1.0", 0x00291002, VR.OB, new byte[] {1, 2});
        assertThat(ds.getString(0x00290011)).isEqualTo("ACME 1.0");
        assertThat(ds.getString(0x00291101)).isEqualTo("x");
        assertThat(ds.get(0x00291102).bytes()).containsExactly(1, 2);
        assertThat(ds.privateCreatorOf(0x00291101)).isEqualTo("ACME 1.0");
        assertThat(ds.privateCreatorOf(0x00291001)).isEqualTo("OTHER");
        assertThat(ds.privateCreatorOf(0x00290011)).isNull();
        assertThat(ds.privateCreatorOf(Tag.PatientName)).isNull();
        assertThat(ds.get("ACME 1.0", 0x00290001).text()).isEqualTo("x");
        assertThat(ds.get("NOBODY", 0x00290001)).isNull();
        assertThatThrownBy(() -> ds.setString("X", 0x00100010, VR.LO, "y"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("fragments keep the basic offset table first; bulk references keep VR and length")
    void fragmentsAndBulk() {
        DataSet ds = new DataSet();
        ds.setFragments(Tag.PixelData, VR.OB, List.of(new byte[0], new byte[] {1, 2, 3, 4}));
        Element px = ds.get(Tag.PixelData);
        assertThat(px.fragments().size()).isEqualTo(2);
        assertThat(px.fragments().basicOffsetTable()).isEmpty();
        assertThat(px.length()).isEqualTo(-1);
        assertThat(px.bytes()).isNull();
        ds.setBulkData(Tag.PixelData, VR.OW, BulkDataReference.of("f.dcm", 1000, 524288));
        px = ds.get(Tag.PixelData);
        assertThat(px.isBulkData()).isTrue();
        assertThat(px.length()).isEqualTo(524288);
        assertThat(px.bulkData().offset()).isEqualTo(1000);
        assertThat(px.isEmpty()).isFalse();
        assertThatThrownBy(() -> ds.setFragments(Tag.PixelData, VR.US, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("empty values: no values gives an empty element that is still present")
    void emptyValues() {
        DataSet ds = new DataSet();
        ds.setString(Tag.PatientName, VR.PN);
        ds.setInt(Tag.Rows, VR.US);
        assertThat(ds.contains(Tag.PatientName)).isTrue();
        assertThat(ds.get(Tag.PatientName).isEmpty()).isTrue();
        assertThat(ds.get(Tag.PatientName).vm()).isZero();
        assertThat(ds.getString(Tag.PatientName)).isNull();
        assertThat(ds.get(Tag.Rows).strings()).isEmpty();
        assertThat(ds.get(Tag.Rows).length()).isZero();
    }

    @Test
    @DisplayName("appending thousands of elements in order and looking them up stays correct")
    void manyElements() {
        DataSet ds = new DataSet();
        for (int i = 0; i < 5000; i++) {
            ds.setInt(0x00090000 | (i + 0x1000), VR.UL, i);
        }
        for (int i = 4999; i >= 0; i -= 7) {
            assertThat(ds.getInt(0x00090000 | (i + 0x1000), -1)).isEqualTo(i);
        }
        assertThat(ds.elementAt(4999).tag()).isEqualTo(0x00090000 | (4999 + 0x1000));
    }
}
