package org.dicommeta.core;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import org.dicommeta.codec.CodecVersion;
import org.dicommeta.codec.DataSet;
import org.dicommeta.codec.DicomCodecException;
import org.dicommeta.domain.InvalidDicomException;
import org.dicommeta.domain.MetadataException;
import org.dicommeta.domain.RecordInfo;
import org.dicommeta.domain.RenderOptions;
import org.dicommeta.ports.RecordWrite;

/** Renders one record and attaches its provenance; shared by the single calls and the engine. */
final class Records {

    private Records() {
    }

    /**
     * Renders {@code dataSet} for {@code sopInstanceUid}.
     *
     * @param source named in the error when rendering fails
     * @throws InvalidDicomException when the codec cannot render the data set (naming source and UID)
     */
    static RecordWrite render(Renderer renderer, DataSet dataSet, String sopInstanceUid, String source,
            RenderOptions options, RecordWrite.Mode mode) {
        byte[] content;
        try {
            content = renderer.render(dataSet, options);
        } catch (org.dicommeta.codec.InvalidDicomException e) {
            throw new InvalidDicomException(source, e.offset(),
                    "cannot render " + options.format() + " of " + sopInstanceUid + ": " + Part10Sources.problem(e), e);
        } catch (DicomCodecException e) {
            throw new InvalidDicomException(source, -1,
                    "cannot render " + options.format() + " of " + sopInstanceUid + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new MetadataException("Rendering " + options.format() + " of " + sopInstanceUid + " from "
                    + org.dicommeta.domain.Secrets.mask(source) + " failed: " + e, e);
        }
        RecordInfo info = new RecordInfo(sopInstanceUid, options.format(), options.canonicalFlags(),
                CodecVersion.VERSION, Instant.now(), content.length, sha256(content));
        return new RecordWrite(info, content, mode);
    }

    /** Lower-case hex SHA-256 of {@code bytes}. */
    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            // Every Java SE implementation must provide SHA-256 (MessageDigest Javadoc).
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
