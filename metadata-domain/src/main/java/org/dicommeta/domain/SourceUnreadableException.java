package org.dicommeta.domain;

/** An instance's source exists but reading it failed (permissions, I/O error). */
public class SourceUnreadableException extends MetadataException {

    private final String source;

    public SourceUnreadableException(String source, Throwable cause) {
        // The cause's message may quote the source again (URI.create does): mask it too.
        super("Cannot read source " + Secrets.mask(source) + ": " + Secrets.mask(describe(cause)), cause);
        this.source = Secrets.mask(source);
    }

    public String source() {
        return source;
    }

    private static String describe(Throwable t) {
        return t == null ? "unknown error" : t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
