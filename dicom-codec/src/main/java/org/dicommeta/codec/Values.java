package org.dicommeta.codec;

import java.math.BigDecimal;
import java.util.Locale;

/** Conversions from Java values to the in-memory value forms described in {@link Element}. */
final class Values {

    private Values() {
    }

    static Object fromStrings(int tag, VR vr, String... values) {
        if (values == null || values.length == 0) {
            return null;
        }
        if (vr.isString()) {
            if (values.length == 1) {
                return values[0] == null ? null : Element.trimEnd(values[0]);
            }
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    sb.append('\\');
                }
                if (values[i] != null) {
                    sb.append(values[i]);
                }
            }
            return Element.trimEnd(sb.toString());
        }
        if (vr.isNumeric()) {
            byte[] out = new byte[values.length * vr.bytesPerValue()];
            for (int i = 0; i < values.length; i++) {
                String s = values[i] == null ? "" : values[i].strip();
                try {
                    putNumber(out, i, vr, s);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("Not a " + vr + " value for " + Tag.toString(tag)
                            + ": \"" + s + "\"", e);
                }
            }
            return out;
        }
        throw new IllegalArgumentException("VR " + vr + " of " + Tag.toString(tag) + " takes no text values");
    }

    private static void putNumber(byte[] out, int i, VR vr, String s) {
        switch (vr) {
            case AT:
                if (s.length() != 8) {
                    throw new NumberFormatException("AT needs 8 hex digits");
                }
                int t = Integer.parseUnsignedInt(s, 16);
                ByteUtils.put16(out, 4 * i, t >>> 16);
                ByteUtils.put16(out, 4 * i + 2, t);
                break;
            case FL:
                ByteUtils.put32(out, 4 * i, Float.floatToRawIntBits(Float.parseFloat(s)));
                break;
            case FD:
                ByteUtils.put64(out, 8 * i, Double.doubleToRawLongBits(Double.parseDouble(s)));
                break;
            case UV:
                ByteUtils.put64(out, 8 * i, Long.parseUnsignedLong(s));
                break;
            default:
                putLong(out, i, vr, Long.parseLong(s));
        }
    }

    private static void putLong(byte[] out, int i, VR vr, long v) {
        switch (vr.bytesPerValue()) {
            case 1: out[i] = (byte) v; break;
            case 2: ByteUtils.put16(out, 2 * i, (int) v); break;
            case 4:
                if (vr == VR.OF || vr == VR.FL) {
                    ByteUtils.put32(out, 4 * i, Float.floatToRawIntBits(v));
                } else if (vr == VR.AT) {
                    ByteUtils.put16(out, 4 * i, (int) (v >>> 16));
                    ByteUtils.put16(out, 4 * i + 2, (int) v);
                } else {
                    ByteUtils.put32(out, 4 * i, (int) v);
                }
                break;
            case 8:
                if (vr == VR.OD || vr == VR.FD) {
                    ByteUtils.put64(out, 8 * i, Double.doubleToRawLongBits(v));
                } else {
                    ByteUtils.put64(out, 8 * i, v);
                }
                break;
            default:
                throw new IllegalStateException(vr.name());
        }
    }

    static Object fromLongs(int tag, VR vr, long... values) {
        if (values == null || values.length == 0) {
            return null;
        }
        if (vr.isString()) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    sb.append('\\');
                }
                sb.append(values[i]);
            }
            return sb.toString();
        }
        if (vr == VR.SQ) {
            throw new IllegalArgumentException("SQ takes no numbers: " + Tag.toString(tag));
        }
        byte[] out = new byte[values.length * vr.bytesPerValue()];
        for (int i = 0; i < values.length; i++) {
            putLong(out, i, vr, values[i]);
        }
        return out;
    }

    static Object fromDoubles(int tag, VR vr, double... values) {
        if (values == null || values.length == 0) {
            return null;
        }
        if (vr.isString()) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    sb.append('\\');
                }
                sb.append(vr == VR.DS ? formatDecimalString(values[i]) : String.valueOf(values[i]));
            }
            return sb.toString();
        }
        if (vr == VR.SQ) {
            throw new IllegalArgumentException("SQ takes no numbers: " + Tag.toString(tag));
        }
        byte[] out = new byte[values.length * vr.bytesPerValue()];
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (vr == VR.FL || vr == VR.OF) {
                ByteUtils.put32(out, 4 * i, Float.floatToRawIntBits((float) v));
            } else if (vr == VR.FD || vr == VR.OD) {
                ByteUtils.put64(out, 8 * i, Double.doubleToRawLongBits(v));
            } else {
                putLong(out, i, vr, (long) v);
            }
        }
        return out;
    }

    /**
     * A DS value of at most 16 characters (PS3.5 Table 6.2-1) that reads back as {@code v}
     * when 16 characters suffice, otherwise the closest value that fits.
     *
     * @throws IllegalArgumentException for NaN and infinities, which DS cannot express
     */
    static String formatDecimalString(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            throw new IllegalArgumentException("DS cannot hold " + v);
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String s = new BigDecimal(Double.toString(v)).stripTrailingZeros().toString();
        if (s.length() <= 16) {
            return s;
        }
        for (int precision = 15; precision > 0; precision--) {
            String f = String.format(Locale.ROOT, "%." + precision + "G", v);
            f = stripZeros(f);
            if (f.length() <= 16) {
                return f;
            }
        }
        return String.format(Locale.ROOT, "%.0E", v);
    }

    private static String stripZeros(String f) {
        int e = f.indexOf('E');
        String mantissa = e < 0 ? f : f.substring(0, e);
        String exponent = e < 0 ? "" : f.substring(e);
        if (mantissa.indexOf('.') >= 0) {
            int end = mantissa.length();
            while (mantissa.charAt(end - 1) == '0') {
                end--;
            }
            if (mantissa.charAt(end - 1) == '.') {
                end--;
            }
            mantissa = mantissa.substring(0, end);
        }
        if (!exponent.isEmpty()) {
            int exp = Integer.parseInt(exponent.substring(1));
            exponent = exp == 0 ? "" : "E" + exp;
        }
        return mantissa + exponent;
    }
}
