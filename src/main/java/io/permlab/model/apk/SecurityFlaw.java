package io.permlab.model.apk;

/**
 * One security weakness found in an app's code: what kind, where (dex entry, class, method with its parameter types)
 * and the instruction excerpt that shows it; {@code detail} is the value that matters (a mode, a transformation, a
 * masked key, a preference key), or empty. No instruction offsets: the place is the method, stable across rebuilds.
 */
public record SecurityFlaw(SecurityFlawKind kind, String dexFile, String className, String method, String excerpt,
                           String detail) {
    public SecurityFlaw {
        detail = detail == null ? "" : detail;
    }

    /** "com.x.Y.method" as call sites name a method. */
    public String where() {
        return className + "." + method.substring(0, method.indexOf('(') < 0 ? method.length() : method.indexOf('('));
    }
}
