package org.dicommeta.codec.charset;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.util.Arrays;

/**
 * The graphic character sets (ISO/IEC 2022 "code elements") that the Defined Terms of Specific
 * Character Set (0008,0005) name, PS3.3 §C.12.1.1.2 Tables C.12-2 to C.12-4, each with the Final
 * Byte of its ISO 2022 designation escape sequence (ISO 2375 register, as quoted in those tables and
 * in PS3.5 Annexes H, I and K).
 *
 * <p>Every set keeps its characters in the 7-bit form (positions 02/00 to 07/15, or row and column
 * bytes 02/01 to 07/14 for the 94x94 sets), so that one table serves the set whether it is invoked
 * in GL (designated to G0) or in GR (designated to G1, the bytes having the high bit set). The
 * tables are taken once from {@code java.nio.charset}; the double-byte ones lazily, on first use,
 * because most data sets never need them.
 */
enum CodeElement {
    /** ISO 646 International Reference Version, the DICOM default repertoire (PS3.5 §6.1.2.1). */
    ISO_IR_6(Kind.SET_94, 'B', null),
    /** JIS X 0201 Romaji: ISO 646 with YEN SIGN at 05/12 and OVERLINE at 07/14 (PS3.5 §H.1.1). */
    ISO_IR_14(Kind.SET_94, 'J', null),
    /** JIS X 0201 Katakana, half-width (PS3.5 §H.1.1). */
    ISO_IR_13(Kind.SET_94, 'I', null),
    /** Latin alphabet No. 1, right half of ISO 8859-1. */
    ISO_IR_100(Kind.SET_96, 'A', "ISO-8859-1"),
    /** Latin alphabet No. 2, right half of ISO 8859-2. */
    ISO_IR_101(Kind.SET_96, 'B', "ISO-8859-2"),
    /** Latin alphabet No. 3, right half of ISO 8859-3. */
    ISO_IR_109(Kind.SET_96, 'C', "ISO-8859-3"),
    /** Latin alphabet No. 4, right half of ISO 8859-4. */
    ISO_IR_110(Kind.SET_96, 'D', "ISO-8859-4"),
    /** Cyrillic, right half of ISO 8859-5. */
    ISO_IR_144(Kind.SET_96, 'L', "ISO-8859-5"),
    /** Arabic, right half of ISO 8859-6. */
    ISO_IR_127(Kind.SET_96, 'G', "ISO-8859-6"),
    /** Greek, right half of ISO 8859-7. */
    ISO_IR_126(Kind.SET_96, 'F', "ISO-8859-7"),
    /** Hebrew, right half of ISO 8859-8. */
    ISO_IR_138(Kind.SET_96, 'H', "ISO-8859-8"),
    /** Latin alphabet No. 5, right half of ISO 8859-9. */
    ISO_IR_148(Kind.SET_96, 'M', "ISO-8859-9"),
    /** Latin alphabet No. 9, right half of ISO 8859-15. */
    ISO_IR_203(Kind.SET_96, 'b', "ISO-8859-15"),
    /**
     * Thai, TIS 620-2533. ISO 8859-11 is TIS 620 plus NO-BREAK SPACE at 10/00, which is the table
     * the JDK has.
     */
    ISO_IR_166(Kind.SET_96, 'T', "x-iso-8859-11"),
    /** JIS X 0208 kanji, hiragana and katakana; the JDK table takes the 7-bit (GL) byte pairs. */
    ISO_IR_87(Kind.SET_94N, 'B', "x-JIS0208"),
    /** JIS X 0212 supplementary kanji; the JDK table takes the 7-bit (GL) byte pairs. */
    ISO_IR_159(Kind.SET_94N, 'D', "JIS0212"),
    /** KS X 1001 Hangul and Hanja; the JDK's EUC-KR is that set invoked in GR. */
    ISO_IR_149(Kind.SET_94N, 'C', "EUC-KR"),
    /** GB 2312 simplified Chinese; the JDK's GB2312 (EUC-CN) is that set invoked in GR. */
    ISO_IR_58(Kind.SET_94N, 'A', "GB2312");

    /** The ISO 2022 structure of a set: 94 or 96 single-byte positions, or 94x94 byte pairs. */
    enum Kind { SET_94, SET_96, SET_94N }

    static final char REPLACEMENT = '\uFFFD';
    static final int ESC = 0x1B;

    final Kind kind;
    /** The Final Byte F of the designation escape sequence. */
    final int finalByte;
    private final String jdkCharset;
    /** Single-byte sets: the characters at 7-bit positions 02/00..07/15 (index = position - 0x20). */
    private final char[] singles;
    /** 94x94 sets: characters at (row - 0x21) * 94 + (column - 0x21), built on first use. */
    private volatile char[] doubles;
    /** Sorted characters and their 7-bit codes, for encoding, built on first use. */
    private volatile ReverseTable reverse;

    CodeElement(Kind kind, char finalByte, String jdkCharset) {
        this.kind = kind;
        this.finalByte = finalByte;
        this.jdkCharset = jdkCharset;
        this.singles = kind == Kind.SET_94N ? null : buildSingles(name(), jdkCharset);
    }

