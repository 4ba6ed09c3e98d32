package io.permlab.report.sarif;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.permlab.model.EvidencePointer;
import io.permlab.model.Target;
import io.permlab.model.TargetKind;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Physical locations inside a mini-program's source: a file of a source folder is an artifact of its own (a URI under
 * %SRCROOT% when it is below it), a file inside a .wxapkg is a nested artifact of run.artifacts whose parent is the
 * package (SARIF 2.1.0 §3.24.2 parentIndex); either way with a region (startLine, startColumn, the excerpt as snippet).
 */
final class SourceRegions {
    private final ArtifactUris uris;
    private final JsonArray artifacts = new JsonArray();
    private final Map<String, Integer> index = new LinkedHashMap<>();

    SourceRegions(ArtifactUris uris) {
        this.uris = uris;
    }

    /** Whether a pointer names a line of a source file that a region can point at. */
    static boolean applies(EvidencePointer p, Target target) {
        return target.kind() == TargetKind.MINIPROGRAM && target.location() != null && p.file() != null && p.line() != null;
    }

    JsonObject physicalLocation(EvidencePointer p, Target target) {
        Path root = target.location();
        String file = p.file();
        int bang = file.indexOf("!/");
        JsonObject artifact;
        if (bang > 0) {
            artifact = nested(root.resolve(file.substring(0, bang)), file.substring(bang + 2));
        } else if (Files.isRegularFile(root)) {
            artifact = nested(root, file);
        } else {
            artifact = uris.of(root.resolve(file));
        }
        JsonObject region = new JsonObject();
        region.addProperty("startLine", p.line());
        if (p.column() != null) {
            region.addProperty("startColumn", p.column());
        }
        if (p.excerpt() != null && !p.excerpt().isEmpty()) {
            region.add("snippet", SarifRules.text(p.excerpt()));
        }
        JsonObject physical = new JsonObject();
        physical.add("artifactLocation", artifact);
        physical.add("region", region);
        return physical;
    }

    /** run.artifacts, or an empty array when no pointer went inside a package. */
    JsonArray artifacts() {
        return artifacts;
    }

    private JsonObject nested(Path container, String inner) {
        int parent = artifact(container.toString(), uris.of(container), null);
        JsonObject innerLocation = new JsonObject();
        innerLocation.addProperty("uri", inner);
        int child = artifact(container + "!/" + inner, innerLocation, parent);
        JsonObject loc = new JsonObject();
        loc.addProperty("uri", inner);
        loc.addProperty("index", child);
        return loc;
    }

    private int artifact(String key, JsonObject location, Integer parent) {
        Integer existing = index.get(key);
        if (existing != null) {
            return existing;
        }
        JsonObject a = new JsonObject();
        a.add("location", location);
        if (parent != null) {
            a.addProperty("parentIndex", parent);
        }
        artifacts.add(a);
        index.put(key, artifacts.size() - 1);
        return artifacts.size() - 1;
    }
}
