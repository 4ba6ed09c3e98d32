package io.permlab.exercise;

/** An HTTP header. */
public record Header(String name, String value) {
}
