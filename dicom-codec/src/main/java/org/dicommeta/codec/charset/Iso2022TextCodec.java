package org.dicommeta.codec.charset;

import java.util.Arrays;
import org.dicommeta.codec.VR;

/**
 * A repertoire with ISO/IEC 2022 code extensions: a multi-valued Specific Character Set, or a
 * single value with the "ISO 2022" prefix (PS3.3 §C.12.1.1.2, Tables C.12-3 and C.12-4; PS3.5
 * §6.1.2.5).
 *
 * <p>Decoding follows the escape sequences that designate a set to G0 (invoked in GL, bytes 02/01
 * to 07/14) or to G1 (invoked in GR, bytes 10/00 to 15/15); DICOM uses no locking or single shifts
 * (PS3.5 §6.1.2.5.1). Every value starts in the initial state, the sets of value 1 (ISO-IR 6 when
 * value 1 is empty), and, as PS3.5 §6.1.2.5.3 requires writers to return there, the decoder resets
 * to it at each 05/12 that separates values (SH, LO, PN, UC), at each 05/14 and 03/13 of a PN, and
 * at every control character but ESC (CR, LF, TAB, FF...). Delimiters are recognised only while G0
 * holds a single-byte set, since in a double-byte G0 those bytes are halves of characters.
 *
 * <p>Leniencies, for data real writers produce: any set this codec knows may be designated, not
 * only the declared ones; a byte in GR while no G1 set is designated (a writer that did not repeat
 * the escape after a delimiter, or that omitted it) is read in the first non-ISO-646 set the
 * Specific Character Set declares (so "\ISO 2022 IR 149" with bare EUC-KR bytes reads as Korean,
 * "\ISO 2022 IR 87" with bare EUC-JP bytes as Japanese), or as ISO 8859-1 when there is none; C1
 * bytes decode as U+0080..U+009F. An escape sequence naming an unknown set, a truncated escape
 * sequence, and a lone or unmapped double-byte code each decode as one U+FFFD.
 *
 * <p>Encoding writes each character in the set already designated when it can, otherwise designates
 * the first declared set that has it (value 1's sets first), and returns to the initial state,
 * with the escape sequences needed, before each delimiter and control character and at the end of
 * the value (PS3.5 §6.1.2.5.3), and to value 1's G0 set before a SPACE that follows a double-byte
 * G0 set. The output is byte for byte the encoded representation of the examples of PS3.5 Annexes
 * H.3, I.2 and K.
 */
final class Iso2022TextCodec implements TextCodec {

    private static final int ESC = CodeElement.ESC;

    private final CodeElement initialG0;
    private final CodeElement initialG1;
    private final CodeElement fallbackG1;
    /** The declared sets in the order encoding tries them. */
    private final CodeElement[] declared;

    /**
     * @param initialG0 ISO-IR 6 or ISO-IR 14, from value 1
     * @param initialG1 value 1's G1 set, or null
     * @param declared every set the Specific Character Set names, value 1's first
     */
    Iso2022TextCodec(CodeElement initialG0, CodeElement initialG1, CodeElement[] declared) {
        this.initialG0 = initialG0;
        this.initialG1 = initialG1;
        this.declared = declared.clone();
        CodeElement fallback = initialG1;
        for (int i = 0; fallback == null && i < declared.length; i++) {
            if (!declared[i].hasDelimiters()) {
                fallback = declared[i];
            }
        }
        this.fallbackG1 = fallback;
    }

