package io.permlab.device.web;

import io.permlab.model.ScratchDeletion;

import java.nio.file.Path;

/** Scratch folders of browser profiles. */
final class Dirs {
    private Dirs() {
    }

    /** A profile is a fresh temporary folder inside the target's work folder: deleted within that, links unlinked. */
    static void deleteQuietly(Path dir) {
        if (dir != null && dir.toAbsolutePath().getParent() != null) {
            ScratchDeletion.deleteInside(dir.toAbsolutePath().getParent(), dir);
        }
    }
}
