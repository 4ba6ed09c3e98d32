/**
 * Points an Android device's HTTP proxy at PermLab's recording proxy through adb, and always puts it back: in a
 * finally, in a JVM shutdown hook, and through a marker file the next run reads if this one died. adb runs behind
 * {@link io.permlab.device.adbproxy.AdbShell}, so the logic is tested without a device. docs/android-traffic.md.
 */
package io.permlab.device.adbproxy;
