package io.permlab.inspect.apk;

import java.io.EOFException;
import java.nio.BufferUnderflowException;

/**
 * Says what a library's failure means about the bytes it was reading, as a clause ("it is truncated"). apktool's
 * own assertions (a JVM run with -ea, as tests are) fail on damaged input too and end up here as "corrupt".
 * apktool's and dexlib2's exception texts are written for their developers ("Cannot read field "valueType" because
 * "attr" is null") and never reach a report: the failure's kind is all a user can act on.
 */
final class ReadFailure {
    private ReadFailure() {
    }

    /** @return a clause such as "it is truncated (…)" or "it points past the end of its data" */
    static String of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof EOFException || t instanceof BufferUnderflowException) {
                return "it is truncated (it ends before its structure does)";
            }
            if (t instanceof OutOfMemoryError) {
                return "it declares more data than it holds (reading it would need more memory than PermLab has)";
            }
            if (t instanceof IndexOutOfBoundsException) {
                return "it points past the end of its data";
            }
            if (t instanceof NegativeArraySizeException) {
                return "it declares a negative size";
            }
            if (t instanceof NullPointerException) {
                return "it lacks a part its format requires";
            }
        }
        return "it is corrupt (its structure does not follow the format)";
    }
}
