package io.permlab.cli;

import java.nio.file.Path;
import java.nio.file.Paths;

/** The project folder the launcher runs from (it sets -Dpermlab.home); the working directory otherwise. */
final class PermLabHome {
    private PermLabHome() {
    }

    static Path dir() {
        String home = System.getProperty("permlab.home");
        return (home == null || home.isBlank() ? Paths.get("") : Paths.get(home)).toAbsolutePath().normalize();
    }
}
