package io.permlab.knowledge;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KnowledgeBaseTest {
    private final KnowledgeBase kb = KnowledgeBase.builtIn();

    @Test
    void has39CategoriesOfWhich13NeedNoPi() {
        assertThat(kb.categories()).hasSize(39);
        assertThat(kb.categories().stream().filter(c -> c.necessaryPi().isEmpty())).hasSize(13);
    }

    @Test
    void categoriesAreFoundByIdChineseOrEnglishName() {
        assertThat(kb.category("餐饮外卖").id()).isEqualTo("food_delivery");
        assertThat(kb.category("food_delivery").zh()).isEqualTo("餐饮外卖");
        assertThat(kb.category("Food Delivery").id()).isEqualTo("food_delivery");
        assertThat(kb.category("food-delivery").id()).isEqualTo("food_delivery");
    }

    @Test
    void foodDeliveryNeedsTheAddressNotTheDeviceLocation() {
        Category food = kb.category("餐饮外卖");
        assertThat(food.necessaryPi()).contains("delivery_address", "phone_number");
        assertThat(food.justifies("android.permission.ACCESS_FINE_LOCATION")).isFalse();
        assertThat(kb.category("地图导航").justifies("android.permission.ACCESS_FINE_LOCATION")).isTrue();
        assertThat(kb.category("用车服务").condition("android.permission.ACCESS_FINE_LOCATION")).isNotNull();
    }

    @Test
    void unknownCategorySuggestsNeighbours() {
        assertThatThrownBy(() -> kb.category("外卖"))
                .isInstanceOf(UnknownCategoryException.class)
                .hasMessageContaining("unknown category '外卖'")
                .hasMessageContaining("餐饮外卖");
    }

    @Test
    void permissionCatalogKnowsRuntimePermissionsAndWhatTheyReach() {
        PermissionInfo fine = kb.permission("android.permission.ACCESS_FINE_LOCATION").orElseThrow();
        assertThat(fine.dangerous()).isTrue();
        assertThat(fine.pi()).containsExactly("location_precise");
        assertThat(kb.piKind("location_precise").sensitive()).isTrue();
        assertThat(kb.permission("android.permission.INTERNET").orElseThrow().dangerous()).isFalse();
        assertThat(kb.permission("android.permission.POST_NOTIFICATIONS").orElseThrow().addedApi()).isEqualTo(33);
    }

    @Test
    void everyRuleCitesAKnownLegalSource() {
        assertThat(kb.rules()).isNotEmpty().allSatisfy(r -> assertThat(r.legalBasis()).isNotEmpty());
    }

    @Test
    void unknownPermissionInACategoryFailsLoudlyWithFileAndField(@TempDir Path dir) throws IOException {
        String categories = builtIn("categories.json").replaceFirst("android\\.permission\\.ACCESS_FINE_LOCATION", "android.permission.ACCESS_FINE_LOCATON");
        Files.writeString(dir.resolve("categories.json"), categories);
        assertThatThrownBy(() -> KnowledgeBase.load(KnowledgeSource.withOverrides(dir)))
                .isInstanceOf(KnowledgeException.class)
                .hasMessageContaining(dir.resolve("categories.json").toString())
                .hasMessageContaining("$.categories[0].justifiedPermissions")
                .hasMessageContaining("unknown permission 'android.permission.ACCESS_FINE_LOCATON'");
    }

    @Test
    void duplicateIdsFailLoudly(@TempDir Path dir) throws IOException {
        String sdks = builtIn("sdks.json").replace("\"id\": \"baidu_location\"", "\"id\": \"amap_location\"");
        Files.writeString(dir.resolve("sdks.json"), sdks);
        assertThatThrownBy(() -> KnowledgeBase.load(KnowledgeSource.withOverrides(dir)))
                .isInstanceOf(KnowledgeException.class)
                .hasMessageContaining("duplicate id 'amap_location'");
    }

    @Test
    void miniProgramScopesAreJudgedButNeverGrantedByABrowser() {
        assertThat(kb.webPermission("scope.werun")).get().satisfies(p -> {
            assertThat(p.pi()).containsExactly("physical_activity");
            assertThat(p.descriptor()).isNull();
            assertThat(p.label().zh()).isEqualTo("微信运动步数");
        });
        assertThat(kb.webPermission("scope.writePhotosAlbum").orElseThrow().pi()).containsExactly("photos_media");
        assertThat(kb.webPermissions()).extracting(WebPermission::id).doesNotContain("scope.werun", "scope.writePhotosAlbum",
                "scope.addPhoneContact", "scope.addPhoneCalendar").contains("geolocation");
        assertThat(kb.category("运动健身").necessaryPi()).doesNotContain("physical_activity");
    }

    @Test
    void aMiniProgramScopeMustBeNamedAsOne(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("web-permissions.json"), builtIn("web-permissions.json").replace("\"id\": \"scope.werun\"", "\"id\": \"werun\""));
        assertThatThrownBy(() -> KnowledgeBase.load(KnowledgeSource.withOverrides(dir)))
                .isInstanceOf(KnowledgeException.class)
                .hasMessageContaining("a mini-program scope's id starts with 'scope.'");
    }

    @Test
    void aMiniProgramScopeMayNotReuseAWebPermissionsId(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("web-permissions.json"), builtIn("web-permissions.json").replace("\"id\": \"scope.werun\"", "\"id\": \"scope.camera\"")
                .replace("{\"id\": \"camera\"", "{\"id\": \"scope.camera\""));
        assertThatThrownBy(() -> KnowledgeBase.load(KnowledgeSource.withOverrides(dir)))
                .isInstanceOf(KnowledgeException.class)
                .hasMessageContaining("duplicate permission id 'scope.camera'");
    }

    @Test
    void malformedFileFailsWithItsName(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("rules.json"), "{ \"rules\": [ {\"id\": ");
        assertThatThrownBy(() -> KnowledgeBase.load(KnowledgeSource.withOverrides(dir)))
                .isInstanceOf(KnowledgeException.class)
                .hasMessageStartingWith(dir.resolve("rules.json").toString());
    }

    @Test
    void anOverrideFolderReplacesOnlyTheFilesItHas(@TempDir Path dir) throws IOException {
        String categories = builtIn("categories.json").replace("\"justifiedPermissions\": [],\n     \"note\"",
                "\"justifiedPermissions\": [\"android.permission.ACCESS_COARSE_LOCATION\"],\n     \"note\"");
        Files.writeString(dir.resolve("categories.json"), categories);
        KnowledgeBase custom = KnowledgeBase.load(KnowledgeSource.withOverrides(dir));
        assertThat(custom.category("餐饮外卖").justifies("android.permission.ACCESS_COARSE_LOCATION")).isTrue();
        assertThat(custom.sdks()).hasSameSizeAs(kb.sdks());
    }

    private static String builtIn(String name) throws IOException {
        try (InputStream in = KnowledgeBase.class.getResourceAsStream("/knowledge/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
