package org.dicommeta.benchmarks.codec;

import java.util.List;

import org.dicommeta.codec.DataSet;
import org.dicommeta.codec.Tag;
import org.dicommeta.codec.UID;
import org.dicommeta.codec.VR;

/**
 * A realistic CT image data set for the codec benchmarks: the attributes a current multi-slice
 * scanner writes (patient, study, series, equipment, acquisition, reconstruction, image plane and
 * pixel modules, dose and code sequences, a vendor private block) and 512 x 512 16-bit pixels, so
 * the header is about 200 attributes and 4 KB while the file is about 0.5 MB.
 */
public final class CtHeaders {

    private CtHeaders() {
    }

    /** The data set of slice {@code n} (UIDs and position vary with it). */
    public static DataSet ctSlice(int n) {
        DataSet ds = new DataSet(220);
        String root = "1.2.826.0.1.3680043.8.498.";
        ds.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 100");
        ds.setString(Tag.ImageType, VR.CS, "ORIGINAL", "PRIMARY", "AXIAL", "CT_SOM5 SPI");
        ds.setString(Tag.InstanceCreationDate, VR.DA, "20240119");
        ds.setString(Tag.InstanceCreationTime, VR.TM, "072731.123000");
        ds.setString(Tag.SOPClassUID, VR.UI, UID.CTImageStorage);
        ds.setString(Tag.SOPInstanceUID, VR.UI, root + "3.1." + n);
        ds.setString(Tag.StudyDate, VR.DA, "20240119");
        ds.setString(Tag.SeriesDate, VR.DA, "20240119");
        ds.setString(Tag.AcquisitionDate, VR.DA, "20240119");
        ds.setString(Tag.ContentDate, VR.DA, "20240119");
        ds.setString(Tag.StudyTime, VR.TM, "071502.000000");
        ds.setString(Tag.SeriesTime, VR.TM, "072655.880000");
        ds.setString(Tag.AcquisitionTime, VR.TM, "072701.345000");
        ds.setString(Tag.ContentTime, VR.TM, "072701.345000");
        ds.setString(Tag.AccessionNumber, VR.SH, "A20240119-0042");
        ds.setString(Tag.Modality, VR.CS, "CT");
        ds.setString(Tag.Manufacturer, VR.LO, "ACME Medical");
        ds.setString(Tag.InstitutionName, VR.LO, "General Hospital");
        ds.setString(Tag.InstitutionAddress, VR.ST, "1 Main Street, Springfield");
        ds.setString(Tag.ReferringPhysicianName, VR.PN, "Smith^Anna^^Dr.");
        ds.setString(Tag.StationName, VR.SH, "CTAWP01");
        ds.setString(Tag.StudyDescription, VR.LO, "CT THORAX ABDOMEN PELVIS WITH CONTRAST");
        ds.setString(Tag.SeriesDescription, VR.LO, "Body 1.0 Br40 3");
        ds.setString(Tag.InstitutionalDepartmentName, VR.LO, "Radiology");
        ds.setString(Tag.PerformingPhysicianName, VR.PN, "Jones^Bob");
        ds.setString(Tag.OperatorsName, VR.PN, "Tech^One");
        ds.setString(Tag.ManufacturerModelName, VR.LO, "Scanner 128");
        code(ds.newSequence(Tag.ProcedureCodeSequence), "CTTAP", "99LOCAL", "CT Thorax Abdomen Pelvis");
        List<DataSet> ref = ds.newSequence(Tag.ReferencedImageSequence);
        for (int i = 0; i < 3; i++) {
            DataSet item = new DataSet();
            item.setString(Tag.ReferencedSOPClassUID, VR.UI, UID.CTImageStorage);
            item.setString(Tag.ReferencedSOPInstanceUID, VR.UI, root + "2.1." + i);
            ref.add(item);
        }
        ds.setString(Tag.DerivationDescription, VR.ST, "");
        ds.setString(Tag.PatientName, VR.PN, "Doe^Jane^Q");
        ds.setString(Tag.PatientID, VR.LO, "PID-0042");
        ds.setString(Tag.IssuerOfPatientID, VR.LO, "HOSP");
        ds.setString(Tag.PatientBirthDate, VR.DA, "19700101");
        ds.setString(Tag.PatientSex, VR.CS, "F");
        ds.setString(Tag.PatientAge, VR.AS, "054Y");
        ds.setString(Tag.PatientSize, VR.DS, "1.68");
        ds.setString(Tag.PatientWeight, VR.DS, "64.5");
        ds.setString(Tag.ContrastBolusAgent, VR.LO, "Iomeprol 400");
        ds.setString(Tag.BodyPartExamined, VR.CS, "CHEST");
        ds.setString(Tag.ScanOptions, VR.CS, "HELICAL_CT");
        ds.setString(Tag.SliceThickness, VR.DS, "1.0");
        ds.setString(Tag.KVP, VR.DS, "120");
        ds.setString(Tag.DataCollectionDiameter, VR.DS, "500");
        ds.setString(Tag.DeviceSerialNumber, VR.LO, "76543");
        ds.setString(Tag.SoftwareVersions, VR.LO, "VB20A", "SOM5");
        ds.setString(Tag.ProtocolName, VR.LO, "TAP_CONTRAST");
        ds.setString(Tag.ReconstructionDiameter, VR.DS, "380");
        ds.setString(Tag.DistanceSourceToDetector, VR.DS, "1085.6");
        ds.setString(Tag.DistanceSourceToPatient, VR.DS, "595");
        ds.setString(Tag.GantryDetectorTilt, VR.DS, "0.0");
        ds.setString(Tag.TableHeight, VR.DS, "160");
        ds.setString(Tag.RotationDirection, VR.CS, "CW");
        ds.setString(Tag.ExposureTime, VR.IS, "500");
        ds.setString(Tag.XRayTubeCurrent, VR.IS, "231");
        ds.setString(Tag.Exposure, VR.IS, "139");
        ds.setString(Tag.FilterType, VR.SH, "FLAT");
        ds.setString(Tag.GeneratorPower, VR.IS, "28");
        ds.setString(Tag.FocalSpots, VR.DS, "1.2");
        ds.setString(Tag.ConvolutionKernel, VR.SH, "Br40d", "3");
        ds.setString(Tag.PatientPosition, VR.CS, "FFS");
        ds.setDouble(Tag.RevolutionTime, VR.FD, 0.5);
        ds.setDouble(Tag.SingleCollimationWidth, VR.FD, 0.6);
        ds.setDouble(Tag.TotalCollimationWidth, VR.FD, 38.4);
        ds.setDouble(Tag.TableSpeed, VR.FD, 46.0);
        ds.setDouble(Tag.TableFeedPerRotation, VR.FD, 23.0);
        ds.setDouble(Tag.SpiralPitchFactor, VR.FD, 0.6);
        ds.setDouble(Tag.CTDIvol, VR.FD, 9.87);
        ds.setString(Tag.StudyInstanceUID, VR.UI, root + "1");
        ds.setString(Tag.SeriesInstanceUID, VR.UI, root + "2");
        ds.setString(Tag.StudyID, VR.SH, "42");
        ds.setString(Tag.SeriesNumber, VR.IS, "3");
        ds.setString(Tag.AcquisitionNumber, VR.IS, "2");
        ds.setString(Tag.InstanceNumber, VR.IS, Integer.toString(n + 1));
        ds.setString(Tag.ImagePositionPatient, VR.DS, "-189.6298828125", "-352.6298828125", Double.toString(-120.5 - n));
        ds.setString(Tag.ImageOrientationPatient, VR.DS, "1", "0", "0", "0", "1", "0");
        ds.setString(Tag.FrameOfReferenceUID, VR.UI, root + "4");
        ds.setString(Tag.PositionReferenceIndicator, VR.LO, "");
        ds.setString(Tag.SliceLocation, VR.DS, Double.toString(-120.5 - n));
        ds.setString(Tag.ImageComments, VR.LT, "");
        ds.setInt(Tag.SamplesPerPixel, VR.US, 1);
        ds.setString(Tag.PhotometricInterpretation, VR.CS, "MONOCHROME2");
        ds.setInt(Tag.Rows, VR.US, 512);
        ds.setInt(Tag.Columns, VR.US, 512);
        ds.setString(Tag.PixelSpacing, VR.DS, "0.7421875", "0.7421875");
        ds.setInt(Tag.BitsAllocated, VR.US, 16);
        ds.setInt(Tag.BitsStored, VR.US, 12);
        ds.setInt(Tag.HighBit, VR.US, 11);
        ds.setInt(Tag.PixelRepresentation, VR.US, 0);
        ds.setString(Tag.WindowCenter, VR.DS, "40", "400");
        ds.setString(Tag.WindowWidth, VR.DS, "400", "1500");
        ds.setString(Tag.RescaleIntercept, VR.DS, "-1024");
        ds.setString(Tag.RescaleSlope, VR.DS, "1");
        ds.setString(Tag.RescaleType, VR.LO, "HU");
        ds.setString(Tag.WindowCenterWidthExplanation, VR.LO, "WINDOW1", "WINDOW2");
        ds.setString(Tag.LossyImageCompression, VR.CS, "00");
        ds.setString(Tag.RequestedProcedureDescription, VR.LO, "CT TAP");
        List<DataSet> attrs = ds.newSequence(Tag.RequestAttributesSequence);
        DataSet request = new DataSet();
        request.setString(Tag.RequestedProcedureID, VR.SH, "RP42");
        request.setString(Tag.ScheduledProcedureStepID, VR.SH, "SPS42");
        code(request.newSequence(Tag.ScheduledProtocolCodeSequence), "P5-0900", "SRT", "CT Chest Abdomen Pelvis");
        attrs.add(request);
        ds.setString(Tag.PerformedProcedureStepStartDate, VR.DA, "20240119");
        ds.setString(Tag.PerformedProcedureStepStartTime, VR.TM, "071502");
        ds.setString(Tag.PerformedProcedureStepID, VR.SH, "PPS42");
        ds.setString(Tag.PerformedProcedureStepDescription, VR.LO, "CT TAP");
        ds.setString("ACME CT 1.0", 0x00190010, VR.LO, "0.6 x 64");
        ds.setString("ACME CT 1.0", 0x00190011, VR.DS, "1.0");
        ds.setString("ACME CT 1.0", 0x00190012, VR.SH, "B40");
        ds.setBytes("ACME CT 1.0", 0x00190013, VR.OB, new byte[2048]);
        ds.setString("ACME CT 1.0", 0x00190014, VR.LO, "Eff. mAs 139");
        ds.setBytes(Tag.PixelData, VR.OW, new byte[512 * 512 * 2]);
        return ds;
    }

    private static void code(List<DataSet> seq, String value, String scheme, String meaning) {
        DataSet c = new DataSet();
        c.setString(Tag.CodeValue, VR.SH, value);
        c.setString(Tag.CodingSchemeDesignator, VR.SH, scheme);
        c.setString(Tag.CodeMeaning, VR.LO, meaning);
        seq.add(c);
    }
}
