package org.dicommeta.cli;

import org.dicommeta.codec.CodecVersion;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the command line's version (from the jar manifest) and the codec's. */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = RootCommand.class.getPackage().getImplementationVersion();
        return new String[] {"dicom-metadata " + (version == null ? "(development build)" : version),
                "codec " + CodecVersion.VERSION, "Java " + Runtime.version()};
    }
}
