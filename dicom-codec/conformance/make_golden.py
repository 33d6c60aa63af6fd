#!/usr/bin/python3
"""Regenerates the golden files of dicom-codec's tests (src/test/resources/golden/).

Run from the repository root with Debian's Python (python3-pydicom) and DCMTK installed:

    /usr/bin/python3 dicom-codec/conformance/make_golden.py

1. Writes the generated test files with pydicom (generated/*.dcm): one data set with every VR,
   empty values, multi-valued values with empty ones, person names with three groups, private
   creators and elements, nested and empty sequences, in four encodings (explicit and implicit VR
   little endian, explicit VR big endian, deflated explicit VR little endian).
2. Copies a few real files from pydicom's test data (pydicom/*.dcm; MIT licence, see
   pydicom/LICENSE-pydicom.txt).
3. For every .dcm writes the reference outputs beside it: NAME.dcmtk.json (dcm2json),
   NAME.pydicom.json (pydicom to_json_dict) and NAME.dcmtk.xml (dcm2xml -nat +Eb +U8).
   A reference a tool cannot produce is left out (GoldenFilesTest skips it and says so).

The tests compare the codec's output with these files semantically, with the normalisations of
conformance/README.md (GoldenComparison.java implements them).
"""
import json
import os
import shutil
import subprocess
import sys

import pydicom
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.sequence import Sequence
from pydicom import uid

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
GOLDEN = os.path.join(REPO, "dicom-codec", "src", "test", "resources", "golden")
PYDICOM_FILES = ["CT_small.dcm", "MR_small.dcm", "MR_small_bigendian.dcm", "rtplan.dcm", "rtstruct.dcm",
                 "nested_priv_SQ.dcm", "JPEG2000.dcm", "reportsi.dcm"]


def every_vr():
    ds = Dataset()
    ds.SpecificCharacterSet = "ISO_IR 192"
    ds.ImageType = ["ORIGINAL", "", "AXIAL"]
    ds.InstanceCreationDate = "20240119"
    ds.InstanceCreationTime = "072731.5"
    ds.SOPClassUID = "1.2.840.10008.5.1.4.1.1.2"
    ds.SOPInstanceUID = "1.2.826.0.1.3680043.8.498.1"
    ds.AcquisitionDateTime = "20240119072731.123456+0100"
    ds.RetrieveAETitle = "ARCHIVE"
    ds.InstitutionName = "Allgemeines Krankenhaus Ärzte"
    ds.StationName = "CT01"
    ds.ReferringPhysicianName = ""
    ds.PatientName = "Yamada^Tarou=山田^太郎=やまだ^たろう"
    # pydicom 2.3 cannot write JSON for an empty name among several (IndexError); the unit tests cover it
    ds.OtherPatientNames = ["Doe^John^^Dr.^Jr.", "Roe^Jane"]
    ds.PatientID = "ID 42"
    ds.PatientAge = "042Y"
    ds.PatientWeight = "72.50"
    ds.AdditionalPatientHistory = "line one\\with backslash\r\nline two"
    ds.StudyInstanceUID = "1.2.826.0.1.3680043.8.498.2"
    ds.SeriesInstanceUID = "1.2.826.0.1.3680043.8.498.3"
    ds.SliceThickness = "2.50"
    ds.PixelSpacing = ["0.5", "+007.25"]
    ds.InstanceNumber = "7"
    ds.ImageComments = "  leading and trailing spaces  "
    ds.DerivationDescription = "short <text> & \"quotes\""
    ds.StrainDescription = "unlimited characters"
    ds.RetrieveURL = "https://example.org/wado?a=1&b=2"
    ds.add_new(0x00400441, "SQ", Sequence())  # ContentItemModifierSequence, empty
    ds.Rows = 4
    ds.Columns = 2
    ds.add_new(0x00280120, "SS", -2000)  # PixelPaddingValue, US or SS
    ds.add_new(0x00281050, "DS", ["40", "400"])  # WindowCenter
    ds.SimpleFrameList = [1, 2, 4294967295]
    ds.ReferencePixelX0 = -5
    ds.RecommendedDisplayFrameRateInFloat = 0.5
    ds.add_new(0x00189087, "FD", [1000.25, -0.0])  # DiffusionBValue
    ds.add_new(0x00720082, "SV", [-5, 2 ** 60])
    ds.add_new(0x00720083, "UV", [2 ** 63])
    ds.FrameIncrementPointer = [0x00181063, 0x00181065]
    ds.add_new(0x00660042, "OL", b"\x01\x00\x00\x00\x02\x00\x00\x00")
    ds.add_new(0x7FE00001, "OV", b"\x00" * 8)
    ds.add_new(0x7FE00008, "OF", b"\x00\x00\x80\x3f")
    ds.add_new(0x7FE00009, "OD", b"\x00\x00\x00\x00\x00\x00\xf0\x3f")
    ds.add_new(0x00281201, "OW", b"\x01\x00\x02\x00")  # RedPaletteColorLookupTableData
    ds.TextValue = "unlimited text"
    ref = Dataset()
    ref.ReferencedSOPClassUID = "1.2.840.10008.5.1.4.1.1.2"
    ref.ReferencedSOPInstanceUID = "1.2.826.0.1.3680043.8.498.4"
    inner = Dataset()
    inner.CodeValue = "113691"
    inner.CodingSchemeDesignator = "DCM"
    inner.CodeMeaning = "IHE XDS-I"
    ref.PurposeOfReferenceCodeSequence = Sequence([inner])
    ds.ReferencedImageSequence = Sequence([ref, Dataset()])
    block = ds.private_block(0x0009, "ACME 1.1", create=True)
    block.add_new(0x01, "LO", "private text")
    block.add_new(0x02, "US", [1, 2])
    block.add_new(0x03, "OB", b"\x01\x02\x03")
    ds.PixelData = b"\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f"
    ds.BitsAllocated = 16
    ds.BitsStored = 12
    ds.HighBit = 11
    ds.PixelRepresentation = 0
    ds.SamplesPerPixel = 1
    ds.PhotometricInterpretation = "MONOCHROME2"
    return ds