    @Override
    public String decode(byte[] bytes, int offset, int length, VR vr) {
        int end = offset + length;
        if (initialG0 == CodeElement.ISO_IR_6 && isPlainAscii(bytes, offset, end)) {
            return new String(bytes, offset, length, java.nio.charset.StandardCharsets.ISO_8859_1);
        }
        boolean multi = vr.isMultiValued();
        boolean pn = vr == VR.PN;
        char[] out = new char[length];
        int n = 0;
        CodeElement g0 = initialG0;
        CodeElement g1 = initialG1;
        boolean[] toG1 = new boolean[1];
        int i = offset;
        while (i < end) {
            int b = bytes[i] & 0xFF;
            if (b < 0x20) {
                if (b == ESC) {
                    int seqEnd = escapeEnd(bytes, i, end);
                    if (seqEnd < 0) {
                        out[n++] = CodeElement.REPLACEMENT;
                        i++;
                        continue;
                    }
                    int intermediates = seqEnd - i - 2;
                    CodeElement e = null;
                    if (intermediates == 1 || intermediates == 2) {
                        int i2 = intermediates == 2 ? bytes[i + 2] & 0xFF : -1;
                        e = CodeElement.designated(bytes[i + 1] & 0xFF, i2, bytes[seqEnd - 1] & 0xFF, toG1);
                    }
                    if (e == null) {
                        out[n++] = CodeElement.REPLACEMENT;
                    } else if (toG1[0]) {
                        g1 = e;
                    } else {
                        g0 = e;
                    }
                    i = seqEnd;
                    continue;
                }
                g0 = initialG0;
                g1 = initialG1;
                out[n++] = (char) b;
                i++;
            } else if (b < 0x80) {
                if (b == 0x20 || b == 0x7F) {
                    out[n++] = (char) b;
                    i++;
                } else if (g0.isMultiByte()) {
                    int b2 = i + 1 < end ? bytes[i + 1] & 0xFF : 0;
                    if (b2 > 0x20 && b2 < 0x7F) {
                        out[n++] = g0.pair(b, b2);
                        i += 2;
                    } else {
                        out[n++] = CodeElement.REPLACEMENT;
                        i++;
                    }
                } else if (g0.hasDelimiters() && ((b == '\\' && multi) || (pn && (b == '^' || b == '=')))) {
                    out[n++] = (char) b;
                    g0 = initialG0;
                    g1 = initialG1;
                    i++;
                } else {
                    out[n++] = g0.single(b);
                    i++;
                }
            } else if (b < 0xA0) {
                out[n++] = (char) b;
                i++;
            } else {
                CodeElement e = g1 != null ? g1 : fallbackG1;
                if (e == null) {
                    out[n++] = (char) b;
                    i++;
                } else if (e.isMultiByte()) {
                    int b2 = i + 1 < end ? bytes[i + 1] & 0xFF : 0;
                    if (b > 0xA0 && b < 0xFF && b2 > 0xA0 && b2 < 0xFF) {
                        out[n++] = e.pair(b & 0x7F, b2 & 0x7F);
                        i += 2;
                    } else {
                        out[n++] = CodeElement.REPLACEMENT;
                        i++;
                    }
                } else {
                    int pos = b & 0x7F;
                    boolean outside94 = e.kind == CodeElement.Kind.SET_94 && (pos == 0x20 || pos == 0x7F);
                    out[n++] = outside94 ? CodeElement.REPLACEMENT : e.single(pos);
                    i++;
                }
            }
        }
        return new String(out, 0, n);
    }

    private static boolean isPlainAscii(byte[] bytes, int from, int end) {
        for (int i = from; i < end; i++) {
            int b = bytes[i];
            if (b < 0 || b == ESC) {
                return false;
            }
        }
        return true;
    }

    /**
     * The index after the escape sequence starting at {@code esc}: up to three Intermediate Bytes
     * 02/00 to 02/15 then a Final Byte 03/00 to 07/14 (ISO/IEC 2022 §13.1), or -1 when the bytes
     * that follow are not one. Looks at no more than four bytes after ESC: DICOM's longest
     * designation, ESC $ ) C, has three.
     */
    private static int escapeEnd(byte[] bytes, int esc, int end) {
        int limit = Math.min(end, esc + 5);
        for (int j = esc + 1; j < limit; j++) {
            int b = bytes[j] & 0xFF;
            if (b >= 0x30 && b <= 0x7E) {
                return j + 1;
            }
            if (b < 0x20 || b > 0x2F) {
                return -1;
            }
        }
        return -1;
    }

