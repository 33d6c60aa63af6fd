package org.dicommeta.codec.charset;

import org.dicommeta.codec.VR;

/**
 * A single-byte repertoire without code extensions (PS3.3 Table C.12-2): a G0 set in GL (ISO-IR 6,
 * or ISO-IR 14 for ISO_IR 13) and a G1 set in GR, decoded through one 256-entry table. Escape
 * sequences mean nothing here (PS3.3 §C.12.1.1.2: a single-valued Specific Character Set uses no
 * code extension), so ESC decodes as U+001B.
 *
 * <p>C0 controls and DEL decode as themselves; C1 bytes (08/00 to 09/15) decode as U+0080..U+009F,
 * as in ISO 8859; GR positions the set leaves unassigned decode as U+FFFD.
 */
final class SingleByteTextCodec implements TextCodec {

    private final CodeElement g0;
    private final CodeElement g1;
    /** Decoding table for VRs in which 05/12 is text (ST, LT, UT). */
    private final char[] textTable = new char[256];
    /** Decoding table for VRs in which 05/12 separates values (SH, LO, PN, UC). */
    private final char[] multiValueTable;

    SingleByteTextCodec(CodeElement g0, CodeElement g1) {
        this.g0 = g0;
        this.g1 = g1;
        for (int b = 0; b < 256; b++) {
            char c;
            if (b < 0x20 || b == 0x7F || (b >= 0x80 && b < 0xA0)) {
                c = (char) b;
            } else if (b < 0x80) {
                c = b == 0x20 ? ' ' : g0.single(b);
            } else {
                int pos = b & 0x7F;
                boolean outside94 = g1.kind == CodeElement.Kind.SET_94 && (pos == 0x20 || pos == 0x7F);
                c = outside94 ? CodeElement.REPLACEMENT : g1.single(pos);
            }
            textTable[b] = c;
        }
        multiValueTable = textTable.clone();
        // PS3.5 §6.1.2.5.3: 05/12 ends a value whatever the G0 set shows there (YEN SIGN in ISO-IR 14).
        multiValueTable['\\'] = '\\';
    }

    @Override
    public String decode(byte[] bytes, int offset, int length, VR vr) {
        char[] table = vr.isMultiValued() ? multiValueTable : textTable;
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = table[bytes[offset + i] & 0xFF];
        }
        return new String(out);
    }

    @Override
    public byte[] encode(String value, VR vr) {
        boolean multi = vr.isMultiValued();
        int n = value.length();
        byte[] out = new byte[n];
        int len = 0;
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
                out[len++] = '?';
                continue;
            }
            out[len++] = (byte) byteOf(c, multi);
        }
        return len == n ? out : java.util.Arrays.copyOf(out, len);
    }

    private int byteOf(char c, boolean multi) {
        if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0)) {
            return c;
        }
        if (c == ' ') {
            return 0x20;
        }
        if (multi && c == '\\') {
            return 0x5C;
        }
        int code = g0.codeOf(c);
        if (code >= 0) {
            // In a multi-valued VR 05/12 would end the value, so ISO-IR 14's YEN SIGN cannot be written.
            return multi && code == 0x5C ? '?' : code;
        }
        code = g1.codeOf(c);
        return code >= 0 ? code | 0x80 : '?';
    }

    @Override
    public String toString() {
        return g0 + "+" + g1;
    }
}
