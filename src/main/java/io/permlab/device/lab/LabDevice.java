package io.permlab.device.lab;

/**
 * One Android device as a lab lists it: its adb serial ({@code udid}), a name, the Android version when the lab says
 * it, whether it can take a session now, and what the lab said about it ("busy: session 4f2c…", "node DOWN").
 */
public record LabDevice(String udid, String name, String platformVersion, State state, String detail) {
    public enum State {
        FREE("free"), BUSY("busy"), OFFLINE("offline");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public boolean free() {
        return state == State.FREE;
    }

    /** "34131JEGR08885 (Pixel 7, Android 14) free". */
    public String describe() {
        String what = name == null || name.equals(udid) ? "" : name;
        if (platformVersion != null) {
            what = what.isEmpty() ? "Android " + platformVersion : what + ", Android " + platformVersion;
        }
        return udid + (what.isEmpty() ? "" : " (" + what + ")") + " " + state.label() + (detail == null || detail.isEmpty() ? "" : ": " + detail);
    }
}