    @Override
    public byte[] encode(String value, VR vr) {
        boolean multi = vr.isMultiValued();
        boolean pn = vr == VR.PN;
        ByteSink out = new ByteSink(value.length() + 16);
        CodeElement g0 = initialG0;
        CodeElement g1 = initialG1;
        int n = value.length();
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (Character.isSurrogate(c)) {
                // None of these sets has a character outside the Basic Multilingual Plane.
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                }
                c = '?';
            }
            if ((c < 0x20 && c != ESC) || (multi && c == '\\') || (pn && (c == '^' || c == '='))) {
                returnToInitial(out, g0, g1);
                g0 = initialG0;
                g1 = initialG1;
                out.write(c);
                continue;
            }
            if (c == ' ' || c == 0x7F) {
                // PS3.5 §H.2 lets SPACE follow a double-byte G0 set without an escape (the decoder
                // accepts that), but decoders built on ISO-2022-JP codecs, pydicom's among them,
                // reject it; returning to value 1's G0 first is valid everywhere.
                if (g0.isMultiByte()) {
                    out.write(initialG0.designation(false));
                    g0 = initialG0;
                }
                out.write(c);
                continue;
            }
            if (c >= 0x80 && c < 0xA0) {
                out.write(c);
                continue;
            }
            int code = c == ESC ? -1 : codeIn(g0, c, multi);
            if (code >= 0) {
                writeCode(out, g0, code, false);
                continue;
            }
            if (g1 != null && c != ESC && (code = codeIn(g1, c, multi)) >= 0) {
                writeCode(out, g1, code, true);
                continue;
            }
            CodeElement chosen = null;
            if (c != ESC) {
                for (CodeElement e : declared) {
                    if (e != g0 && e != g1 && (code = codeIn(e, c, multi)) >= 0) {
                        chosen = e;
                        break;
                    }
                }
            }
            if (chosen == null) {
                if (!g0.hasDelimiters()) {
                    out.write(initialG0.designation(false));
                    g0 = initialG0;
                }
                out.write('?');
                continue;
            }
            boolean toG1 = !chosen.isG0Set();
            out.write(chosen.designation(toG1));
            if (toG1) {
                g1 = chosen;
            } else {
                g0 = chosen;
            }
            writeCode(out, chosen, code, toG1);
        }
        returnToInitial(out, g0, g1);
        return out.toByteArray();
    }

    /** The code of {@code c} in {@code e}, or -1; keeps ISO-IR 14's YEN SIGN out of multi-valued VRs. */
    private static int codeIn(CodeElement e, char c, boolean multi) {
        int code = e.codeOf(c);
        // ISO-IR 14 is only ever written in GL, where its 05/12 would read as a value delimiter.
        return code == 0x5C && multi && e == CodeElement.ISO_IR_14 ? -1 : code;
    }

    private static void writeCode(ByteSink out, CodeElement e, int code, boolean inGr) {
        int high = inGr ? 0x80 : 0;
        if (e.isMultiByte()) {
            out.write((code >> 8) | high);
            out.write((code & 0xFF) | high);
        } else {
            out.write(code | high);
        }
    }

    private void returnToInitial(ByteSink out, CodeElement g0, CodeElement g1) {
        if (g0 != initialG0) {
            out.write(initialG0.designation(false));
        }
        if (g1 != initialG1 && initialG1 != null) {
            out.write(initialG1.designation(true));
        }
    }

    @Override
    public String toString() {
        return "ISO 2022 " + Arrays.toString(declared);
    }

    /** A growable byte array; ByteArrayOutputStream would synchronise every write. */
    private static final class ByteSink {
        private byte[] buf;
        private int len;

        ByteSink(int capacity) {
            buf = new byte[capacity];
        }

        void write(int b) {
            if (len == buf.length) {
                buf = Arrays.copyOf(buf, buf.length * 2);
            }
            buf[len++] = (byte) b;
        }

        void write(byte[] bytes) {
            for (byte b : bytes) {
                write(b);
            }
        }

        byte[] toByteArray() {
            return Arrays.copyOf(buf, len);
        }
    }
}
