package io.permlab.model;

/** Report languages. */
public enum Lang {
    ZH, EN;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
