package io.permlab.model;

import java.util.Locale;

/** The five kinds of problems of the founding enforcement case (docs/rulebase.md, founding case); reports group findings by them. */
public enum Stage {
    COLLECTION(new Localized("收集", "Collection")),
    STORAGE(new Localized("存储", "Storage")),
    USE_TRANSFER(new Localized("使用与提供", "Use and transfer")),
    MANAGEMENT(new Localized("管理", "Management")),
    SECURITY(new Localized("安全", "Security"));

    private final Localized label;

    Stage(Localized label) {
        this.label = label;
    }

    public Localized label() {
        return label;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Stage fromId(String id) {
        for (Stage s : values()) {
            if (s.id().equalsIgnoreCase(id)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown stage '" + id + "' (expected collection, storage, use_transfer, management or security)");
    }
}
