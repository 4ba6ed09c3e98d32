package io.permlab.device.lab;

import java.net.URL;
import java.util.List;

/**
 * A device lab: a place that lists Android devices and takes Appium sessions for them at one URL. Either an Appium
 * server with the device-farm plugin ({@link DeviceFarmLab}) or a Selenium Grid whose nodes relay to Appium
 * ({@link GridLab}). A session for one device is asked for at {@link #sessionUrl()} with {@code appium:udid} set.
 */
public interface Lab {
    /** Every Android device the lab knows, free, busy or offline; an error when the lab cannot be asked. */
    List<LabDevice> devices() throws LabException;

    /** Where the Appium sessions are requested. */
    URL sessionUrl();

    /** "appium device-farm http://hub:4723". */
    String describe();
}
