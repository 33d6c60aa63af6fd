package org.dicommeta.codec;

/**
 * The version of this codec, recorded with every metadata record and written as the
 * Implementation Version Name (0002,0013) of the files it writes (at most 16 characters, PS3.7 §D.3.3.2.2).
 */
public final class CodecVersion {

    /** The codec version, "dicom-codec/" followed by the release. */
    public static final String VERSION = "dicom-codec/0.1.0";

    /** Implementation Version Name (0002,0013): an SH of at most 16 characters. */
    public static final String IMPLEMENTATION_VERSION_NAME = "DICOMMETA_010";

    /**
     * Implementation Class UID (0002,0012) of this codec. A UUID-derived UID under the 2.25 root
     * (PS3.5 §B.2), fixed for the 0.1 line.
     */
    public static final String IMPLEMENTATION_CLASS_UID = "2.25.200322172269226977204020277864779636577";

    private CodecVersion() {
    }
}
