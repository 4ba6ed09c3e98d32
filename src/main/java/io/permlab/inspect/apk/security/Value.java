package io.permlab.inspect.apk.security;

/**
 * What a register is known to hold at one point of a method, when the method's own instructions decide it: an
 * integer constant, a string constant, the bytes of a string constant, or a byte array filled from constant data.
 */
sealed interface Value {
    record Int(long value) implements Value {
    }

    record Str(String value) implements Value {
    }

    /** {@code "constant".getBytes(...)}. */
    record StringBytes(String value) implements Value {
    }

    /** {@code new byte[n]} filled by fill-array-data: {@code length} constant bytes (-1 while not yet filled). */
    record ConstBytes(int length) implements Value {
    }
}
