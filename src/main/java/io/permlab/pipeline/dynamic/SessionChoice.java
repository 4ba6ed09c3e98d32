package io.permlab.pipeline.dynamic;

import io.permlab.device.web.GridSessionLedger;

import java.net.URL;

/**
 * Where runs happen: the local ChromeDriver (default), a Selenium Grid, or an Appium server. A Grid's sessions are
 * told to {@code gridLedger} as they open and end (the batch journals them, to end those a killed run left open).
 */
public record SessionChoice(Kind kind, URL url, GridSessionLedger gridLedger) {
    public enum Kind { LOCAL, GRID, APPIUM }

    public static SessionChoice local() {
        return new SessionChoice(Kind.LOCAL, null, GridSessionLedger.NONE);
    }

    public static SessionChoice grid(URL url) {
        return new SessionChoice(Kind.GRID, url, GridSessionLedger.NONE);
    }

    public static SessionChoice appium(URL url) {
        return new SessionChoice(Kind.APPIUM, url, GridSessionLedger.NONE);
    }

    /** The same choice, its Grid sessions told to {@code ledger}. */
    public SessionChoice withGridLedger(GridSessionLedger ledger) {
        return new SessionChoice(kind, url, ledger);
    }
}
