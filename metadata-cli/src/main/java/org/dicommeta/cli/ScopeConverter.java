package org.dicommeta.cli;

import org.dicommeta.domain.MetadataScope;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses {@code --scope} in any case: all, existing, missing. */
final class ScopeConverter implements ITypeConverter<MetadataScope> {

    @Override
    public MetadataScope convert(String value) {
        try {
            return MetadataScope.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException("'" + value + "' is not a scope; expected all, existing or missing");
        }
    }
}
