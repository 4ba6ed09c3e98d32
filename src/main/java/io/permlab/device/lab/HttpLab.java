package io.permlab.device.lab;

import com.google.gson.JsonElement;

import java.net.URL;
import java.util.List;

/**
 * A lab that one HTTP GET describes (the device-farm plugin's device list, a Grid's /status) and that takes sessions at
 * its own URL. Subclasses only read the answer's shape.
 */
abstract class HttpLab implements Lab {
    private final URL url;
    private final String devicesPath;
    private final String fix;

    HttpLab(URL url, String devicesPath, String fix) {
        this.url = url;
        this.devicesPath = devicesPath;
        this.fix = fix;
    }

    @Override
    public final List<LabDevice> devices() throws LabException {
        return read(LabHttp.get(url, devicesPath, fix), url + devicesPath);
    }

    /** The devices in the lab's answer; {@code source} names where it came from in errors. */
    abstract List<LabDevice> read(JsonElement answer, String source) throws LabException;

    @Override
    public final URL sessionUrl() {
        return url;
    }

    final URL url() {
        return url;
    }
}
