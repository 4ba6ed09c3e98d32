package io.permlab.device.uiautomator;

import io.permlab.device.android.DeviceOutputException;
import io.permlab.device.android.DialogKnowledge;
import io.permlab.device.android.DialogRecognition;
import io.permlab.device.android.PermissionDialogRecognizer;
import io.permlab.device.android.WeChatSheetRecognition;
import io.permlab.device.android.WeChatSheetRecognition.AuthorizationSheet;
import io.permlab.device.android.WeChatSheetRecognizer;
import io.permlab.exercise.ArtifactStore;
import io.permlab.exercise.ObservedRequest;
import io.permlab.exercise.SessionException;
import io.permlab.model.Localized;
import io.permlab.model.dynamic.RequestAnswer;
import io.permlab.model.dynamic.RunPolicy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Looks at WeChat's native layer for an authorization sheet and deals with it: a recognised sheet is answered (through
 * {@link WeChatSheetAnswerer}), recorded and remembered; an unrecognised sheet, or Android's own dialog raised for
 * WeChat, is kept (masked page source and screenshot) and fails the step untapped.
 */
final class WeChatSheetWatcher {
    private static final long POLL_MILLIS = 250;
    private static final long SHEET_GONE_MIN_MILLIS = 1000;

    private final HybridDriver driver;
    private final WeChatContexts contexts;
    private final WeChatSheetAnswerer answerer;
    private final WeChatAnswerMemory memory;
    private final String programKey;
    private final RunPolicy policy;
    private final String wechatPackage;
    private final long watchMillis;
    private final UnaryOperator<String> mask;
    private final WeChatSheetRecognizer sheetRecognizer;
    /** Android's own dialogs, raised for WeChat itself: told apart so that they are never taken for the program's. */
    private final PermissionDialogRecognizer systemRecognizer;
    private final List<ObservedRequest> requests = new ArrayList<>();
    private ArtifactStore files;
    private int sheets;
    private String textBefore = "";
    private byte[] shotBefore;

    WeChatSheetWatcher(HybridDriver driver, WeChatContexts contexts, WeChatSheetAnswerer answerer, WeChatAnswerMemory memory,
                       String programKey, RunPolicy policy, String wechatPackage, long watchMillis, UnaryOperator<String> mask,
                       DialogKnowledge knowledge) {
        this.sheetRecognizer = new WeChatSheetRecognizer(knowledge.sheets());
        this.systemRecognizer = new PermissionDialogRecognizer(knowledge.dialogs());
        this.driver = driver;
        this.contexts = contexts;
        this.answerer = answerer;
        this.memory = memory;
        this.programKey = programKey;
        this.policy = policy;
        this.wechatPackage = wechatPackage;
        this.watchMillis = watchMillis;
        this.mask = mask;
    }

    void keepFilesIn(ArtifactStore files) {
        this.files = files;
    }

    /** The program's text and screen before an action that may raise a sheet: what a purpose must be shown on. */
    void before(String text, byte[] shot) {
        this.textBefore = text;
        this.shotBefore = shot;
    }

    List<ObservedRequest> take() {
        List<ObservedRequest> out = List.copyOf(requests);
        requests.clear();
        return out;
    }

    /** Watches for sheets for the profile's window after an action; always looks at least once. */
    void watch() throws SessionException {
        long deadline = System.nanoTime() + Duration.ofMillis(watchMillis).toNanos();
        do {
            if (handle()) {
                deadline = System.nanoTime() + Duration.ofMillis(watchMillis).toNanos(); // one call may raise two sheets
                continue;
            }
            if (System.nanoTime() >= deadline) {
                return;
            }
            sleep(POLL_MILLIS);
        } while (true);
    }

