package org.dicommeta.domain;

/** No installed backend recognises a store URI. The message lists the schemes that are available. */
public class UnsupportedStoreUriException extends MetadataException {

    public UnsupportedStoreUriException(String uri, String availableSchemes) {
        super("No store backend accepts '" + Secrets.mask(uri) + "'; available: " + availableSchemes);
    }
}
