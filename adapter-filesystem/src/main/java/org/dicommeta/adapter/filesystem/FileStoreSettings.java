package org.dicommeta.adapter.filesystem;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How to open a file store. Build one with {@link #of(Path)} and the {@code with*} methods, then open it
 * with {@link FileStoreProvider#openStore(FileStoreSettings)}; or let the provider build it from a
 * {@code file:} URI and its options.
 *
 * @param root     the store directory (relative paths resolve against the working directory)
 * @param fsync    force every write to disk before it is published and the directory after it (URI option
 *                 {@code dicommeta.fsync}, default true). False keeps the atomicity (readers still never
 *                 see part of a record, and a killed process loses nothing it had published) but a power
 *                 cut may lose the last writes; for tests and benchmarks.
 * @param create   create the directory when it does not exist (URI option {@code dicommeta.create},
 *                 default true). False makes a mistyped path an error instead of a new empty store.
 * @param readOnly open without the writer lock, for readers beside a writer in another process (URI
 *                 option {@code dicommeta.readOnly}, default false). Nothing on disk is created, changed
 *                 or removed (so {@code create} has no effect), the store must already exist, and every
 *                 write method throws. The view is the snapshot the open scan took; see the module
 *                 README for what it sees of later changes.
 */
public record FileStoreSettings(Path root, boolean fsync, boolean create, boolean readOnly) {

    /** The option names a {@code file:} URI or an options map may carry, without the {@code dicommeta.} prefix. */
    public static final String OPTION_FSYNC = "fsync";
    public static final String OPTION_CREATE = "create";
    public static final String OPTION_READ_ONLY = "readOnly";

    public FileStoreSettings {
        Objects.requireNonNull(root, "root");
    }

    /** Read-write settings, as before read-only opens existed. */
    public FileStoreSettings(Path root, boolean fsync, boolean create) {
        this(root, fsync, create, false);
    }

    /** A store in {@code root}, read-write, with fsync on and the directory created when missing. */
    public static FileStoreSettings of(Path root) {
        return new FileStoreSettings(root, true, true, false);
    }

    public FileStoreSettings withFsync(boolean fsync) {
        return new FileStoreSettings(root, fsync, create, readOnly);
    }

    public FileStoreSettings withCreate(boolean create) {
        return new FileStoreSettings(root, fsync, create, readOnly);
    }

    public FileStoreSettings withReadOnly(boolean readOnly) {
        return new FileStoreSettings(root, fsync, create, readOnly);
    }
}
