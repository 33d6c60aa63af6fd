package org.dicommeta.adapter.filesystem;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.dicommeta.domain.BackendException;

/**
 * Whole-or-nothing file writes: the bytes go to a temporary file in the target's own directory (so the
 * rename never crosses a file system), the file is forced to disk, renamed over the target with
 * {@link StandardCopyOption#ATOMIC_MOVE} (POSIX {@code rename(2)}: readers see the old file or the new
 * one, never a mix), and the directory is forced so the rename itself survives a power cut. A failure
 * at any step deletes the temporary file; a crash leaves it behind, and the open scan removes it.
 */
final class AtomicFiles {

    /**
     * Writes the bytes of a temporary file. The seam through which tests simulate a full disk or an
     * I/O error part-way through a write.
     */
    @FunctionalInterface
    interface WriteHook {
        void write(FileChannel channel, ByteBuffer[] data, Path temp) throws IOException;
    }

    static final WriteHook PLAIN_WRITE = (channel, data, temp) -> {
        long remaining = 0;
        for (ByteBuffer b : data) {
            remaining += b.remaining();
        }
        while (remaining > 0) {
            remaining -= channel.write(data);
        }
    };

    private static final SecureRandom RANDOM = new SecureRandom();

    private final boolean fsync;
    private final WriteHook hook;

    AtomicFiles(boolean fsync, WriteHook hook) {
        this.fsync = fsync;
        this.hook = hook;
    }

    /** Replaces {@code target} with {@code data} atomically. Its directory must exist. */
    void write(Path target, ByteBuffer... data) {
        Path dir = target.getParent();
        byte[] nonce = new byte[6];
        RANDOM.nextBytes(nonce);
        Path temp = dir.resolve("." + target.getFileName() + "." + HexFormat.of().formatHex(nonce) + StoreLayout.TEMP_SUFFIX);
        try {
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                hook.write(ch, data, temp);
                if (fsync) {
                    ch.force(true);
                }
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(temp, e);
            if (e instanceof IOException io) {
                throw failure("Cannot write", target, io);
            }
            throw (RuntimeException) e;
        }
        syncDirectory(dir);
    }

    /** Deletes {@code file} if it exists (its directory is forced afterwards); returns whether it existed. */
    boolean delete(Path file) {
        boolean existed = deleteUnsynced(file);
        if (existed) {
            syncDirectory(file.getParent());
        }
        return existed;
    }

    /**
     * Deletes {@code file} if it exists without forcing its directory: the caller forces each directory
     * it touched once, before it returns (a crash before that may bring the file back, as if the call
     * had not happened, which it had not finished doing).
     */
    boolean deleteUnsynced(Path file) {
        try {
            return Files.deleteIfExists(file);
        } catch (IOException e) {
            throw failure("Cannot delete", file, e);
        }
    }

    /** Creates {@code dir}, whose parent exists, unless it exists; forces the parent that gained it. */
    void createDirectory(Path dir) {
        if (Files.isDirectory(dir)) {
            return;
        }
        try {
            Files.createDirectory(dir);
        } catch (FileAlreadyExistsException e) {
            if (Files.isDirectory(dir)) {
                return; // another thread made it first
            }
            throw failure("Cannot create directory", dir, e);
        } catch (IOException e) {
            throw failure("Cannot create directory", dir, e);
        }
        syncDirectory(dir.getParent());
    }

    /**
     * Forces a directory's entries to disk (POSIX: fsync on the directory). Where the platform cannot
     * open a directory for that (Windows), the rename's own durability is all there is; that is not an
     * error.
     */
    void syncDirectory(Path dir) {
        if (!fsync) {
            return;
        }
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (AccessDeniedException e) {
            // Windows refuses to open a directory as a channel; nothing more can be done there.
        } catch (IOException e) {
            throw failure("Cannot sync directory", dir, e);
        }
    }

    private static void deleteQuietly(Path temp, Exception cause) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException | RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    /** The domain's error for an I/O failure on {@code path}, its likely cause spelled out. */
    static BackendException failure(String action, Path path, IOException e) {
        return new BackendException(action + " " + path + ": " + reason(e), e);
    }

    static String reason(IOException e) {
        String msg = String.valueOf(e.getMessage());
        if (msg.contains("No space left on device") || msg.contains("Disk quota exceeded")) {
            return "the disk is full (" + msg + ")";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return e.getClass().getSimpleName() + ": " + msg;
    }
}
