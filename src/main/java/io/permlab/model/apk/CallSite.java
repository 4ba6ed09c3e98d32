package io.permlab.model.apk;

/** One place in the app's code that reaches a sensitive API: the calling method, what it references, which dex. */
public record CallSite(String caller, String reference, String dexFile) {
}
