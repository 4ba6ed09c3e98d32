package io.permlab.inspect.miniprogram;

import io.permlab.inspect.InspectionException;
import io.permlab.json.JsonFileException;
import io.permlab.json.JsonNode;
import io.permlab.json.StrictJson;
import io.permlab.model.TargetText;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * project.config.json, WeChat's developer-tools project file: the app id, the base library version the project
 * targets (libVersion) and, for a project whose mini-program sits in a subfolder, miniprogramRoot.
 */
record ProjectConfig(String appId, String libVersion) {
    static final String FILE = "project.config.json";

    static ProjectConfig read(MiniProgramFiles files, Problems problems) {
        if (!files.exists(FILE)) {
            return new ProjectConfig(null, null);
        }
        try {
            JsonNode v = StrictJson.parse(files.text(FILE, MiniProgramInspector.MAX_CONFIG_BYTES), files.display(FILE), TargetText::clean);
            if (v instanceof JsonNode.Obj o) {
                return new ProjectConfig(o.str("appid"), o.str("libVersion"));
            }
        } catch (JsonFileException e) {
            problems.add(files.display(FILE), "malformed JSON at " + e.place() + ": " + e.problem()
                    + "; the app id and base library version were not read");
        } catch (InspectionException e) {
            problems.add(e.file(), e.getMessage());
        }
        return new ProjectConfig(null, null);
    }

    /** The folder holding app.json: the given one, or its miniprogramRoot when it is a developer-tools project root. */
    static Path miniprogramRoot(Path dir) {
        Path file = dir.resolve(FILE);
        if (Files.isRegularFile(dir.resolve(AppConfig.SOURCE_FILE)) || !Files.isRegularFile(file)) {
            return dir;
        }
        try {
            if (Files.size(file) < 1 << 20 && StrictJson.parse(Files.readString(file), file.toString(), TargetText::clean) instanceof JsonNode.Obj o && o.str("miniprogramRoot") != null) {
                String sub = OwnerMap.normalise(o.str("miniprogramRoot"));
                if (sub != null && !sub.isEmpty() && Files.isDirectory(dir.resolve(sub))) {
                    return dir.resolve(sub);
                }
            }
        } catch (java.io.IOException | JsonFileException e) {
            // the target then fails on the missing app.json, which says more than a broken project file would
        }
        return dir;
    }
}
