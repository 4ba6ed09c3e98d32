package io.permlab.report.sarif;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.permlab.model.EvidencePointer;
import io.permlab.model.Finding;
import io.permlab.model.ProcessingError;
import io.permlab.model.Target;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Findings as SARIF results and processing errors as tool execution notifications. For an APK the physical location
 * is the inspected file; where inside it the proof is (manifest element, dex method) goes into logical locations, and
 * the excerpt into the location's message, because a region would have to be a line of the APK itself. A
 * mini-program's evidence is source code: its physical location is the source file with a region (see SourceRegions).
 */
final class SarifResults {
    static final String FINGERPRINT_KEY = "permlabFingerprint/v1";

    private final SarifRules rules;
    private final ArtifactUris uris;
    private final SourceRegions regions;

    SarifResults(SarifRules rules, ArtifactUris uris) {
        this.rules = rules;
        this.uris = uris;
        this.regions = new SourceRegions(uris);
    }

    /** The artifacts nested in packages that results point into (run.artifacts); empty when none. */
    JsonArray artifacts() {
        return regions.artifacts();
    }

    JsonObject result(Finding f, Target target) {
        JsonObject r = new JsonObject();
        r.addProperty("ruleId", f.ruleId());
        r.addProperty("ruleIndex", rules.indexOf(f.ruleId()));
        r.addProperty("level", SarifLevel.of(f.severity()));
        JsonObject message = SarifRules.text(f.message().en());
        JsonObject zh = new JsonObject();
        zh.addProperty("zhMessage", f.message().zh());
        message.add("properties", zh);
        r.add("message", message);
        addLocations(r, f.evidence(), target);
        JsonObject fingerprints = new JsonObject();
        fingerprints.addProperty(FINGERPRINT_KEY, f.fingerprint());
        r.add("partialFingerprints", fingerprints);
        JsonObject props = new JsonObject();
        props.addProperty("severity", f.severity().id());
        props.addProperty("stage", f.stage().id());
        props.addProperty("targetId", f.targetId());
        r.add("properties", props);
        return r;
    }

    /** A baseline finding gone from this run (fixed): SARIF's "absent" result, with its fingerprint to match it by. */
    JsonObject absent(io.permlab.report.baseline.Baseline.Known k) {
        JsonObject r = new JsonObject();
        r.addProperty("ruleId", k.ruleId());
        int index = rules.indexOf(k.ruleId());
        if (index >= 0) {
            r.addProperty("ruleIndex", index);
        }
        r.addProperty("level", "none");
        r.add("message", SarifRules.text("Fixed since the baseline: " + k.ruleId() + " on " + k.targetId()));
        JsonObject fingerprints = new JsonObject();
        fingerprints.addProperty(FINGERPRINT_KEY, k.fingerprint());
        r.add("partialFingerprints", fingerprints);
        r.addProperty("baselineState", io.permlab.report.baseline.BaselineState.ABSENT.id());
        JsonObject props = new JsonObject();
        props.addProperty("targetId", k.targetId());
        r.add("properties", props);
        return r;
    }

    /** The first pointer is the location; SARIF asks for one unless every location must change, so the rest are related. */
    private void addLocations(JsonObject result, List<EvidencePointer> pointers, Target target) {
        JsonArray locations = new JsonArray();
        if (pointers.isEmpty()) {
            if (target.location() != null) {
                locations.add(fileLocation(target.location().toString()));
            }
        } else {
            locations.add(location(pointers.get(0), target));
        }
        if (!locations.isEmpty()) {
            result.add("locations", locations);
        }
        if (pointers.size() > 1) {
            JsonArray related = new JsonArray();
            for (int i = 1; i < pointers.size(); i++) {
                JsonObject loc = location(pointers.get(i), target);
                loc.addProperty("id", i);
                related.add(loc);
            }
            result.add("relatedLocations", related);
        }
    }

    private JsonObject location(EvidencePointer p, Target target) {
        JsonObject loc = target.location() == null ? new JsonObject() : fileLocation(target.location().toString());
        if (SourceRegions.applies(p, target)) {
            loc.add("physicalLocation", regions.physicalLocation(p, target));
        }
        JsonArray logical = logicalLocations(p);
        if (!logical.isEmpty()) {
            loc.add("logicalLocations", logical);
        }
        if (p.excerpt() != null && !p.excerpt().isEmpty()) {
            loc.add("message", SarifRules.text(p.excerpt()));
        }
        if (p.kind() != null) {
            JsonObject props = new JsonObject();
            props.addProperty("evidenceKind", p.kind());
            loc.add("properties", props);
        }
        return loc;
    }

    /** The entry inside the target ("AndroidManifest.xml:12") and the symbol in it; SARIF wants them distinct. */
    private static JsonArray logicalLocations(EvidencePointer p) {
        Set<JsonObject> unique = new LinkedHashSet<>();
        if (p.file() != null) {
            JsonObject file = new JsonObject();
            file.addProperty("name", p.file());
            file.addProperty("fullyQualifiedName", p.location());
            file.addProperty("kind", "resource");
            unique.add(file);
        }
        if (p.symbol() != null && !p.symbol().isEmpty()) {
            JsonObject symbol = new JsonObject();
            symbol.addProperty("name", p.symbol());
            symbol.addProperty("fullyQualifiedName", p.file() == null ? p.symbol() : p.location() + "/" + p.symbol());
            unique.add(symbol);
        }
        JsonArray arr = new JsonArray();
        unique.forEach(arr::add);
        return arr;
    }

    JsonObject notification(ProcessingError e, Target target) {
        JsonObject n = new JsonObject();
        n.addProperty("level", "error");
        n.add("message", SarifRules.text(e.phase() + ": " + e.message()));
        String file = e.file() != null ? e.file() : target.location() == null ? null : target.location().toString();
        if (file != null) {
            JsonArray locations = new JsonArray();
            locations.add(fileLocation(file));
            n.add("locations", locations);
        }
        JsonObject props = new JsonObject();
        props.addProperty("targetId", e.targetId());
        props.addProperty("phase", e.phase());
        n.add("properties", props);
        return n;
    }

    private JsonObject fileLocation(String file) {
        JsonObject physical = new JsonObject();
        physical.add("artifactLocation", uris.of(file));
        JsonObject loc = new JsonObject();
        loc.add("physicalLocation", physical);
        return loc;
    }
}
