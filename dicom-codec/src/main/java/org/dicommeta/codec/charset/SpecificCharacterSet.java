package org.dicommeta.codec.charset;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.dicommeta.codec.VR;

/**
 * The character repertoire that Specific Character Set (0008,0005) names, decoding the bytes of
 * element values to Java strings and encoding them back.
 *
 * <p>Every Defined Term of PS3.3 §C.12.1.1.2 is understood: the single-byte sets without code
 * extensions (Table C.12-2: ISO_IR 100, 101, 109, 110, 144, 127, 126, 138, 148, 203, 13, 166), the
 * single-byte sets with code extensions (Table C.12-3: ISO 2022 IR 6, 100, 101, 109, 110, 144, 127,
 * 126, 138, 148, 203, 13, 166), the multi-byte sets with code extensions (Table C.12-4: ISO 2022 IR
 * 87, 159, 149, 58), and the multi-byte sets without code extensions (Table C.12-5: ISO_IR 192
 * (UTF-8), GB18030, GBK). With code extensions the escape sequences of ISO/IEC 2022 are followed as
 * PS3.5 §6.1.2.5 describes; see the package-private {@code Iso2022TextCodec} for the details.
 *
 * <p>Only the values of SH, LO, ST, LT, PN, UC and UT are in the specific character set (PS3.5
 * §6.1.2.3); every other VR is decoded as the default repertoire, leniently: bytes above 07/15 are
 * read as ISO 8859-1 instead of failing. Decoding never throws on malformed bytes (they become
 * U+FFFD) and never yields more chars than there are bytes.
 *
 * <p>JIS X 0201 (ISO_IR 13, ISO 2022 IR 13) puts ISO-IR 14 in G0, where 05/12 is YEN SIGN and 07/14
 * OVERLINE (PS3.5 §H.1.1); they decode so, except that in SH, LO, PN and UC 05/12 separates values
 * and decodes as backslash (PS3.5 §6.1.2.5.3, §H.1.1 note 3). Other readers differ here: pydicom
 * reads both bytes as ASCII, DCMTK reads 05/12 as YEN SIGN even where it separates values.
 *
 * <p><b>Lenient reading of the terms.</b> Terms are trimmed; one term holding several values
 * separated by backslash is split. A term that is not a Defined Term in its place is reported by
 * {@link #unknownTerms()} (and makes {@link #isKnown()} false) so that callers can warn, and is
 * interpreted as follows rather than rejected:
 * <ul>
 *   <li>a spelling variant of a Defined Term (case, '-' or '_' for space, e.g. "ISO-IR 100",
 *       "iso_ir 192"), "UTF-8"/"UTF8" (ISO_IR 192), "ISO_IR 6" (the default repertoire) and
 *       "GB2312" (read as GBK, its superset) mean that term;</li>
 *   <li>with several values, "ISO_IR nnn" means "ISO 2022 IR nnn" (writers mix the two);</li>
 *   <li>a multi-byte "ISO 2022" set as value 1 (often "ISO 2022 IR 149" alone) is used as if value
 *       1 were empty and it were value 2;</li>
 *   <li>with ISO_IR 192, GB18030 or GBK as value 1, further values are ignored: those repertoires
 *       allow no code extension (PS3.5 Annex J);</li>
 *   <li>any other unknown term is ignored, as if that value were empty; if it is value 1, the
 *       default repertoire applies, with bytes above 07/15 read as ISO 8859-1.</li>
 * </ul>
 *
 * <p>Instances are immutable, thread-safe and cached: {@link #valueOf} returns the same instance
 * for the same terms.
 */
public final class SpecificCharacterSet {

    private enum Type { DEFAULT, SINGLE, ISO2022_SINGLE, ISO2022_MULTI, MULTI }

    /** One Defined Term of PS3.3 Tables C.12-2 to C.12-5. */
    private record Term(String name, Type type, CodeElement g0, CodeElement g1, Charset charset) { }

    private static final Map<String, Term> TERMS = new HashMap<>();
    /** Spelling variants, keyed by {@link #aliasKey}. */
    private static final Map<String, Term> ALIASES = new HashMap<>();

