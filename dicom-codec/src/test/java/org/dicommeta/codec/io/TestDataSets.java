package org.dicommeta.codec.io;

import java.io.ByteArrayOutputStream;
import java.util.List;
import org.dicommeta.codec.DataSet;
import org.dicommeta.codec.Tag;
import org.dicommeta.codec.UID;
import org.dicommeta.codec.VR;

/** Generated test data: every VR, sequences, private data, encapsulated pixel data. */
final class TestDataSets {

    static final String SOP_INSTANCE_UID = "1.2.826.0.1.3680043.10.1234.1";

    private TestDataSets() {
    }

    /** A small CT-like data set with an element of each of the 34 VRs. */
    static DataSet everyVr() {
        DataSet ds = new DataSet();
        ds.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 192");
        ds.setString(Tag.ImageType, VR.CS, "ORIGINAL", "PRIMARY", "AXIAL");
        ds.setString(Tag.SOPClassUID, VR.UI, UID.CTImageStorage);
        ds.setString(Tag.SOPInstanceUID, VR.UI, SOP_INSTANCE_UID);
        ds.setString(Tag.StudyDate, VR.DA, "20240102");
        ds.setString(Tag.AcquisitionDateTime, VR.DT, "20240102123456.123456+0100");
        ds.setString(Tag.StudyTime, VR.TM, "123456.5");
        ds.setString(Tag.AccessionNumber, VR.SH, "A1");
        ds.setString(Tag.Modality, VR.CS, "CT");
        ds.setString(Tag.InstitutionName, VR.LO, "Hôpital Zürich");
        ds.setString(Tag.ReferringPhysicianName, VR.PN, "Müller^Hans=ミュラー^ハンス");
        ds.setString(Tag.StudyDescription, VR.LO, "Chest\\Abdomen");
        ds.setString(Tag.RetrieveURL, VR.UR, "https://example.org/studies/1?x=a\\b");
        ds.setString(Tag.StationAETitle, VR.AE, "CT01");
        ds.setString(Tag.PatientName, VR.PN, "Doe^Jane");
        ds.setString(Tag.PatientID, VR.LO, "P-1");
        ds.setString(Tag.PatientAge, VR.AS, "045Y");
        ds.setString(Tag.PatientComments, VR.LT, "line1\r\nline2 \\ with backslash");
        ds.setString(Tag.AdditionalPatientHistory, VR.LT);
        ds.setString(Tag.PatientSize, VR.DS, "1.75");
        ds.setDouble(Tag.PatientWeight, VR.DS, 70.5);
        ds.setString(Tag.StrainAdditionalInformation, VR.UT, "unlimited text ".repeat(10));
        ds.setString(Tag.StrainDescription, VR.UC, "uc value", "second");
        ds.setString(Tag.DerivationDescription, VR.ST, "short text");
        ds.setInt(Tag.SeriesNumber, VR.IS, 3);
        ds.setString(Tag.StudyInstanceUID, VR.UI, "1.2.826.0.1.3680043.10.1234");
        ds.setString(Tag.SeriesInstanceUID, VR.UI, "1.2.826.0.1.3680043.10.1234.0");
        ds.setInt(Tag.Rows, VR.US, 4);
        ds.setInt(Tag.Columns, VR.US, 4);
        ds.setInt(Tag.BitsAllocated, VR.US, 16);
        ds.setInt(Tag.PixelRepresentation, VR.US, 1);
        ds.setInt(Tag.SmallestImagePixelValue, VR.SS, -1024);
        ds.setDouble(Tag.PixelSpacing, VR.DS, 0.5, 0.5);
        ds.setInt(Tag.FrameIncrementPointer, VR.AT, Tag.FrameTime, Tag.SliceLocation);
        ds.setInt(Tag.SimpleFrameList, VR.UL, 1, 2, 4000000000L > 0 ? -294967296 : 0);
        ds.setInt(Tag.ReferencePixelX0, VR.SL, -5);
        ds.setLong(Tag.ExtendedOffsetTable, VR.OV, 0L, 4096L);
        ds.setLong(Tag.SelectorSVValue, VR.SV, Long.MIN_VALUE, 7L);
        ds.setLong(Tag.SelectorUVValue, VR.UV, -1L, 42L);
        ds.setDouble(Tag.RecommendedDisplayFrameRateInFloat, VR.FL, 25.5);
        ds.setDouble(Tag.DiffusionBValue, VR.FD, Math.PI, -0.0, 1e300);
        ds.setBytes(Tag.VectorGridData, VR.OF, floats(1.5f, -2f));
        ds.setBytes(Tag.DoubleFloatPixelData, VR.OD, doubles(3.25));
        ds.setBytes(Tag.LongPrimitivePointIndexList, VR.OL, new byte[] {1, 0, 0, 0, 2, 0, 0, 0});
        ds.setBytes(Tag.ICCProfile, VR.OB, new byte[] {1, 2, 3, 4});
        ds.setBytes(Tag.RedPaletteColorLookupTableData, VR.OW, new byte[] {1, 2, 3, 4});
        ds.setBytes(0x00191001, VR.UN, new byte[] {9, 8, 7, 6});
        ds.setString("ACME 1.0", 0x00290001, VR.LO, "private text");
        ds.setBytes("ACME 1.0", 0x00290002, VR.OB, new byte[] {5, 6});
        List<DataSet> seq = ds.newSequence(Tag.ReferencedImageSequence);
        for (int i = 0; i < 2; i++) {
            DataSet item = new DataSet();
            item.setString(Tag.ReferencedSOPClassUID, VR.UI, UID.CTImageStorage);
            item.setString(Tag.ReferencedSOPInstanceUID, VR.UI, "1.2.3." + i);
            List<DataSet> inner = item.newSequence(Tag.PurposeOfReferenceCodeSequence);
            DataSet code = new DataSet();
            code.setString(Tag.CodeValue, VR.SH, "121311");
            code.setString(Tag.CodeMeaning, VR.LO, "Localizer ✓");
            inner.add(code);
            seq.add(item);
        }
        ds.newSequence(Tag.ReferencedStudySequence);
        List<DataSet> withEmptyItem = ds.newSequence(Tag.ReferencedPatientSequence);
        withEmptyItem.add(new DataSet());
        ds.setBytes(Tag.PixelData, VR.OW, new byte[32]);
        return ds;
    }

