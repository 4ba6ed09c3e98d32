package io.permlab.inspect;

/**
 * A target cannot be inspected: not a zip, truncated, unsafe entry names, a zip bomb, a missing or corrupt manifest.
 * The message is one line naming the file (and entry) and the reason; characters read from the damaged file that a
 * terminal or report would act on (control and format characters) are escaped.
 */
public class InspectionException extends Exception {
    private final String file;

    public InspectionException(String file, String reason) {
        super(SafeZip.printable(reason));
        this.file = file;
    }

    public InspectionException(String file, String reason, Throwable cause) {
        super(SafeZip.printable(reason), cause);
        this.file = file;
    }

    public String file() {
        return file;
    }

    public String oneLine() {
        return file + ": " + getMessage();
    }
}
