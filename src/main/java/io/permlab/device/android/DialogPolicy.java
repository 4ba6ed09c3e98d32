package io.permlab.device.android;

/** How a run answers a permission dialog (the run policies of docs/android-evidence.md). */
public enum DialogPolicy {
    GRANT("grant"), GRANT_APPROXIMATE("grant-approximate"), DENY("deny"), DENY_FOREVER("deny-forever");

    private final String id;

    DialogPolicy(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static DialogPolicy of(String id) {
        for (DialogPolicy policy : values()) {
            if (policy.id.equals(id)) {
                return policy;
            }
        }
        throw new IllegalArgumentException("unknown dialog policy \"" + id + "\" (grant, grant-approximate, deny, deny-forever)");
    }
}