    /** A data set whose pixel data is encapsulated (basic offset table plus two fragments, one odd). */
    static DataSet encapsulated() {
        DataSet ds = new DataSet();
        ds.setString(Tag.SOPClassUID, VR.UI, UID.CTImageStorage);
        ds.setString(Tag.SOPInstanceUID, VR.UI, SOP_INSTANCE_UID);
        ds.setInt(Tag.Rows, VR.US, 2);
        ds.setFragments(Tag.PixelData, VR.OB, List.of(new byte[] {0, 0, 0, 0}, new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2},
                new byte[] {3, 4, 5, 6, (byte) 0xFF, (byte) 0xD9}));
        return ds;
    }

    /** A data set with sequences nested {@code depth} levels deep. */
    static DataSet nested(int depth) {
        DataSet ds = new DataSet();
        ds.setString(Tag.SOPClassUID, VR.UI, UID.CTImageStorage);
        ds.setString(Tag.SOPInstanceUID, VR.UI, SOP_INSTANCE_UID);
        DataSet current = ds;
        for (int i = 0; i < depth; i++) {
            DataSet item = new DataSet();
            item.setInt(Tag.ReferencedFrameNumber, VR.IS, i);
            current.newSequence(Tag.ContentSequence).add(item);
            current = item;
        }
        return ds;
    }

    static byte[] toBytes(DataSet ds, String ts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Part10Writer.write(out, ds, ts);
        return out.toByteArray();
    }

    static byte[] rawBytes(DataSet ds, String ts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Part10Writer.writeDataSet(out, ds, ts);
        return out.toByteArray();
    }

    private static byte[] floats(float... v) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(4 * v.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (float f : v) {
            b.putFloat(f);
        }
        return b.array();
    }

    private static byte[] doubles(double... v) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(8 * v.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (double d : v) {
            b.putDouble(d);
        }
        return b.array();
    }
}
