package org.dicommeta.codec;

/**
 * The 34 value representations of PS3.5 §6.2 (Table 6.2-1).
 *
 * <p>Each constant knows the facts the codec needs to encode and decode it: whether its value is
 * text, whether the explicit VR encoding uses the 4-byte length form (PS3.5 §7.1.2), its padding
 * byte, the size of one binary value, and whether backslash separates multiple values.
 */
public enum VR {
    /** Application Entity. */
    AE(Kind.TEXT, false, ' ', 0, true),
    /** Age String. */
    AS(Kind.TEXT, false, ' ', 0, true),
    /** Attribute Tag: pairs of 16-bit unsigned integers (group, element). */
    AT(Kind.NUMBER, false, 0, 4, true),
    /** Code String. */
    CS(Kind.TEXT, false, ' ', 0, true),
    /** Date. */
    DA(Kind.TEXT, false, ' ', 0, true),
    /** Decimal String. */
    DS(Kind.TEXT, false, ' ', 0, true),
    /** Date Time. */
    DT(Kind.TEXT, false, ' ', 0, true),
    /** Floating Point Double. */
    FD(Kind.NUMBER, false, 0, 8, true),
    /** Floating Point Single. */
    FL(Kind.NUMBER, false, 0, 4, true),
    /** Integer String. */
    IS(Kind.TEXT, false, ' ', 0, true),
    /** Long String. */
    LO(Kind.TEXT, false, ' ', 0, true),
    /** Long Text (single valued: backslash is text). */
    LT(Kind.TEXT, false, ' ', 0, false),
    /** Other Byte. */
    OB(Kind.BINARY, true, 0, 1, false),
    /** Other Double. */
    OD(Kind.BINARY, true, 0, 8, false),
    /** Other Float. */
    OF(Kind.BINARY, true, 0, 4, false),
    /** Other Long. */
    OL(Kind.BINARY, true, 0, 4, false),
    /** Other 64-bit Very Long. */
    OV(Kind.BINARY, true, 0, 8, false),
    /** Other Word. */
    OW(Kind.BINARY, true, 0, 2, false),
    /** Person Name. */
    PN(Kind.TEXT, false, ' ', 0, true),
    /** Short String. */
    SH(Kind.TEXT, false, ' ', 0, true),
    /** Signed Long. */
    SL(Kind.NUMBER, false, 0, 4, true),
    /** Sequence of Items. */
    SQ(Kind.SEQUENCE, true, 0, 0, false),
    /** Signed Short. */
    SS(Kind.NUMBER, false, 0, 2, true),
    /** Short Text (single valued). */
    ST(Kind.TEXT, false, ' ', 0, false),
    /** Signed 64-bit Very Long. */
    SV(Kind.NUMBER, true, 0, 8, true),
    /** Time. */
    TM(Kind.TEXT, false, ' ', 0, true),
    /** Unlimited Characters. */
    UC(Kind.TEXT, true, ' ', 0, true),
    /** Unique Identifier, padded with NUL (PS3.5 §9.1). */
    UI(Kind.TEXT, false, 0, 0, true),
    /** Unsigned Long. */
    UL(Kind.NUMBER, false, 0, 4, true),
    /** Unknown. */
    UN(Kind.BINARY, true, 0, 1, false),
    /** Universal Resource Identifier or Locator (single valued). */
    UR(Kind.TEXT, true, ' ', 0, false),
    /** Unsigned Short. */
    US(Kind.NUMBER, false, 0, 2, true),
    /** Unlimited Text (single valued). */
    UT(Kind.TEXT, true, ' ', 0, false),
    /** Unsigned 64-bit Very Long. */
    UV(Kind.NUMBER, true, 0, 8, true);

    private enum Kind { TEXT, NUMBER, BINARY, SEQUENCE }

    private static final VR[] BY_CODE = new VR[0x10000];

    static {
        for (VR vr : values()) {
            BY_CODE[vr.code] = vr;
        }
    }

    private final Kind kind;
    private final boolean longLength;
    private final int paddingByte;
    private final int bytesPerValue;
    private final boolean multiValued;
    /** The two ASCII characters of the code packed big-endian, as they appear in the stream. */
    private final int code;

    VR(Kind kind, boolean longLength, int paddingByte, int bytesPerValue, boolean multiValued) {
        this.kind = kind;
        this.longLength = longLength;
        this.paddingByte = paddingByte;
        this.bytesPerValue = bytesPerValue;
        this.multiValued = multiValued;
        this.code = (name().charAt(0) << 8) | name().charAt(1);
    }

    /**
     * True for the VRs the DICOM JSON and Native XML models call binary (PS3.18 §F.2.7):
     * OB, OD, OF, OL, OV, OW and UN.
     */
    public boolean isBinary() {
        return kind == Kind.BINARY;
    }

    /** True for the character-string VRs whose value is text (AE AS CS DA DS DT IS LO LT PN SH ST TM UC UI UR UT). */
    public boolean isString() {
        return kind == Kind.TEXT;
    }

    /** True for the fixed-size binary numeric VRs (AT FD FL SL SS SV UL US UV). */
    public boolean isNumeric() {
        return kind == Kind.NUMBER;
    }

    /** True for SQ. */
    public boolean isSequence() {
        return kind == Kind.SEQUENCE;
    }

    /** True for DS and IS, the numbers written as text. */
    public boolean isNumericString() {
        return this == DS || this == IS;
    }

    /**
     * True when the explicit VR encoding of this VR has two reserved bytes and a 32-bit length
     * (PS3.5 §7.1.2, Table 7.1-1); false for the 16-bit length form.
     */
    public boolean hasLongLength() {
        return longLength;
    }

    /** The byte used to pad values to even length: space for text, NUL for UI and binaries (PS3.5 §6.2). */
    public int paddingByte() {
        return paddingByte;
    }

    /** Size in bytes of one value of a fixed-size VR (AT, FD, OW, ...), 1 for OB/UN, 0 for text and SQ. */
    public int bytesPerValue() {
        return bytesPerValue;
    }

    /** True when backslash separates multiple values (false for LT, ST, UT, UR and every binary VR). */
    public boolean isMultiValued() {
        return multiValued;
    }

    /** The VR code packed as two big-endian ASCII bytes, e.g. {@code 0x5553} for US. */
    public int code() {
        return code;
    }

    /**
     * The VR of a two-letter code.
     *
     * @throws IllegalArgumentException when the code is not one of the 34 VRs
     */
    public static VR of(String code) {
        if (code != null && code.length() == 2) {
            VR vr = BY_CODE[(code.charAt(0) & 0xFF) << 8 | (code.charAt(1) & 0xFF)];
            if (vr != null && code.charAt(0) < 0x80 && code.charAt(1) < 0x80) {
                return vr;
            }
        }
        throw new IllegalArgumentException("Unknown VR: " + code);
    }

    /** The VR whose two-byte code is {@code code} (see {@link #code()}), or null when unknown. */
    public static VR ofCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
