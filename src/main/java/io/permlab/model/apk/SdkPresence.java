package io.permlab.model.apk;

/** A known SDK whose classes are in the app: which prefix matched, how many classes, one example class. */
public record SdkPresence(String sdkId, String prefix, int classCount, String exampleClass) {
}
