/**
 * An app's private storage on a device, read through adb: {@code run-as} for a debuggable app, {@code su -c} on a rooted
 * device, otherwise "not inspectable" with the device's own words for why. shared_prefs are parsed as Android writes them
 * ({@code XmlUtils.writeMapXml}), databases opened with sqlite-jdbc (text columns, bounded rows), text files under
 * {@code files/} read up to a size. The entries go to the flow runner's storage snapshot, where the PI scanner judges them
 * like browser storage. docs/android-traffic.md, "App storage".
 */
package io.permlab.device.storage;
