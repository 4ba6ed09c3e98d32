package io.permlab.cli;

import io.permlab.pipeline.PermLabVersion;
import picocli.CommandLine;

/** The version written into the jar's manifest by the build. */
public final class Version implements CommandLine.IVersionProvider {
    public static String current() {
        return PermLabVersion.current();
    }

    @Override
    public String[] getVersion() {
        return new String[]{"PermLab " + current(), "Java " + Runtime.version()};
    }
}
