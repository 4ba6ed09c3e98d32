package io.permlab.model;

/**
 * What an APK target's target.json says for running it on a device: the application id adb and Appium address
 * ({@code "package"}, null when not given: the APK can still be scanned) and the activity to launch
 * ({@code "activity"}, null: the launcher's).
 */
public record AndroidApp(String packageName, String activity) {
}
