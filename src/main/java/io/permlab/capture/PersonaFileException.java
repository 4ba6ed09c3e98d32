package io.permlab.capture;

import java.nio.file.Path;

/** A persona file that cannot be used; the message names the file and the field. */
public final class PersonaFileException extends Exception {
    public PersonaFileException(Path file, String problem) {
        super(file + ": " + problem);
    }
}
