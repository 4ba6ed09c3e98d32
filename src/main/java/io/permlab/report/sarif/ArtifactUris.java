package io.permlab.report.sarif;

import com.google.gson.JsonObject;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * artifactLocation objects for inspected files: a relative URI against {@link #BASE_ID} (the directory PermLab ran
 * in) when the file is below it, so results stay valid on another checkout; an absolute file: URI otherwise.
 */
final class ArtifactUris {
    static final String BASE_ID = "%SRCROOT%";

    private final Path base;

    ArtifactUris(Path base) {
        this.base = base.toAbsolutePath().normalize();
    }

    /** The file: URI of the base directory, with the trailing slash SARIF requires of a uriBaseId. */
    String baseUri() {
        String uri = base.toUri().toASCIIString();
        return uri.endsWith("/") ? uri : uri + "/";
    }

    /** An artifactLocation for a path as the pipeline recorded it (relative to the working directory, or absolute). */
    JsonObject of(String file) {
        try {
            return of(Path.of(file));
        } catch (InvalidPathException e) {
            JsonObject loc = new JsonObject();
            loc.addProperty("uri", file);
            return loc;
        }
    }

    JsonObject of(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        JsonObject loc = new JsonObject();
        String relative = absolute.startsWith(base) ? relativeUri(base.relativize(absolute)) : null;
        if (relative != null) {
            loc.addProperty("uri", relative);
            loc.addProperty("uriBaseId", BASE_ID);
        } else {
            loc.addProperty("uri", absolute.toUri().toASCIIString());
        }
        return loc;
    }

    /** Forward slashes and percent-encoding (spaces, Chinese file names); null when no relative reference fits. */
    private static String relativeUri(Path relative) {
        String path = relative.toString().replace('\\', '/');
        if (path.isEmpty()) {
            return null;
        }
        try {
            return new URI(null, null, path, null).toASCIIString();
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
