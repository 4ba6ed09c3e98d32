package io.permlab.model.apk;

/**
 * An activity, activity-alias, service, receiver or provider. {@code exportedAttribute} is what the manifest says
 * (null when absent); {@code exported} is the effective value (implicitly true with an intent filter before API 31).
 */
public record AppComponent(String type, String name, Boolean exportedAttribute, boolean exported, String permission,
                           boolean hasIntentFilter, boolean launcher, boolean enabled) {
}
