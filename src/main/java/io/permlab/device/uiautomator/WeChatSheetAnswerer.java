package io.permlab.device.uiautomator;

import io.permlab.device.android.Choice;
import io.permlab.device.android.DialogPolicy;
import io.permlab.device.android.OfferedChoice;
import io.permlab.device.android.WeChatSheetRecognition.AuthorizationSheet;
import io.permlab.exercise.ObservedRequest;
import io.permlab.exercise.SessionException;
import io.permlab.model.Localized;
import io.permlab.model.dynamic.RequestAnswer;
import io.permlab.model.dynamic.RunPolicy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Answers one WeChat authorization sheet under the run's policy and records it as an {@link ObservedRequest}, the shape
 * the simulated runtime and the Android dialogs give, so the shared explorer and DYN rules judge all alike: the scope,
 * the purpose the sheet showed (the program's {@code desc}), the program's page text before it, what was tapped. A
 * sheet that cannot carry the policy out (an approximate grant: WeChat has no such choice) is not tapped at all.
 */
final class WeChatSheetAnswerer {
    static final String API = "wechat-authorization-sheet";
    private static final Set<String> PRECISE = Set.of("scope.userLocation", "scope.userLocationBackground");

    private final HybridDriver driver;
    private final RunPolicy policy;
    private final String origin;

    WeChatSheetAnswerer(HybridDriver driver, RunPolicy policy, String origin) {
        this.driver = driver;
        this.policy = policy;
        this.origin = origin;
    }

    /** Taps the answer (the driver is in NATIVE_APP); {@code textBefore} is the program's page text before the sheet. */
    ObservedRequest answer(AuthorizationSheet sheet, String textBefore, String screenBefore) throws SessionException {
        Instant at = Instant.now();
        DialogPolicy wanted = PromptPolicy.forPermission(policy, sheet.permission());
        if (wanted == DialogPolicy.GRANT_APPROXIMATE) {
            throw new SessionException(SessionException.Kind.POLICY_NOT_EXPRESSIBLE, new Localized(
                    "微信授权弹窗（" + sheet.title() + "）没有“大致位置”选项，运行 " + policy.id() + " 无法执行，未作应答",
                    "WeChat's sheet ('" + sheet.title() + "') offers no approximate choice: run " + policy.id()
                            + " cannot be expressed, nothing was tapped"));
        }
        Choice choice = wanted == DialogPolicy.DENY ? Choice.DENY : Choice.ALLOW;
        OfferedChoice tap = sheet.offered(choice).orElseThrow(() -> new SessionException(SessionException.Kind.SESSION_ERROR,
                "WeChat's sheet for " + sheet.scope() + " offers no " + choice + " button"));
        try {
            driver.tapDialogChoice(tap.locator());
        } catch (SessionException e) {
            // a sheet button that vanished says nothing about the program: never function evidence
            throw new SessionException(SessionException.Kind.SESSION_ERROR, "could not tap '" + tap.label()
                    + "' on WeChat's sheet for " + sheet.scope() + ": " + e.getMessage(), e);
        }
        Map<String, String> options = new LinkedHashMap<>();
        options.put("scope", sheet.scope());
        options.put("sheet", "shown");
        options.put("desc", sheet.purpose().isEmpty() ? "(none shown)" : sheet.purpose());
        options.put("title", sheet.title());
        options.put("programName", sheet.programName());
        options.put("offered", sheet.choices().stream().map(c -> c.choice().name()).collect(Collectors.joining(",")));
        options.put("tapped", choice.name());
        options.put("policy", wanted.id());
        options.put("rememberedByWeChat", Boolean.toString(sheet.remembered()));
        if (screenBefore != null) {
            options.put("screenBefore", screenBefore);
        }
        if ("geolocation".equals(sheet.permission())) {
            options.put("enableHighAccuracy", Boolean.toString(PRECISE.contains(sheet.scope())));
        }
        String shown = String.join("\n", textBefore == null ? "" : textBefore, sheet.programName(), sheet.title(), sheet.purpose()).strip();
        boolean allowed = choice == Choice.ALLOW;
        return new ObservedRequest(sheet.permission(), API, options, at, origin, null, true, shown,
                allowed ? "allowed on WeChat's sheet" : "refused on WeChat's sheet",
                allowed ? RequestAnswer.SUCCEEDED : RequestAnswer.FAILED, null);
    }
}
