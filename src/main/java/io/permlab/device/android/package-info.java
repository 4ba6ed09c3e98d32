/**
 * Device-independent readers of the evidence an Android device gives: {@code dumpsys package} (requested, install and
 * runtime permissions with their flags), {@code appops get} / {@code dumpsys appops} (last access per operation and the
 * uid state it happened in) and UiAutomator2 page sources of system permission dialogs. Pure parsing of strings and XML:
 * no adb, no Appium; the session that runs the commands lives elsewhere. Formats and sources: docs/android-evidence.md.
 */
package io.permlab.device.android;
