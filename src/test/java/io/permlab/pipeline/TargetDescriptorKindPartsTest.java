package io.permlab.pipeline;

import io.permlab.model.AndroidApp;
import io.permlab.model.MiniProgramRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What target.json says for running an APK on a device and a mini-program in the runtime is read once, with the
 * descriptor, and a mistake names its field (issue 7: the target carries what its kind needs).
 */
class TargetDescriptorKindPartsTest {
    @TempDir
    Path dir;

    private Path file(String json) throws Exception {
        return Files.writeString(dir.resolve(TargetDescriptor.FILE), json);
    }

    @Test
    void anApksPackageAndActivityAreReadAndAPackageIsOptionalForScanning() throws Exception {
        TargetDescriptor d = TargetDescriptor.read(file("""
                {"kind": "apk", "apk": "a.apk", "package": "io.appium.android.apis", "activity": ".ApiDemos"}"""));
        assertThat(d.android()).isEqualTo(new AndroidApp("io.appium.android.apis", ".ApiDemos"));
        assertThat(TargetDescriptor.read(file("{\"kind\": \"apk\", \"apk\": \"a.apk\"}")).android().packageName()).isNull();
    }

    @Test
    void aPackageThatIsNoApplicationIdNamesTheField() throws Exception {
        Path f = file("{\"kind\": \"apk\", \"apk\": \"a.apk\", \"package\": \"apidemos\"}");
        assertThatThrownBy(() -> TargetDescriptor.read(f)).hasMessageContaining("field 'package'").hasMessageContaining("apidemos");
    }

    @Test
    void aMiniProgramsFixturesKeepTheirBodyAsJson() throws Exception {
        TargetDescriptor d = TargetDescriptor.read(file("""
                {"kind": "miniprogram", "source": "mp", "ownHosts": ["api.example"],
                 "fixtures": [{"url": "/shops$", "method": "GET", "json": {"list": [{"name": "鲜味 \\"1\\"", "open": true}]}},
                              {"url": "/save", "status": 201}]}"""));
        MiniProgramRun run = d.miniProgram();
        assertThat(run.ownHosts()).containsExactly("api.example");
        assertThat(run.fixtures()).extracting(MiniProgramRun.RequestFixture::jsonBody)
                .containsExactly("{\"list\":[{\"name\":\"鲜味 \\\"1\\\"\",\"open\":true}]}", "{}");
        assertThat(run.fixtures()).extracting(MiniProgramRun.RequestFixture::status).containsExactly(200, 201);
    }

    @Test
    void aFixtureMistakeNamesItsField() throws Exception {
        Path badUrl = file("{\"kind\": \"miniprogram\", \"source\": \"mp\", \"fixtures\": [{\"url\": \"(\"}]}");
        assertThatThrownBy(() -> TargetDescriptor.read(badUrl)).hasMessageContaining("field 'fixtures[0].url'");
        Path badStatus = file("{\"kind\": \"miniprogram\", \"source\": \"mp\", \"fixtures\": [{\"url\": \"x\", \"status\": 99}]}");
        assertThatThrownBy(() -> TargetDescriptor.read(badStatus)).hasMessageContaining("field 'fixtures[0].status'");
        Path noUrl = file("{\"kind\": \"miniprogram\", \"source\": \"mp\", \"fixtures\": [{\"status\": 200}]}");
        assertThatThrownBy(() -> TargetDescriptor.read(noUrl)).hasMessageContaining("field 'fixtures[0].url' is required");
    }
}
