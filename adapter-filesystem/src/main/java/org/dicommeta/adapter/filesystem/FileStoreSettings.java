package org.dicommeta.adapter.filesystem;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How to open a file store. Build one with {@link #of(Path)} and the {@code with*} methods, then open it
 * with {@link FileStoreProvider#openStore(FileStoreSettings)}; or let the provider build it from a
 * {@code file:} URI and its options.
 *
 * @param root   the store directory (relative paths resolve against the working directory)
 * @param fsync  force every write to disk before it is published and the directory after it (URI option
 *               {@code dicommeta.fsync}, default true). False keeps the atomicity (readers still never
 *               see part of a record, and a killed process loses nothing it had published) but a power
 *               cut may lose the last writes; for tests and benchmarks.
 * @param create create the directory when it does not exist (URI option {@code dicommeta.create},
 *               default true). False makes a mistyped path an error instead of a new empty store.
 */
public record FileStoreSettings(Path root, boolean fsync, boolean create) {

    /** The option names a {@code file:} URI or an options map may carry, without the {@code dicommeta.} prefix. */
    public static final String OPTION_FSYNC = "fsync";
    public static final String OPTION_CREATE = "create";

    public FileStoreSettings {
        Objects.requireNonNull(root, "root");
    }

    /** A store in {@code root}, with fsync on and the directory created when missing. */
    public static FileStoreSettings of(Path root) {
        return new FileStoreSettings(root, true, true);
    }

    public FileStoreSettings withFsync(boolean fsync) {
        return new FileStoreSettings(root, fsync, create);
    }

    public FileStoreSettings withCreate(boolean create) {
        return new FileStoreSettings(root, fsync, create);
    }
}
