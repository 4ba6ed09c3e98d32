package io.permlab.model.apk;

/** A hard-coded cleartext URL and where it was first seen (a method in dex, or a file in the package). */
public record HttpEndpoint(String url, String where, int occurrences) {
}