def write_generated(outdir):
    os.makedirs(outdir, exist_ok=True)
    encodings = [("explicit_le", uid.ExplicitVRLittleEndian, True, False),
                 ("implicit_le", uid.ImplicitVRLittleEndian, True, True),
                 ("explicit_be", uid.ExplicitVRBigEndian, False, False),
                 ("deflated", uid.DeflatedExplicitVRLittleEndian, True, False)]
    for name, ts, little, implicit in encodings:
        ds = every_vr()
        meta = FileMetaDataset()
        meta.MediaStorageSOPClassUID = ds.SOPClassUID
        meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
        meta.TransferSyntaxUID = ts
        meta.ImplementationClassUID = "1.2.826.0.1.3680043.8.498.99"
        ds.file_meta = meta
        ds.is_little_endian = little
        ds.is_implicit_VR = implicit
        ds.preamble = b"\x00" * 128
        path = os.path.join(outdir, "every_vr_%s.dcm" % name)
        ds.save_as(path, write_like_original=False)
        print("wrote", os.path.relpath(path, REPO))


def references(path):
    base = path[:-4]
    for suffix in (".dcmtk.json", ".pydicom.json", ".dcmtk.xml"):
        if os.path.exists(base + suffix):
            os.remove(base + suffix)
    p = subprocess.run(["dcm2json", path], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if p.returncode == 0 and p.stdout.strip():
        with open(base + ".dcmtk.json", "wb") as f:
            f.write(p.stdout)
    else:
        print("  dcm2json failed on", os.path.basename(path), p.stderr.decode()[:120].strip())
    try:
        d = pydicom.dcmread(path).to_json_dict()
        with open(base + ".pydicom.json", "w", encoding="utf-8") as f:
            json.dump(d, f, indent=1, ensure_ascii=False)
            f.write("\n")
    except Exception as e:
        print("  pydicom failed on", os.path.basename(path), e)
    p = subprocess.run(["dcm2xml", "-nat", "+Eb", "+U8", path], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if p.returncode == 0 and p.stdout.strip():
        with open(base + ".dcmtk.xml", "wb") as f:
            f.write(p.stdout)
    else:
        print("  dcm2xml failed on", os.path.basename(path), p.stderr.decode()[:120].strip())


def main():
    generated = os.path.join(GOLDEN, "generated")
    write_generated(generated)
    real = os.path.join(GOLDEN, "pydicom")
    os.makedirs(real, exist_ok=True)
    src = os.path.join(os.path.dirname(pydicom.__file__), "data", "test_files")
    for n in PYDICOM_FILES:
        shutil.copyfile(os.path.join(src, n), os.path.join(real, n))
    for d in (generated, real):
        for n in sorted(os.listdir(d)):
            if n.endswith(".dcm"):
                references(os.path.join(d, n))
    print("pydicom", pydicom.__version__, "and", subprocess.run(["dcm2json", "--version"], stdout=subprocess.PIPE)
          .stdout.decode().splitlines()[0].strip(), file=sys.stderr)


if __name__ == "__main__":
    main()
