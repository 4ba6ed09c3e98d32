package io.permlab.batch;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The manifest's columns, found by header name in English or Chinese (regulators' sheets are in Chinese), in any order;
 * other columns (notes, dates) are ignored.
 */
enum ManifestColumns {
    NAME("name", "名称", "应用名称"),
    OPERATOR("operator", "vendor", "运营者", "开发者"),
    VERSION("version", "版本"),
    CATEGORY("category", "类别"),
    TARGET("target", "目标"),
    DEVICE("device", "设备");

    private final List<String> headers;

    ManifestColumns(String... headers) {
        this.headers = List.of(headers);
    }

    /** The English header, which problems name. */
    String id() {
        return headers.get(0);
    }

    static Optional<ManifestColumns> of(String header) {
        String h = normalize(header);
        for (ManifestColumns c : values()) {
            if (c.headers.contains(h)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    static String normalize(String header) {
        return header == null ? "" : header.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
    }

    /** The value of this column in a row given as header → value, blank as null. */
    String in(Map<ManifestColumns, String> row) {
        String v = row.get(this);
        return v == null || v.isBlank() ? null : v.strip();
    }
}
