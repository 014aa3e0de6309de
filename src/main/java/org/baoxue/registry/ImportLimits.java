package org.baoxue.registry;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits on an uploaded pupil list. {@code maxBytes} bounds the upload itself, {@code maxRows} the data rows,
 * {@code minInflateRatio} and {@code maxEntryBytes} the expansion of an .xlsx (a zip archive): a file whose parts
 * expand more than 1/minInflateRatio times, or beyond maxEntryBytes, is refused as a zip bomb.
 */
@ConfigurationProperties("baoxue.registry.import")
record ImportLimits(Long maxBytes, Integer maxRows, Double minInflateRatio, Long maxEntryBytes, Integer previewMinutes) {

    ImportLimits {
        maxBytes = maxBytes == null ? 20L * 1024 * 1024 : maxBytes;
        maxRows = maxRows == null ? 100_000 : maxRows;
        minInflateRatio = minInflateRatio == null ? 0.01 : minInflateRatio;
        maxEntryBytes = maxEntryBytes == null ? 200L * 1024 * 1024 : maxEntryBytes;
        previewMinutes = previewMinutes == null ? 60 : previewMinutes;
    }

    static ImportLimits defaults() {
        return new ImportLimits(null, null, null, null, null);
    }
}