    boolean isMultiByte() {
        return kind == Kind.SET_94N;
    }

    /**
     * Whether the set belongs in G0 in DICOM's use of it (PS3.3 Tables C.12-3, C.12-4): ISO-IR 6
     * and 14, and the Japanese double-byte sets ISO-IR 87 and 159; every other set is a G1 set.
     */
    boolean isG0Set() {
        return this == ISO_IR_6 || this == ISO_IR_14 || this == ISO_IR_87 || this == ISO_IR_159;
    }

    /** True for the G0 sets in which 05/12, 05/14 and 03/13 are the DICOM delimiters. */
    boolean hasDelimiters() {
        return this == ISO_IR_6 || this == ISO_IR_14;
    }

    /** The character at 7-bit position {@code pos} (0x20..0x7F) of a single-byte set. */
    char single(int pos) {
        return singles[pos - 0x20];
    }

    /** The character at 7-bit row and column (each 0x21..0x7E) of a 94x94 set. */
    char pair(int row, int column) {
        char[] table = doubles;
        if (table == null) {
            table = loadDoubles();
        }
        return table[(row - 0x21) * 94 + (column - 0x21)];
    }

    /**
     * The 7-bit code of {@code c} in this set (a position 0x20..0x7F, or row &lt;&lt; 8 | column for
     * the 94x94 sets), or -1 when the set does not have the character.
     */
    int codeOf(char c) {
        ReverseTable table = reverse;
        if (table == null) {
            table = loadReverse();
        }
        return table.codeOf(c);
    }

    /**
     * The escape sequence that designates this set to G0 ({@code toG1} false) or to G1, ISO/IEC
     * 2022 §14: ESC ( F and ESC ) F for 94-sets, ESC - F for 96-sets (G1 only), ESC $ F or
     * ESC $ ( F and ESC $ ) F for 94x94 sets.
     */
    byte[] designation(boolean toG1) {
        switch (kind) {
            case SET_94:
                return new byte[] {ESC, (byte) (toG1 ? ')' : '('), (byte) finalByte};
            case SET_96:
                return new byte[] {ESC, '-', (byte) finalByte};
            default:
                if (toG1) {
                    return new byte[] {ESC, '$', ')', (byte) finalByte};
                }
                // The short form ESC $ F exists only for Final Bytes 04/00 to 04/02 (PS3.5 §H.1.2 note).
                return finalByte <= 'B'
                        ? new byte[] {ESC, '$', (byte) finalByte}
                        : new byte[] {ESC, '$', '(', (byte) finalByte};
        }
    }

    /**
     * The set an escape sequence designates, or null when it is not one of these sets. {@code i1}
     * and {@code i2} are the Intermediate Bytes between ESC and the Final Byte {@code fin} ({@code
     * i2} is -1 when there is only one); {@code toG1[0]} receives whether the target is G1. Accepts, besides the sequences DICOM writes, the long form ESC $ ( F for
     * every 94x94 set, ESC $ @ (JIS C 6226-1978, read as its successor JIS X 0208), and any 94-set
     * or 94x94 set in the other of G0 and G1, since the decoder handles either placement.
     */
    static CodeElement designated(int i1, int i2, int fin, boolean[] toG1) {
        if (i1 == '$') {
            int target = i2 < 0 ? '(' : i2;
            if (target != '(' && target != ')') {
                return null;
            }
            if (i2 < 0 && fin > 'B') {
                return null;
            }
            toG1[0] = target == ')';
            if (fin == '@') {
                return ISO_IR_87;
            }
            for (CodeElement e : VALUES) {
                if (e.kind == Kind.SET_94N && e.finalByte == fin) {
                    return e;
                }
            }
            return null;
        }
        if (i2 >= 0) {
            return null;
        }
        if (i1 == '(' || i1 == ')') {
            toG1[0] = i1 == ')';
            for (CodeElement e : VALUES) {
                if (e.kind == Kind.SET_94 && e.finalByte == fin) {
                    return e;
                }
            }
            return null;
        }
        if (i1 == '-') {
            toG1[0] = true;
            for (CodeElement e : VALUES) {
                if (e.kind == Kind.SET_96 && e.finalByte == fin) {
                    return e;
                }
            }
        }
        return null;
    }

    private static final CodeElement[] VALUES = values();

