package io.permlab.device.android;

/** One choice a dialog offers: its meaning, its label as shown, where to tap, and whether it is already selected. */
public record OfferedChoice(Choice choice, String label, Locator locator, boolean selected) {
}
