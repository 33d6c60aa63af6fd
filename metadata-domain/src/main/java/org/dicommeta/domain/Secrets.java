package org.dicommeta.domain;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks passwords in connection strings before they reach a message, a log line or a {@code toString}.
 * Handles the user-info form ({@code scheme://user:secret@host}) and query or property forms
 * ({@code password=secret}, {@code pwd=secret}, {@code secret=...}, {@code token=...}).
 */
public final class Secrets {

    public static final String MASK = "****";

    private static final Pattern USER_INFO = Pattern.compile("(//[^/@:?#]*:)([^@/?#]*)(@)");
    private static final Pattern PARAMETER =
            Pattern.compile("(?i)((?:^|[?&;,\\s])(?:password|pwd|pass|secret|token|apikey|api_key)=)([^&;,\\s]*)");

    private Secrets() {
    }

    /** The string with every password replaced by {@link #MASK}; null stays null. */
    public static String mask(String connection) {
        if (connection == null) {
            return null;
        }
        String s = USER_INFO.matcher(connection).replaceAll("$1" + Matcher.quoteReplacement(MASK) + "$3");
        return PARAMETER.matcher(s).replaceAll("$1" + Matcher.quoteReplacement(MASK));
    }
}
