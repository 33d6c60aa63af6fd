package org.dicommeta.codec.io;

import java.nio.charset.StandardCharsets;
import org.dicommeta.codec.VR;

/**
 * The Specific Character Set (0008,0005) in force for a data set, for the Part 10 codec.
 *
 * <p>Only SH, LO, ST, LT, UC, UT and PN use it (PS3.5 §6.1.2.3); every other text VR is in the
 * default repertoire and decodes as ISO-8859-1 (a superset of it, so stray bytes survive).
 * This is a small stand-in (default repertoire, ISO_IR 100 and ISO_IR 192 only) until the
 * character set package of the codec is complete.
 */
final class TextCharset {

    static final TextCharset DEFAULT = new TextCharset(false);
    private static final TextCharset UTF8 = new TextCharset(true);

    private final boolean utf8;

    private TextCharset(boolean utf8) {
        this.utf8 = utf8;
    }

    /** The character set for the defined terms of (0008,0005); null or empty means the default repertoire. */
    static TextCharset of(String[] definedTerms) {
        if (definedTerms == null || definedTerms.length == 0) {
            return DEFAULT;
        }
        for (String t : definedTerms) {
            if (t != null && (t.strip().equals("ISO_IR 192"))) {
                return UTF8;
            }
        }
        return DEFAULT;
    }

    static boolean usesCharset(VR vr) {
        switch (vr) {
            case SH: case LO: case ST: case LT: case UC: case UT: case PN:
                return true;
            default:
                return false;
        }
    }

    String decode(byte[] b, int off, int len, VR vr) {
        if (utf8 && usesCharset(vr)) {
            return new String(b, off, len, StandardCharsets.UTF_8);
        }
        return new String(b, off, len, StandardCharsets.ISO_8859_1);
    }

    byte[] encode(String s, VR vr) {
        if (utf8 && usesCharset(vr)) {
            return s.getBytes(StandardCharsets.UTF_8);
        }
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
