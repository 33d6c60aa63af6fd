package org.dicommeta.core;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.dicommeta.codec.DataSet;
import org.dicommeta.domain.MetadataFormat;
import org.dicommeta.domain.MetadataOptions;
import org.dicommeta.domain.MetadataRecords;
import org.dicommeta.domain.MetadataScope;
import org.dicommeta.domain.RecordInfo;
import org.dicommeta.domain.RenderOptions;
import org.dicommeta.domain.Uids;
import org.dicommeta.domain.WriteOutcome;

/** The records of one format: thin, validating delegation to the agent's store. */
final class DefaultMetadataRecords implements MetadataRecords {

    private final DefaultMetadataAgent agent;
    private final MetadataFormat format;

    DefaultMetadataRecords(DefaultMetadataAgent agent, MetadataFormat format) {
        this.agent = agent;
        this.format = format;
    }

    @Override
    public MetadataFormat format() {
        return format;
    }

    @Override
    public boolean exists(String sopInstanceUid) {
        Uids.requireSopInstanceUid(sopInstanceUid);
        return agent.store().exists(format, sopInstanceUid);
    }

    @Override
    public long count(MetadataScope scope) {
        Objects.requireNonNull(scope, "scope");
        return agent.store().count(format, scope);
    }

    @Override
    public Optional<byte[]> get(String sopInstanceUid) {
        Uids.requireSopInstanceUid(sopInstanceUid);
        return agent.store().getRecord(format, sopInstanceUid);
    }

    @Override
    public Optional<String> getText(String sopInstanceUid) {
        // Both formats are stored as UTF-8 (MetadataFormat).
        return get(sopInstanceUid).map(b -> new String(b, StandardCharsets.UTF_8));
    }

    @Override
    public Optional<InputStream> openStream(String sopInstanceUid) {
        Uids.requireSopInstanceUid(sopInstanceUid);
        return agent.store().openRecord(format, sopInstanceUid);
    }

    @Override
    public Optional<RecordInfo> info(String sopInstanceUid) {
        Uids.requireSopInstanceUid(sopInstanceUid);
        return agent.store().recordInfo(format, sopInstanceUid);
    }

    @Override
    public WriteOutcome store(DataSet dataSet, String sopInstanceUid, RenderOptions options, boolean overwrite) {
        Objects.requireNonNull(options, "options");
        if (options.format() != format) {
            throw new IllegalArgumentException("options for " + options.format() + " given to the " + format
                    + " records");
        }
        return agent.storeMetadata(dataSet, sopInstanceUid, MetadataOptions.single(options), overwrite).get(format);
    }

    @Override
    public long delete(Collection<String> sopInstanceUids) {
        List<String> uids = DefaultMetadataAgent.validated(sopInstanceUids);
        return uids.isEmpty() ? 0 : agent.store().deleteRecords(format, uids);
    }

    @Override
    public long deleteAll() {
        return agent.store().deleteAllRecords(format);
    }

    @Override
    public String toString() {
        return "MetadataRecords[" + format + ", " + agent.describe() + "]";
    }
}