    static {
        define(new Term("", Type.DEFAULT, CodeElement.ISO_IR_6, null, null));
        CodeElement[] singles = {
            CodeElement.ISO_IR_100, CodeElement.ISO_IR_101, CodeElement.ISO_IR_109, CodeElement.ISO_IR_110,
            CodeElement.ISO_IR_144, CodeElement.ISO_IR_127, CodeElement.ISO_IR_126, CodeElement.ISO_IR_138,
            CodeElement.ISO_IR_148, CodeElement.ISO_IR_203, CodeElement.ISO_IR_13, CodeElement.ISO_IR_166,
        };
        for (CodeElement g1 : singles) {
            String number = g1.name().substring("ISO_IR_".length());
            // JIS X 0201 is ISO-IR 14 in G0 with ISO-IR 13 in G1 (PS3.3 Tables C.12-2 and C.12-3).
            CodeElement g0 = g1 == CodeElement.ISO_IR_13 ? CodeElement.ISO_IR_14 : CodeElement.ISO_IR_6;
            define(new Term("ISO_IR " + number, Type.SINGLE, g0, g1, null));
            define(new Term("ISO 2022 IR " + number, Type.ISO2022_SINGLE, g0, g1, null));
        }
        define(new Term("ISO 2022 IR 6", Type.ISO2022_SINGLE, CodeElement.ISO_IR_6, null, null));
        define(new Term("ISO 2022 IR 87", Type.ISO2022_MULTI, CodeElement.ISO_IR_87, null, null));
        define(new Term("ISO 2022 IR 159", Type.ISO2022_MULTI, CodeElement.ISO_IR_159, null, null));
        define(new Term("ISO 2022 IR 149", Type.ISO2022_MULTI, null, CodeElement.ISO_IR_149, null));
        define(new Term("ISO 2022 IR 58", Type.ISO2022_MULTI, null, CodeElement.ISO_IR_58, null));
        define(new Term("ISO_IR 192", Type.MULTI, null, null, StandardCharsets.UTF_8));
        define(new Term("GB18030", Type.MULTI, null, null, charsetOrUtf8("GB18030")));
        define(new Term("GBK", Type.MULTI, null, null, charsetOrUtf8("GBK")));
        ALIASES.put(aliasKey("UTF-8"), TERMS.get("ISO_IR 192"));
        ALIASES.put(aliasKey("UTF8"), TERMS.get("ISO_IR 192"));
        ALIASES.put(aliasKey("ISO_IR 6"), TERMS.get(""));
        ALIASES.put(aliasKey("GB2312"), TERMS.get("GBK"));
    }

    private static final ConcurrentHashMap<List<String>, SpecificCharacterSet> CACHE = new ConcurrentHashMap<>();
    /** Keeps hostile input with ever new terms from growing the cache without bound. */
    private static final int CACHE_LIMIT = 512;
    private static final TextCodec LATIN_1 = new JdkTextCodec(StandardCharsets.ISO_8859_1);

    /** The default repertoire, ISO-IR 6 (PS3.5 §6.1.2.1): Specific Character Set absent or empty. */
    public static final SpecificCharacterSet DEFAULT = valueOf();

    /** ISO_IR 192, Unicode in UTF-8. */
    public static final SpecificCharacterSet UTF_8 = valueOf("ISO_IR 192");

    private final String[] terms;
    private final String[] unknownTerms;
    private final TextCodec codec;
    private final boolean utf8;

    private SpecificCharacterSet(String[] terms, String[] unknownTerms, TextCodec codec, boolean utf8) {
        this.terms = terms;
        this.unknownTerms = unknownTerms;
        this.codec = codec;
        this.utf8 = utf8;
    }

    /**
     * The character set named by the values of Specific Character Set (0008,0005).
     *
     * @param definedTerms the values, in order (value 1 first); null, no values, or only empty or
     *     blank values mean the default repertoire. Terms are trimmed; unknown ones do not throw (see
     *     the class comment for how they are read).
     * @return a shared instance
     */
    public static SpecificCharacterSet valueOf(String... definedTerms) {
        List<String> key = normalise(definedTerms);
        SpecificCharacterSet cached = CACHE.get(key);
        if (cached != null) {
            return cached;
        }
        SpecificCharacterSet created = create(key);
        if (CACHE.size() < CACHE_LIMIT) {
            SpecificCharacterSet raced = CACHE.putIfAbsent(key, created);
            return raced != null ? raced : created;
        }
        return created;
    }

