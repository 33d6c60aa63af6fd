package org.dicommeta.adapter.filesystem;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.dicommeta.ports.MetadataStore;
import org.dicommeta.ports.StoreProvider;
import org.dicommeta.ports.StoreRequest;

/**
 * The provider of file stores: {@code file:} URIs (RFC 8089), found through {@link java.util.ServiceLoader}.
 *
 * <p>Accepted forms: {@code file:./metadata-store} and {@code file:metadata-store} (relative to the working
 * directory), {@code file:/abs/path}, {@code file:///abs/path} and {@code file://localhost/abs/path}.
 * Percent escapes ({@code %20}) are decoded, so a literal {@code %} is written {@code %25}. A host other
 * than {@code localhost}, a fragment, or an empty path is not a file store: {@link #accepts} says no.
 *
 * <p>Options, as {@code dicommeta.}-prefixed query parameters or in the options map (which wins):
 * {@code fsync} ({@code true}|{@code false}, default true), {@code create} ({@code true}|{@code false},
 * default true) and {@code readOnly} ({@code true}|{@code false}, default false); see
 * {@link FileStoreSettings}. Any other option or query parameter is an error, so a typo never goes
 * unnoticed. Example: {@code file:/var/dicom/meta?dicommeta.fsync=false}.
 *
 * <p>Opening takes the store's exclusive write lock, unless read-only (no lock: any number of read-only
 * opens may run beside one writer); the caller owns the returned store and closes it.
 */
public final class FileStoreProvider implements StoreProvider {

    /** The scheme this provider recognises. */
    public static final String SCHEME = "file:";

    /** Required by {@link java.util.ServiceLoader}. */
    public FileStoreProvider() {
    }

    /**
     * Opens the store {@code settings} describe, outside of any URI. The caller owns and closes it.
     *
     * @throws org.dicommeta.domain.StoreLockedException when another process, or this one, has it open
     *         for writing (never for a read-only open)
     * @throws org.dicommeta.domain.BackendException naming the path when it cannot be created, read,
     *         written or locked, or is a non-empty directory that is not a store; for a read-only open,
     *         when there is no store at the path
     */
    public static MetadataStore openStore(FileStoreSettings settings) {
        return FileMetadataStore.open(settings, AtomicFiles.PLAIN_WRITE);
    }

    @Override
    public String name() {
        return "filesystem";
    }

    @Override
    public List<String> schemes() {
        return List.of(SCHEME);
    }

    @Override
    public boolean accepts(String uri) {
        try {
            if (uri == null) {
                return false;
            }
            int q = uri.indexOf('?');
            return path(q < 0 ? uri : uri.substring(0, q)).isPresent();
        } catch (RuntimeException e) {
            return false; // the SPI promises a plain no for anything unexpected
        }
    }

    @Override
    public MetadataStore open(StoreRequest request) {
        return openStore(settings(request));
    }

    /**
     * The settings a request names.
     *
     * @throws IllegalArgumentException for a URI this provider does not accept, an unknown query
     *         parameter or option, or a malformed option value
     */
    static FileStoreSettings settings(StoreRequest request) {
        StoreRequest.Split split = request.split();
        String uri = split.driverUri();
        int q = uri.indexOf('?');
        if (q >= 0) {
            throw new IllegalArgumentException("Unknown query parameter(s) '" + uri.substring(q + 1) + "' in "
                    + request.maskedUri() + "; a file: URI takes only dicommeta.fsync, dicommeta.create and dicommeta.readOnly");
        }
        Path root = path(uri).orElseThrow(() -> new IllegalArgumentException("Not a file store URI: "
                + request.maskedUri() + "; expected file:./dir, file:/abs/dir or file:///abs/dir"));
        FileStoreSettings settings = FileStoreSettings.of(root);
        for (Map.Entry<String, String> e : split.libraryOptions().entrySet()) {
            switch (e.getKey()) {
                case FileStoreSettings.OPTION_FSYNC:
                    settings = settings.withFsync(bool(e.getKey(), e.getValue(), request));
                    break;
                case FileStoreSettings.OPTION_CREATE:
                    settings = settings.withCreate(bool(e.getKey(), e.getValue(), request));
                    break;
                case FileStoreSettings.OPTION_READ_ONLY:
                    settings = settings.withReadOnly(bool(e.getKey(), e.getValue(), request));
                    break;
                default:
                    throw new IllegalArgumentException("Unknown option '" + e.getKey() + "' for " + request.maskedUri()
                            + "; the file store knows " + FileStoreSettings.OPTION_FSYNC + ", "
                            + FileStoreSettings.OPTION_CREATE + " and " + FileStoreSettings.OPTION_READ_ONLY);
            }
        }
        return settings;
    }

    private static boolean bool(String key, String value, StoreRequest request) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        if (v.equals("true")) {
            return true;
        }
        if (v.equals("false")) {
            return false;
        }
        throw new IllegalArgumentException("Option '" + key + "' of " + request.maskedUri()
                + " must be true or false, not '" + value + "'");
    }

    /** The path of a {@code file:} URI without query, or empty when it is not one this provider opens. */
    static Optional<Path> path(String uri) {
        if (uri.length() <= SCHEME.length() || !uri.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
                || uri.indexOf('#') >= 0) {
            return Optional.empty();
        }
        String rest = uri.substring(SCHEME.length());
        if (rest.startsWith("//")) {
            int slash = rest.indexOf('/', 2);
            String authority = slash < 0 ? rest.substring(2) : rest.substring(2, slash);
            if (!authority.isEmpty() && !authority.equalsIgnoreCase("localhost")) {
                return Optional.empty();
            }
            if (slash < 0) {
                return Optional.empty();
            }
            rest = rest.substring(slash);
        }
        Optional<String> decoded = percentDecode(rest);
        if (decoded.isEmpty() || decoded.get().isEmpty() || decoded.get().indexOf('\0') >= 0) {
            return Optional.empty();
        }
        String p = decoded.get();
        if (p.length() > 2 && p.charAt(0) == '/' && p.charAt(2) == ':' && Character.isLetter(p.charAt(1))
                && java.io.File.separatorChar == '\\') {
            p = p.substring(1); // file:///C:/dir on Windows
        }
        try {
            return Optional.of(Path.of(p));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    /** Decodes {@code %XX} escapes as UTF-8; a {@code %} without two hex digits is kept as it is. */
    private static Optional<String> percentDecode(String s) {
        if (s.indexOf('%') < 0) {
            return Optional.of(s);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int hi = c == '%' && i + 2 < s.length() ? Character.digit(s.charAt(i + 1), 16) : -1;
            int lo = hi >= 0 ? Character.digit(s.charAt(i + 2), 16) : -1;
            if (lo >= 0) {
                bytes.write(hi << 4 | lo);
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < s.length()) {
                    b = s.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                bytes.write(b, 0, b.length);
            }
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
