package io.permlab.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * APKs written by others, used as test subjects. They are never committed: package.json pins them and
 * 'npm ci' (run by .ci/run and the README's test command) fetches them into node_modules/.
 */
public final class ThirdPartyApks {
    private ThirdPartyApks() {
    }

    /** Appium's ApiDemos (android-apidemos 5.0.0 on npm): 14 permissions, minSdk 17, targetSdk 33, debuggable. */
    public static Path apiDemos() {
        Path apk = home().resolve("node_modules/android-apidemos/apks/ApiDemos-debug.apk");
        if (!Files.isRegularFile(apk)) {
            throw new IllegalStateException(apk + " is missing: run 'npm ci' in " + home()
                    + " (the README's test command does) to fetch the pinned android-apidemos package");
        }
        return apk;
    }

    public static Path home() {
        return Paths.get(System.getProperty("permlab.home", "")).toAbsolutePath();
    }
}
