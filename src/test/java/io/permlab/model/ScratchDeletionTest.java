package io.permlab.model;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Scratch deletion on real folders and links: what lies outside the scratch root survives every way of pointing at it. */
class ScratchDeletionTest {
    @TempDir
    Path dir;
    private Path root;
    private Path precious;

    @BeforeEach
    void outputWithScratchAndAReport() throws IOException {
        Path out = Files.createDirectories(dir.resolve("out"));
        root = Files.createDirectories(out.resolve(".work"));
        precious = Files.writeString(out.resolve("findings.json"), "{}");
        Files.createDirectories(dir.resolve("elsewhere/keep"));
        Files.writeString(dir.resolve("elsewhere/keep/notes.txt"), "not PermLab's");
    }

    @Test
    void deletesATreeInsideItsRoot() throws IOException {
        Path tree = Files.createDirectories(root.resolve("app/bundle/splits"));
        Files.writeString(tree.resolve("base.apk"), "x");

        assertThat(ScratchDeletion.deleteInside(root, root.resolve("app"))).isTrue();

        assertThat(root.resolve("app")).doesNotExist();
        assertThat(root).isDirectory();
    }

    @Test
    void refusesTheRootItselfAndEverythingOutsideIt() {
        assertThat(ScratchDeletion.deleteInside(root, root.resolve(".."))).isFalse();
        assertThat(ScratchDeletion.deleteInside(root, root)).isFalse();
        assertThat(ScratchDeletion.deleteInside(root, root.resolve("app/../.."))).isFalse();
        assertThat(ScratchDeletion.deleteInside(root, dir.resolve("elsewhere"))).isFalse();

        assertThat(precious).exists();
        assertThat(root).isDirectory();
        assertThat(dir.resolve("elsewhere/keep/notes.txt")).exists();
    }

    @Test
    void aLinkInsideTheTreeIsUnlinkedNotFollowed() throws IOException {
        Path tree = Files.createDirectories(root.resolve("app"));
        Files.createSymbolicLink(tree.resolve("to-folder"), dir.resolve("elsewhere"));
        Files.createSymbolicLink(tree.resolve("to-file"), dir.resolve("elsewhere/keep/notes.txt"));

        ScratchDeletion.deleteInside(root, tree);

        assertThat(tree).doesNotExist();
        assertThat(dir.resolve("elsewhere/keep/notes.txt")).hasContent("not PermLab's");
    }

    @Test
    void aTreeThatIsALinkIsUnlinkedNotFollowed() throws IOException {
        Path link = Files.createSymbolicLink(root.resolve("app"), dir.resolve("elsewhere"));

        assertThat(ScratchDeletion.deleteInside(root, link)).isTrue();

        assertThat(link).doesNotExist();
        assertThat(dir.resolve("elsewhere/keep/notes.txt")).exists();
    }

    @Test
    void aTreeReachedThroughALinkedFolderIsRefused() throws IOException {
        Files.createSymbolicLink(root.resolve("app"), dir.resolve("elsewhere"));

        assertThat(ScratchDeletion.deleteInside(root, root.resolve("app/keep"))).isFalse();

        assertThat(dir.resolve("elsewhere/keep/notes.txt")).exists();
    }
}