    private static char[] buildSingles(String name, String jdkCharset) {
        char[] table = new char[96];
        switch (name) {
            case "ISO_IR_6":
                for (int i = 0; i < 96; i++) {
                    table[i] = (char) (0x20 + i);
                }
                break;
            case "ISO_IR_14":
                for (int i = 0; i < 96; i++) {
                    table[i] = (char) (0x20 + i);
                }
                table[0x5C - 0x20] = '\u00A5'; // YEN SIGN
                table[0x7E - 0x20] = '\u203E'; // OVERLINE
                break;
            case "ISO_IR_13":
                // JIS X 0201 Katakana 02/01..05/15 are U+FF61..U+FF9F in order.
                Arrays.fill(table, REPLACEMENT);
                for (int pos = 0x21; pos <= 0x5F; pos++) {
                    table[pos - 0x20] = (char) (0xFF61 + pos - 0x21);
                }
                break;
            default:
                byte[] high = new byte[96];
                for (int i = 0; i < 96; i++) {
                    high[i] = (byte) (0xA0 + i);
                }
                Charset cs = charsetOrNull(jdkCharset, name);
                if (cs == null) {
                    Arrays.fill(table, REPLACEMENT);
                } else {
                    CharsetDecoder decoder = strictDecoder(cs);
                    for (int i = 0; i < 96; i++) {
                        table[i] = decodeOne(decoder, high, i, 1);
                    }
                }
        }
        return table;
    }

    private synchronized char[] loadDoubles() {
        char[] table = doubles;
        if (table != null) {
            return table;
        }
        table = new char[94 * 94];
        Charset cs = charsetOrNull(jdkCharset, name());
        if (cs == null) {
            Arrays.fill(table, REPLACEMENT);
        } else {
            // EUC-KR and GB2312 take the pairs in GR, x-JIS0208 and JIS0212 in GL.
            int high = (this == ISO_IR_149 || this == ISO_IR_58) ? 0x80 : 0;
            CharsetDecoder decoder = strictDecoder(cs);
            byte[] pair = new byte[2];
            for (int row = 0x21; row <= 0x7E; row++) {
                for (int col = 0x21; col <= 0x7E; col++) {
                    pair[0] = (byte) (row | high);
                    pair[1] = (byte) (col | high);
                    table[(row - 0x21) * 94 + (col - 0x21)] = decodeOne(decoder, pair, 0, 2);
                }
            }
        }
        doubles = table;
        return table;
    }

    private synchronized ReverseTable loadReverse() {
        ReverseTable table = reverse;
        if (table != null) {
            return table;
        }
        int n = 0;
        char[] chars;
        int[] codes;
        if (kind == Kind.SET_94N) {
            chars = new char[94 * 94];
            codes = new int[94 * 94];
            for (int row = 0x21; row <= 0x7E; row++) {
                for (int col = 0x21; col <= 0x7E; col++) {
                    char c = pair(row, col);
                    if (c != REPLACEMENT) {
                        chars[n] = c;
                        codes[n++] = row << 8 | col;
                    }
                }
            }
        } else {
            chars = new char[96];
            codes = new int[96];
            int first = kind == Kind.SET_96 ? 0x20 : 0x21;
            int last = kind == Kind.SET_96 ? 0x7F : 0x7E;
            for (int pos = first; pos <= last; pos++) {
                char c = single(pos);
                if (c != REPLACEMENT) {
                    chars[n] = c;
                    codes[n++] = pos;
                }
            }
        }
        table = new ReverseTable(chars, codes, n);
        reverse = table;
        return table;
    }

    private static Charset charsetOrNull(String name, String element) {
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            // A runtime linked without the jdk.charsets module lacks the CJK and some ISO 8859 tables.
            // Not a static field: this runs while the enum constants are built, before static fields are set.
            System.getLogger(CodeElement.class.getName()).log(System.Logger.Level.WARNING,
                    "Charset {0} for {1} is not available in this Java runtime; its characters decode"
                            + " as U+FFFD", name, element);
            return null;
        }
    }

    private static CharsetDecoder strictDecoder(Charset cs) {
        return cs.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** The one character the bytes decode to, or U+FFFD; table building, so failures are expected. */
    private static char decodeOne(CharsetDecoder decoder, byte[] bytes, int offset, int length) {
        try {
            CharBuffer out = decoder.decode(ByteBuffer.wrap(bytes, offset, length));
            return out.length() == 1 ? out.get(0) : REPLACEMENT;
        } catch (CharacterCodingException e) {
            return REPLACEMENT;
        }
    }

    /** Characters sorted for binary search, with the lowest code that decodes to each. */
    private static final class ReverseTable {
        private final char[] chars;
        private final int[] codes;

        ReverseTable(char[] unsortedChars, int[] unsortedCodes, int n) {
            // Sorting (char, code) packed in a long puts the lowest code first among duplicates.
            long[] packed = new long[n];
            for (int i = 0; i < n; i++) {
                packed[i] = (long) unsortedChars[i] << 32 | unsortedCodes[i];
            }
            Arrays.sort(packed);
            char[] c = new char[n];
            int[] k = new int[n];
            int m = 0;
            for (long p : packed) {
                char ch = (char) (p >>> 32);
                if (m > 0 && c[m - 1] == ch) {
                    continue;
                }
                c[m] = ch;
                k[m++] = (int) p;
            }
            this.chars = Arrays.copyOf(c, m);
            this.codes = Arrays.copyOf(k, m);
        }

        int codeOf(char ch) {
            int i = Arrays.binarySearch(chars, ch);
            return i >= 0 ? codes[i] : -1;
        }
    }
}
