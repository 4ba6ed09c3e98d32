package io.permlab.capture;

import io.permlab.model.dynamic.Persona;

/**
 * One exact text to look for. The search ignores case; a case-sensitive needle (base64) is checked again exactly.
 */
record Needle(String text, Persona.Field field, PersonaEncoding encoding, boolean caseSensitive) {
}
