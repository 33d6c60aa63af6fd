package org.dicommeta.domain;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** Precedence and canonical naming shared by the two option types. */
final class FlagSets {

    private FlagSets() {
    }

    static <E extends Enum<E>> EnumSet<E> copy(Set<E> flags, Class<E> type) {
        Objects.requireNonNull(flags, "flags");
        return flags.isEmpty() ? EnumSet.noneOf(type) : EnumSet.copyOf(flags);
    }

    /**
     * Removes every flag that a stronger one makes irrelevant, in the order of the spec:
     * ignore all &gt; ignore binary &gt; ignore pixel; then inline &gt; URI &gt; UUID.
     * {@code binaryReferences} lists the reference flags strongest first.
     */
    @SafeVarargs
    static <E extends Enum<E>> EnumSet<E> applyPrecedence(EnumSet<E> flags, E ignoreAll, E ignoreBinary,
            E ignorePixel, E... binaryReferences) {
        EnumSet<E> out = EnumSet.copyOf(flags);
        if (out.contains(ignoreAll)) {
            out.remove(ignoreBinary);
            out.remove(ignorePixel);
        }
        if (out.contains(ignoreBinary)) {
            out.remove(ignorePixel);
        }
        boolean noBinaryLeft = out.contains(ignoreAll) || out.contains(ignoreBinary);
        boolean stronger = false;
        for (E ref : binaryReferences) {
            if (noBinaryLeft || stronger) {
                out.remove(ref);
            } else if (out.contains(ref)) {
                stronger = true;
            }
        }
        return out;
    }

    static <E extends Enum<E>> String canonical(Set<E> effective, E uriFlag, String template) {
        String names = effective.stream().map(Enum::name).collect(Collectors.joining(","));
        return effective.contains(uriFlag) ? names + ";uri=" + template : names;
    }

    static String requireTemplate(String template) {
        Objects.requireNonNull(template, "bulkDataUriTemplate");
        if (template.isBlank()) {
            throw new IllegalArgumentException("bulkDataUriTemplate must not be blank");
        }
        return template;
    }
}