    /**
     * Decodes the bytes of one element value. The value may hold several values separated by
     * backslash, and a PN its component groups separated by '=' and components by '^'; those
     * delimiters stay in the result, and so does any padding.
     *
     * @param bytes the buffer holding the value
     * @param offset where the value starts
     * @param length the value's length in bytes
     * @param vr the element's VR; only SH, LO, ST, LT, PN, UC and UT are decoded in this character
     *     set, every other VR as the default repertoire (bytes above 07/15 as ISO 8859-1)
     * @return the decoded text, with U+FFFD for bytes that do not decode; never longer than {@code
     *     length} chars
     * @throws IndexOutOfBoundsException when offset and length do not lie within {@code bytes}
     */
    public String decode(byte[] bytes, int offset, int length, VR vr) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        if (length == 0) {
            return "";
        }
        if (!isSpecific(vr)) {
            return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
        }
        return codec.decode(bytes, offset, length, vr);
    }

    /** Decodes a whole array; see {@link #decode(byte[], int, int, VR)}. */
    public String decode(byte[] bytes, VR vr) {
        return decode(bytes, 0, bytes.length, vr);
    }

    /**
     * Encodes a value for the Part 10 writer, the inverse of {@link #decode}. With code extensions
     * the escape sequences are written where needed and the initial sets of value 1 are designated
     * again before every delimiter and control character and at the end (PS3.5 §6.1.2.5.3).
     * Characters the repertoire cannot represent are written as '?'. No padding is added.
     *
     * @param value the text, delimiters included
     * @param vr the element's VR; VRs other than SH, LO, ST, LT, PN, UC and UT are written as ISO
     *     8859-1 (the lenient default repertoire)
     */
    public byte[] encode(String value, VR vr) {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty()) {
            return new byte[0];
        }
        if (!isSpecific(vr)) {
            return value.getBytes(StandardCharsets.ISO_8859_1);
        }
        return codec.encode(value, vr);
    }

    /** The terms this set was made from, trimmed, value 1 first; empty for the default repertoire. */
    public String[] definedTerms() {
        return terms.clone();
    }

    /**
     * The terms that are not Defined Terms of PS3.3 §C.12.1.1.2 in the place they were given, and
     * so were read leniently or ignored (see the class comment); empty when {@link #isKnown()}.
     */
    public String[] unknownTerms() {
        return unknownTerms.clone();
    }

    /** True when every term is a Defined Term in its place, so nothing was guessed. */
    public boolean isKnown() {
        return unknownTerms.length == 0;
    }

    /** True for ISO_IR 192, Unicode in UTF-8. */
    public boolean isUtf8() {
        return utf8;
    }

    /** True when ISO/IEC 2022 escape sequences are interpreted (a term with the "ISO 2022" prefix). */
    public boolean hasCodeExtensions() {
        return codec instanceof Iso2022TextCodec;
    }

    /** The VRs whose values are in the specific character set (PS3.5 §6.1.2.3). */
    private static boolean isSpecific(VR vr) {
        switch (vr) {
            case SH: case LO: case ST: case LT: case PN: case UC: case UT:
                return true;
            default:
                return false;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SpecificCharacterSet && Arrays.equals(terms, ((SpecificCharacterSet) o).terms);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(terms);
    }

    /** The terms as (0008,0005) would hold them, e.g. {@code ISO 2022 IR 13\ISO 2022 IR 87}. */
    @Override
    public String toString() {
        return String.join("\\", terms);
    }

    private static void define(Term term) {
        TERMS.put(term.name, term);
        ALIASES.put(aliasKey(term.name), term);
    }

    private static String aliasKey(String term) {
        StringBuilder sb = new StringBuilder(term.length());
        for (int i = 0; i < term.length(); i++) {
            char c = term.charAt(i);
            if (c == '_' || c == '-' || Character.isWhitespace(c)) {
                c = ' ';
                if (sb.length() > 0 && sb.charAt(sb.length() - 1) == ' ') {
                    continue;
                }
            }
            sb.append(c);
        }
        return sb.toString().strip().toUpperCase(Locale.ROOT);
    }

    private static Charset charsetOrUtf8(String name) {
        if (Charset.isSupported(name)) {
            return Charset.forName(name);
        }
        // A runtime linked without the jdk.charsets module; UTF-8 at least keeps ASCII readable.
        System.getLogger(SpecificCharacterSet.class.getName()).log(System.Logger.Level.WARNING,
                "Charset {0} is not available in this Java runtime; values in it decode as UTF-8", name);
        return StandardCharsets.UTF_8;
    }

    /** Trimmed terms, split at backslashes, without trailing empty values. */
    private static List<String> normalise(String[] definedTerms) {
        List<String> out = new ArrayList<>();
        if (definedTerms != null) {
            for (String t : definedTerms) {
                if (t == null) {
                    out.add("");
                    continue;
                }
                int from = 0;
                int cut;
                while ((cut = t.indexOf('\\', from)) >= 0) {
                    out.add(t.substring(from, cut).strip());
                    from = cut + 1;
                }
                out.add(t.substring(from).strip());
            }
        }
        int n = out.size();
        while (n > 0 && out.get(n - 1).isEmpty()) {
            n--;
        }
        return List.copyOf(out.subList(0, n));
    }

    private static SpecificCharacterSet create(List<String> key) {
        String[] terms = key.toArray(new String[0]);
        List<String> unknown = new ArrayList<>();
        Term[] resolved = new Term[terms.length];
        for (int i = 0; i < terms.length; i++) {
            Term t = TERMS.get(terms[i]);
            if (t == null) {
                unknown.add(terms[i]);
                t = ALIASES.get(aliasKey(terms[i]));
            }
            resolved[i] = t;
        }
        TextCodec codec;
        boolean utf8 = false;
        Term first = resolved.length == 0 ? TERMS.get("") : resolved[0];
        if (first != null && first.type == Type.MULTI) {
            codec = new JdkTextCodec(first.charset);
            utf8 = first.charset.equals(StandardCharsets.UTF_8);
            for (int i = 1; i < terms.length; i++) {
                addOnce(unknown, terms[i]);
            }
        } else if (resolved.length <= 1 && (first == null || first.type == Type.DEFAULT)) {
            codec = LATIN_1;
        } else if (resolved.length == 1 && first.type == Type.SINGLE) {
            codec = first.g1 == CodeElement.ISO_IR_100 ? LATIN_1 : new SingleByteTextCodec(first.g0, first.g1);
        } else {
            codec = iso2022(terms, resolved, unknown);
        }
        return new SpecificCharacterSet(terms, unknown.toArray(new String[0]), codec, utf8);
    }

    private static TextCodec iso2022(String[] terms, Term[] resolved, List<String> unknown) {
        CodeElement initialG0 = CodeElement.ISO_IR_6;
        CodeElement initialG1 = null;
        List<CodeElement> declared = new ArrayList<>();
        for (int i = 0; i < resolved.length; i++) {
            Term t = resolved[i];
            if (t == null) {
                continue;
            }
            switch (t.type) {
                case DEFAULT:
                    break;
                case SINGLE:
                case ISO2022_SINGLE:
                    if (t.type == Type.SINGLE && terms.length > 1) {
                        addOnce(unknown, terms[i]);
                    }
                    if (i == 0) {
                        initialG0 = t.g0;
                        initialG1 = t.g1;
                    }
                    addOnce(declared, t.g0);
                    if (t.g1 != null) {
                        addOnce(declared, t.g1);
                    }
                    break;
                case ISO2022_MULTI:
                    if (i == 0) {
                        addOnce(unknown, terms[i]);
                    }
                    addOnce(declared, t.g0 != null ? t.g0 : t.g1);
                    break;
                default:
                    // UTF-8, GB18030 or GBK after value 1: they allow no code extension.
                    addOnce(unknown, terms[i]);
            }
        }
        declared.remove(initialG0);
        declared.add(0, initialG0);
        if (initialG1 != null) {
            declared.remove(initialG1);
            declared.add(1, initialG1);
        }
        return new Iso2022TextCodec(initialG0, initialG1, declared.toArray(new CodeElement[0]));
    }

    private static <T> void addOnce(List<T> list, T item) {
        if (!list.contains(item)) {
            list.add(item);
        }
    }
}
