package io.permlab.rules.apk;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** POST_NOTIFICATIONS lets the app post notifications; it reads no personal information, so no category lacks a need for it. */
class NotificationPermissionTest {
    @Test
    void postingNotificationsIsNotAnUnnecessaryPermission() {
        assertThat(BuiltFacts.targetSdk(33).uses("POST_NOTIFICATIONS").run(new PermissionNotNecessaryRule(), "food_delivery")).isEmpty();
    }

    @Test
    void aSensitivePermissionNextToItIsStillReported() {
        assertThat(BuiltFacts.targetSdk(33).uses("POST_NOTIFICATIONS").uses("READ_CONTACTS").run(new PermissionNotNecessaryRule(), "food_delivery"))
                .singleElement().satisfies(f -> assertThat(f.message().en()).contains("READ_CONTACTS"));
    }
}
