package org.dicommeta.codec.json;

/**
 * Splits a Person Name value into its component groups (PS3.5 §6.2.1.1: alphabetic, ideographic
 * and phonetic, separated by '=') and a group into its five components (separated by '^').
 *
 * <p>Public only so the XML writer and reader in the sibling package share it; not part of the API.
 */
public final class PersonNames {

    /** The JSON member names (PS3.18 §F.2.2) and XML element names (PS3.19 §A.1.5) of the groups. */
    public static final String[] GROUP_NAMES = {"Alphabetic", "Ideographic", "Phonetic"};

    /** The XML element names of the five components, in value order (PS3.19 §A.1.5). */
    public static final String[] COMPONENT_NAMES = {"FamilyName", "GivenName", "MiddleName", "NamePrefix", "NameSuffix"};

    private PersonNames() {
    }

    /** The three groups of a name; missing groups are empty strings, trailing '^' are kept as written. */
    public static String[] groups(String value) {
        String[] g = {"", "", ""};
        int start = 0;
        for (int k = 0; k < 3; k++) {
            int eq = k < 2 ? value.indexOf('=', start) : -1;
            if (eq < 0) {
                g[k] = value.substring(start);
                break;
            }
            g[k] = value.substring(start, eq);
            start = eq + 1;
        }
        return g;
    }

    /** The five components of one group; missing components are empty strings. */
    public static String[] components(String group) {
        String[] c = {"", "", "", "", ""};
        int start = 0;
        for (int k = 0; k < 5; k++) {
            int caret = k < 4 ? group.indexOf('^', start) : -1;
            if (caret < 0) {
                c[k] = group.substring(start);
                break;
            }
            c[k] = group.substring(start, caret);
            start = caret + 1;
        }
        return c;
    }

    /** Joins groups with '=' dropping trailing empty groups. */
    public static String joinGroups(String alphabetic, String ideographic, String phonetic) {
        String a = alphabetic == null ? "" : alphabetic;
        String i = ideographic == null ? "" : ideographic;
        String p = phonetic == null ? "" : phonetic;
        if (!p.isEmpty()) {
            return a + '=' + i + '=' + p;
        }
        if (!i.isEmpty()) {
            return a + '=' + i;
        }
        return a;
    }
}
