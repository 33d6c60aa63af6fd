package org.dicommeta.domain;

/**
 * One instance a generation run could not render.
 *
 * @param sopInstanceUid the instance
 * @param source         its source, password masked
 * @param reason         one line: what failed, naming file and offset where known
 * @param errorType      the simple name of the exception type ("InvalidDicomException", ...)
 */
public record InstanceFailure(String sopInstanceUid, String source, String reason, String errorType) {
}
