package org.dicommeta.codec.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

import org.dicommeta.codec.DicomCodecException;
import org.dicommeta.codec.VR;

/**
 * Encodes the textual values of a binary numeric VR (AT FD FL SL SS SV UL US UV), as they appear in
 * DICOM JSON or Native XML, into the little-endian bytes of the data set model.
 *
 * <p>Public only so the XML reader in the sibling package shares it; not part of the API.
 */
public final class JsonBinaryNumbers {

    private JsonBinaryNumbers() {
    }

    /**
     * Encodes {@code values} (AT: 8 hex digits; FL/FD: a decimal number, "NaN", "Infinity" or
     * "-Infinity"; integers: a decimal integer within the VR's range); {@code at} names the attribute
     * in error messages.
     *
     * @throws DicomCodecException for a value that does not fit the VR
     */
    public static byte[] encode(VR vr, List<String> values, String at) {
        int size = vr.bytesPerValue();
        byte[] b = new byte[values.size() * size];
        for (int i = 0; i < values.size(); i++) {
            String s = values.get(i) == null ? "" : values.get(i).strip();
            int off = i * size;
            if (vr == VR.AT) {
                int tag;
                try {
                    if (s.length() != 8) {
                        throw new NumberFormatException(s);
                    }
                    tag = Integer.parseUnsignedInt(s, 16);
                } catch (NumberFormatException e) {
                    throw new DicomCodecException("Value " + (i + 1) + " of " + at + " (AT) is not 8 hex digits: " + s, e);
                }
                put(b, off, tag >>> 16, 2);
                put(b, off + 2, tag & 0xFFFF, 2);
                continue;
            }
            if (vr == VR.FL || vr == VR.FD) {
                double d = toDouble(s, i, at);
                if (vr == VR.FL) {
                    put(b, off, Float.floatToRawIntBits((float) d), 4);
                } else {
                    put(b, off, Double.doubleToRawLongBits(d), 8);
                }
                continue;
            }
            BigInteger n;
            try {
                n = new BigDecimal(s.startsWith("+") ? s.substring(1) : s).toBigIntegerExact();
            } catch (ArithmeticException | NumberFormatException e) {
                throw new DicomCodecException("Value " + (i + 1) + " of " + at + " (" + vr + ") is not an integer: " + s, e);
            }
            BigInteger min;
            BigInteger max;
            switch (vr) {
                case US: min = BigInteger.ZERO; max = BigInteger.valueOf(0xFFFF); break;
                case SS: min = BigInteger.valueOf(Short.MIN_VALUE); max = BigInteger.valueOf(Short.MAX_VALUE); break;
                case UL: min = BigInteger.ZERO; max = BigInteger.valueOf(0xFFFFFFFFL); break;
                case SL: min = BigInteger.valueOf(Integer.MIN_VALUE); max = BigInteger.valueOf(Integer.MAX_VALUE); break;
                case SV: min = BigInteger.valueOf(Long.MIN_VALUE); max = BigInteger.valueOf(Long.MAX_VALUE); break;
                default: min = BigInteger.ZERO; max = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE); break;
            }
            if (n.compareTo(min) < 0 || n.compareTo(max) > 0) {
                throw new DicomCodecException("Value " + (i + 1) + " of " + at + " is out of range for " + vr + ": " + n);
            }
            put(b, off, n.longValue(), size);
        }
        return b;
    }

    private static double toDouble(String s, int i, String at) {
        switch (s) {
            case "NaN": return Double.NaN;
            case "Infinity": case "INF": return Double.POSITIVE_INFINITY;
            case "-Infinity": case "-INF": return Double.NEGATIVE_INFINITY;
            default:
                try {
                    return Double.parseDouble(s);
                } catch (NumberFormatException e) {
                    throw new DicomCodecException("Value " + (i + 1) + " of " + at + " is not a number: " + s, e);
                }
        }
    }

    private static void put(byte[] b, int off, long v, int size) {
        for (int k = 0; k < size; k++) {
            b[off + k] = (byte) (v >>> (8 * k));
        }
    }
}
