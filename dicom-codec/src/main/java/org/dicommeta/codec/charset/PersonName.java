package org.dicommeta.codec.charset;

/**
 * One value of a PN (Person Name) element, split the way PS3.5 §6.2.1 defines it: up to three
 * component groups separated by '=' (alphabetic, ideographic, phonetic), each of up to five
 * components separated by '^' (family name, given name, middle name, prefix, suffix). The DICOM JSON
 * writer uses the groups ("Alphabetic", "Ideographic", "Phonetic", PS3.18 §F.2.2) and the Native
 * DICOM Model writer the components (FamilyName, GivenName, MiddleName, NamePrefix, NameSuffix,
 * PS3.19 §A.1).
 *
 * <p>A PN element may hold several values separated by backslash; split them first, a
 * {@code PersonName} is one value (a backslash in it is kept as text). Nothing is trimmed: padding
 * and spaces around components are the caller's business. Text that breaks the structure is kept,
 * not dropped: a fourth and further '='-separated group stay in the phonetic group's text, and a
 * sixth and further '^'-separated component in the suffix.
 *
 * <p>Immutable and thread-safe.
 */
public final class PersonName {

    /** The component groups of PS3.5 §6.2.1, in the order they are written. */
    public enum Group {
        /** Single-byte characters, Latin script. */
        ALPHABETIC,
        /** Ideographic characters (kanji, hanja, hanzi). */
        IDEOGRAPHIC,
        /** Phonetic characters (hiragana, katakana, hangul). */
        PHONETIC
    }

    /** The components of a group, PS3.5 §6.2.1, in the order they are written. */
    public enum Component {
        /** Family name complex. */
        FAMILY,
        /** Given name complex. */
        GIVEN,
        /** Middle name. */
        MIDDLE,
        /** Name prefix. */
        PREFIX,
        /** Name suffix. */
        SUFFIX
    }

    private static final int GROUPS = 3;
    private static final int COMPONENTS = 5;

    /** The name without any group or component. */
    public static final PersonName EMPTY = new PersonName("", new String[] {"", "", ""});

    private final String value;
    private final String[] groups;

    private PersonName(String value, String[] groups) {
        this.value = value;
        this.groups = groups;
    }

    /**
     * Splits one PN value into its groups.
     *
     * @param value the decoded value (see {@link SpecificCharacterSet#decode}); null reads as empty
     */
    public static PersonName parse(String value) {
        if (value == null || value.isEmpty()) {
            return EMPTY;
        }
        String[] groups = split(value, '=', GROUPS);
        return new PersonName(value, groups);
    }

    /**
     * The name with these group texts, each '^'-separated as in a PN value; null or empty for an
     * absent group. The value is written without trailing empty groups, e.g. {@code of("Doe^John",
     * null, null)} is {@code Doe^John}. Used by the JSON reader (PS3.18 §F.2.2).
     */
    public static PersonName of(String alphabetic, String ideographic, String phonetic) {
        String[] groups = {nullToEmpty(alphabetic), nullToEmpty(ideographic), nullToEmpty(phonetic)};
        return new PersonName(join(groups, '='), groups);
    }

    /**
     * This name with one component replaced; the group is rewritten without trailing empty
     * components, so building a name from the XML elements of PS3.19 §A.1 gives the usual value,
     * e.g. {@code Doe^John}.
     *
     * @param text the component, null or empty to clear it
     */
    public PersonName withComponent(Group group, Component component, String text) {
        String[] components = split(groups[group.ordinal()], '^', COMPONENTS);
        components[component.ordinal()] = nullToEmpty(text);
        String[] newGroups = groups.clone();
        newGroups[group.ordinal()] = join(components, '^');
        return new PersonName(join(newGroups, '='), newGroups);
    }

    /** The text of a group, components and their '^' delimiters included; empty when absent. */
    public String group(Group group) {
        return groups[group.ordinal()];
    }

    /** True when the group has any text (it may still be only '^' delimiters). */
    public boolean hasGroup(Group group) {
        return !groups[group.ordinal()].isEmpty();
    }

    /** One component of a group; empty when absent. */
    public String component(Group group, Component component) {
        String g = groups[group.ordinal()];
        if (g.isEmpty()) {
            return "";
        }
        return split(g, '^', COMPONENTS)[component.ordinal()];
    }

    /** True when the value is empty. */
    public boolean isEmpty() {
        return value.isEmpty();
    }

    /** The PN value, exactly as parsed, or as composed by {@link #of} and {@link #withComponent}. */
    @Override
    public String toString() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PersonName && value.equals(((PersonName) o).value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** Splits at {@code delimiter} into exactly {@code parts} strings; the last keeps any excess. */
    private static String[] split(String s, char delimiter, int parts) {
        String[] out = new String[parts];
        int from = 0;
        for (int i = 0; i < parts; i++) {
            int cut = i == parts - 1 ? -1 : s.indexOf(delimiter, from);
            if (from > s.length()) {
                out[i] = "";
            } else if (cut < 0) {
                out[i] = s.substring(from);
                from = s.length() + 1;
            } else {
                out[i] = s.substring(from, cut);
                from = cut + 1;
            }
        }
        return out;
    }

    /** Joins with {@code delimiter}, leaving out trailing empty parts. */
    private static String join(String[] parts, char delimiter) {
        int n = parts.length;
        while (n > 0 && parts[n - 1].isEmpty()) {
            n--;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(delimiter);
            }
            sb.append(parts[i]);
        }
        return sb.toString();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
