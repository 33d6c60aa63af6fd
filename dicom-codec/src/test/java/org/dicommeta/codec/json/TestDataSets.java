package org.dicommeta.codec.json;

import java.util.List;

import org.dicommeta.codec.BulkDataReference;
import org.dicommeta.codec.DataSet;
import org.dicommeta.codec.Element;
import org.dicommeta.codec.Tag;
import org.dicommeta.codec.VR;

/** Data sets built in memory for the JSON and XML tests: one attribute of every VR, and variants. */
public final class TestDataSets {

    private TestDataSets() {
    }

    /** Little-endian bytes of the given 16-bit values. */
    public static byte[] le16(int... v) {
        byte[] b = new byte[v.length * 2];
        for (int i = 0; i < v.length; i++) {
            b[2 * i] = (byte) v[i];
            b[2 * i + 1] = (byte) (v[i] >> 8);
        }
        return b;
    }

    /** Little-endian bytes of the given 64-bit values. */
    public static byte[] le64(long... v) {
        byte[] b = new byte[v.length * 8];
        for (int i = 0; i < v.length; i++) {
            for (int k = 0; k < 8; k++) {
                b[8 * i + k] = (byte) (v[i] >>> (8 * k));
            }
        }
        return b;
    }

    /** One attribute of each of the 34 VRs, with private data and a nested sequence. */
    public static DataSet everyVr() {
        DataSet ds = new DataSet();
        ds.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 192");
        ds.setString(Tag.ImageType, VR.CS, "ORIGINAL", "PRIMARY", "AXIAL");
        ds.setString(Tag.InstanceCreationDate, VR.DA, "20240119");
        ds.setString(Tag.InstanceCreationTime, VR.TM, "072731.5");
        ds.setString(Tag.SOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.2");
        ds.setString(Tag.SOPInstanceUID, VR.UI, "1.2.3.4.5");
        ds.setString(Tag.AcquisitionDateTime, VR.DT, "20240119072731.123456+0100");
        ds.setString(Tag.RetrieveAETitle, VR.AE, "ARCHIVE");
        ds.setString(Tag.InstitutionName, VR.LO, "General Hospital");
        ds.setString(Tag.StationName, VR.SH, "CT01");
        ds.setString(Tag.PatientName, VR.PN, "Doe^John^^Dr.^Jr.");
        ds.setString(Tag.PatientAge, VR.AS, "042Y");
        ds.setString(Tag.AdditionalPatientHistory, VR.LT, "line one\\with backslash\nline two");
        ds.setString(Tag.StudyInstanceUID, VR.UI, "1.2.3");
        ds.setString(Tag.SeriesInstanceUID, VR.UI, "1.2.3.4");
        ds.setString(Tag.SliceThickness, VR.DS, "2.50");
        ds.setString(Tag.InstanceNumber, VR.IS, "7");
        ds.setString(Tag.ImageComments, VR.LT, "comment");
        ds.setString(Tag.DerivationDescription, VR.ST, "short text");
        ds.setString(Tag.StrainDescription, VR.UC, "unlimited characters");
        ds.setString(Tag.RetrieveURL, VR.UR, "https://example.org/wado?a=1&b=2");
        ds.setString(Tag.TextValue, VR.UT, "unlimited text");
        ds.setInt(Tag.Rows, VR.US, 512);
        ds.setInt(Tag.PixelPaddingValue, VR.SS, -2000);
        ds.setInt(Tag.SimpleFrameList, VR.UL, 1, 2, 3);
        ds.setInt(Tag.ReferencePixelX0, VR.SL, -5);
        ds.setDouble(Tag.RecommendedDisplayFrameRateInFloat, VR.FL, 0.5);
        ds.setDouble(Tag.DiffusionBValue, VR.FD, 1000.25);
        ds.setBytes(Tag.SelectorSVValue, VR.SV, le64(-42L));
        ds.setBytes(Tag.SelectorUVValue, VR.UV, le64(42L));
        ds.setInt(Tag.FrameIncrementPointer, VR.AT, Tag.FrameTime);
        ds.setBytes(0x00091001, VR.OB, new byte[] {1, 2, 3});
        ds.setBytes(Tag.RedPaletteColorLookupTableData, VR.OW, le16(1, 2));
        ds.setBytes(Tag.FloatPixelData, VR.OF, new byte[] {0, 0, (byte) 0x80, 0x3F});
        ds.setBytes(Tag.DoubleFloatPixelData, VR.OD, le64(Double.doubleToLongBits(1.0)));
        ds.setBytes(Tag.LongEdgePointIndexList, VR.OL, new byte[] {1, 0, 0, 0});
        ds.setBytes(Tag.ExtendedOffsetTable, VR.OV, le64(0L));
        ds.setBytes(0x00091002, VR.UN, new byte[] {'a', 'b'});
        ds.setString(0x00090010, VR.LO, "ACME 1.1");
        List<DataSet> seq = ds.newSequence(Tag.ReferencedImageSequence);
        DataSet item = new DataSet();
        item.setString(Tag.ReferencedSOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.2");
        item.setString(Tag.ReferencedSOPInstanceUID, VR.UI, "1.2.3.4.6");
        seq.add(item);
        ds.setBytes(Tag.PixelData, VR.OW, le16(0, 1, 2, 3));
        return ds;
    }

    /** As a header-only read leaves it: Pixel Data skipped, a bulk reference instead of the bytes. */
    public static DataSet headerOnly() {
        DataSet ds = everyVr();
        ds.set(new Element(Tag.PixelData, VR.OW, BulkDataReference.of("ct.dcm", 1234, 524288)));
        return ds;
    }
}
