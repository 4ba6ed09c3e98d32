package io.permlab.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Where a {@code serve} entry's folder may be: inside the target's own folder. PermLab publishes the folder to the
 * browser under a host name, so a folder outside ("../../etc", "/") would hand the machine's files to the site under
 * test and into the run's evidence. The check is by name first (relative, no ".." segment) and then by real path,
 * so a symbolic link leading out is refused too.
 */
final class ServeFolder {
    private ServeFolder() {
    }

    /** Why {@code dir} may not be served for the target in {@code targetFolder}; null when it may. */
    static String problem(Path targetFolder, String dir) {
        Path relative;
        try {
            relative = Path.of(dir);
        } catch (InvalidPathException e) {
            return "not a folder name: '" + dir + "'";
        }
        if (dir.isBlank() || relative.isAbsolute() || dir.startsWith("/") || dir.startsWith("\\")) {
            return "'" + dir + "' must be a folder relative to " + TargetDescriptor.FILE + ", inside the target's folder";
        }
        for (Path segment : relative) {
            if (segment.toString().equals("..")) {
                return "'" + dir + "' climbs out with '..': a served folder must lie inside the target's folder";
            }
        }
        Path resolved = targetFolder.resolve(relative);
        if (!Files.exists(resolved)) {
            return null; // nothing to escape through; serving it reports the missing folder
        }
        try {
            Path realTarget = targetFolder.toRealPath();
            Path realDir = resolved.toRealPath();
            if (!realDir.startsWith(realTarget)) {
                return "'" + dir + "' leads outside the target's folder (to " + realDir + ") through a symbolic link";
            }
        } catch (IOException e) {
            return "'" + dir + "' cannot be resolved: " + e.getMessage();
        }
        return null;
    }
}
