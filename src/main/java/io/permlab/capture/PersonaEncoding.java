package io.permlab.capture;

/** How a persona value was written where it was seen. Phone prefixes and separators count as PLAIN. */
public enum PersonaEncoding {
    PLAIN, URL, BASE64, HEX, MD5, SHA1, SHA256
}
