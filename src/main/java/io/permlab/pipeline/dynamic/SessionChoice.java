package io.permlab.pipeline.dynamic;

import java.net.URL;

/** Where runs happen: the local ChromeDriver (default), a Selenium Grid, or an Appium server. */
public record SessionChoice(Kind kind, URL url) {
    public enum Kind { LOCAL, GRID, APPIUM }

    public static SessionChoice local() {
        return new SessionChoice(Kind.LOCAL, null);
    }

    public static SessionChoice grid(URL url) {
        return new SessionChoice(Kind.GRID, url);
    }

    public static SessionChoice appium(URL url) {
        return new SessionChoice(Kind.APPIUM, url);
    }
}
