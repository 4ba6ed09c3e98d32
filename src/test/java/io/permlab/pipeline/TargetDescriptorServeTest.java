package io.permlab.pipeline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code serve} folders must lie inside the target's folder (PermLab would otherwise publish any folder of the machine
 * to the browser), and {@code allowHosts} names the extra hosts a flow may open. Real target.json files on disk.
 */
class TargetDescriptorServeTest {
    @TempDir
    Path root;

    private Path target(String serveDir) throws IOException {
        Path dir = Files.createDirectories(root.resolve("apps/shop"));
        Files.createDirectories(dir.resolve("site"));
        Files.writeString(dir.resolve("target.json"), "{\"kind\": \"h5\", \"entry\": \"http://shop.example/\", \"serve\": ["
                + "{\"host\": \"shop.example\", \"dir\": \"site\"}, {\"host\": \"x.example\", \"dir\": " + json(serveDir) + "}]}");
        return dir.resolve("target.json");
    }

    private static String json(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Test
    void aFolderInsideTheTargetIsServed() throws Exception {
        Files.createDirectories(root.resolve("apps/shop/tracker"));
        assertThat(TargetDescriptor.read(target("tracker")).serve()).extracting(io.permlab.model.H5Site.Served::dir)
                .containsExactly("site", "tracker");
    }

    @Test
    void climbingOutWithDotDotIsATargetErrorNamingTheField() throws Exception {
        Path file = target("../../etc");
        assertThatThrownBy(() -> TargetDescriptor.read(file)).isInstanceOf(TargetDescriptor.TargetFileException.class)
                .hasMessageContaining("serve[1].dir").hasMessageContaining("inside");
    }

    @Test
    void dotDotThatComesBackInIsRefusedToo() throws Exception {
        Path file = target("site/../../shop/site");
        assertThatThrownBy(() -> TargetDescriptor.read(file)).isInstanceOf(TargetDescriptor.TargetFileException.class)
                .hasMessageContaining("serve[1].dir");
    }

    @Test
    void theRootFolderIsRefused() throws Exception {
        Path file = target("/");
        assertThatThrownBy(() -> TargetDescriptor.read(file)).isInstanceOf(TargetDescriptor.TargetFileException.class)
                .hasMessageContaining("serve[1].dir").hasMessageContaining("relative");
    }

    @Test
    void anAbsolutePathIsRefusedEvenWhenItPointsInside() throws Exception {
        Path file = target(root.resolve("apps/shop/site").toString());
        assertThatThrownBy(() -> TargetDescriptor.read(file)).isInstanceOf(TargetDescriptor.TargetFileException.class)
                .hasMessageContaining("serve[1].dir");
    }

    @Test
    void aSymbolicLinkLeadingOutIsRefused() throws Exception {
        Path outside = Files.createDirectories(root.resolve("elsewhere"));
        Files.writeString(outside.resolve("secret.txt"), "not the target's");
        Path file = target("linked");
        Files.createSymbolicLink(file.getParent().resolve("linked"), outside);
        assertThatThrownBy(() -> TargetDescriptor.read(file)).isInstanceOf(TargetDescriptor.TargetFileException.class)
                .hasMessageContaining("serve[1].dir").hasMessageContaining("outside");
    }

    @Test
    void aSymbolicLinkStayingInsideIsServed() throws Exception {
        Path file = target("alias");
        Files.createSymbolicLink(file.getParent().resolve("alias"), file.getParent().resolve("site"));
        assertThat(TargetDescriptor.read(file).serve()).hasSize(2);
    }

    @Test
    void allowHostsIsReadAsHostNames() throws Exception {
        Path dir = Files.createDirectories(root.resolve("apps/pay"));
        Files.writeString(dir.resolve("target.json"), "{\"kind\": \"h5\", \"entry\": \"https://pay.example/\","
                + " \"allowHosts\": [\"Login.Partner.example\", \"cdn.example\"]}");
        assertThat(TargetDescriptor.read(dir.resolve("target.json")).allowHosts())
                .containsExactly("login.partner.example", "cdn.example");
    }

    @Test
    void anAllowHostWithASchemeIsATargetError() throws Exception {
        Path dir = Files.createDirectories(root.resolve("apps/pay"));
        Files.writeString(dir.resolve("target.json"), "{\"kind\": \"h5\", \"entry\": \"https://pay.example/\","
                + " \"allowHosts\": [\"cdn.example\", \"file:///etc\"]}");
        assertThatThrownBy(() -> TargetDescriptor.read(dir.resolve("target.json")))
                .isInstanceOf(TargetDescriptor.TargetFileException.class).hasMessageContaining("allowHosts[1]");
    }

    @Test
    void anEntryThatIsNotHttpIsATargetError() throws Exception {
        Path dir = Files.createDirectories(root.resolve("apps/local"));
        Files.writeString(dir.resolve("target.json"), "{\"kind\": \"h5\", \"entry\": \"file:///etc/passwd\"}");
        assertThatThrownBy(() -> TargetDescriptor.read(dir.resolve("target.json")))
                .isInstanceOf(TargetDescriptor.TargetFileException.class).hasMessageContaining("entry");
    }
}