    /** Answers the sheet on screen, if any: true when one was answered; what cannot be read fails the step, untapped. */
    boolean handle() throws SessionException {
        String source = contexts.nativeSource();
        WeChatSheetRecognition seen;
        DialogRecognition system;
        try {
            system = systemRecognizer.recognize(source, wechatPackage);
            seen = sheetRecognizer.recognize(source);
        } catch (DeviceOutputException e) {
            throw new SessionException(SessionException.Kind.SESSION_ERROR, "the page source is not UiAutomator2 XML: " + e.getMessage(), e);
        }
        if (system instanceof DialogRecognition.PermissionDialog dialog) {
            keep(source, "android-dialog");
            throw new SessionException(SessionException.Kind.POLICY_NOT_EXPRESSIBLE, new Localized(
                    "微信自身向 Android 申请权限（" + mask.apply(dialog.message()) + "）：这是微信的权限而非小程序的，PermLab 不作应答；"
                            + "请先在设备上为微信授予该权限（docs/android-devices.md）",
                    "WeChat itself asks Android for a permission ('" + mask.apply(dialog.message()) + "'): WeChat's, not the "
                            + "program's, so PermLab does not answer it; grant it to WeChat by hand first (docs/android-devices.md)"));
        }
        if (system instanceof DialogRecognition.UnrecognisedDialog u) {
            keep(source, "unrecognised");
            throw unrecognised(u.packageName(), u.reason(), u.texts());
        }
        if (seen instanceof AuthorizationSheet sheet) {
            answer(sheet);
            return true;
        }
        if (seen instanceof WeChatSheetRecognition.UnrecognisedSheet u) {
            keep(source, "unrecognised");
            throw unrecognised(wechatPackage, u.reason(), u.texts());
        }
        return false;
    }

    private void answer(AuthorizationSheet sheet) throws SessionException {
        sheets++;
        String shot = files != null && shotBefore != null
                ? files.save(String.format("sheet-%02d-screen-before.png", sheets), shotBefore) : null;
        ObservedRequest request = answerer.answer(sheet, textBefore, shot);
        requests.add(request);
        if (sheet.remembered()) {
            memory.remember(programKey, new WeChatAnswerMemory.Answer(sheet.scope(), sheet.permission(),
                    request.answer() == RequestAnswer.SUCCEEDED ? "allow" : "deny", policy.id(), Instant.now()));
        }
        awaitGone(sheet);
    }

    private SessionException unrecognised(String pkg, String reason, List<String> texts) {
        String shown = texts.stream().map(mask).collect(Collectors.joining(" | "));
        return new SessionException(SessionException.Kind.UNRECOGNISED_DIALOG, new Localized(
                pkg + " 显示了无法识别的授权弹窗或对话框，未作应答（" + shown + "）；" + DialogKnowledge.TEACH_ZH,
                reason + "; not answered (" + shown + "); " + DialogKnowledge.TEACH_EN));
    }

    /** Keeps what could not be answered: the native page source, masked, and the screen. */
    private void keep(String source, String what) {
        sheets++;
        if (files == null) {
            return;
        }
        files.saveText(String.format("sheet-%02d-%s.xml", sheets, what), mask.apply(source));
        try {
            byte[] shot = ScreenshotMasking.masked(driver.screenshot(), source, mask).orElse(null);
            if (shot != null) {
                files.save(String.format("sheet-%02d-%s.png", sheets, what), shot);
            } else {
                files.saveText(String.format("sheet-%02d-%s-no-screenshot.txt", sheets, what),
                        ScreenshotMasking.WITHHELD);
            }
        } catch (SessionException e) {
            files.saveText(String.format("sheet-%02d-%s-no-screenshot.txt", sheets, what), e.getMessage());
        }
    }

    /** Waits until the answered sheet has left; one that stays is a session problem, never the program's. */
    private void awaitGone(AuthorizationSheet answered) throws SessionException {
        long goneMillis = Math.max(SHEET_GONE_MIN_MILLIS, 2 * watchMillis);
        long deadline = System.nanoTime() + Duration.ofMillis(goneMillis).toNanos();
        while (true) {
            WeChatSheetRecognition now;
            try {
                now = sheetRecognizer.recognize(contexts.nativeSource());
            } catch (DeviceOutputException e) {
                return; // the next look reports it
            }
            boolean same = now instanceof AuthorizationSheet s && s.scope().equals(answered.scope()) && s.title().equals(answered.title());
            if (!same) {
                return;
            }
            if (System.nanoTime() >= deadline) {
                throw new SessionException(SessionException.Kind.SESSION_ERROR, "WeChat's sheet for " + answered.scope()
                        + " stayed on screen " + goneMillis + " ms after it was answered");
            }
            sleep(POLL_MILLIS);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
