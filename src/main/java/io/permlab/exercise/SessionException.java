package io.permlab.exercise;

import io.permlab.model.Localized;

/**
 * A session could not do what a step asked; {@code kind} says why in a word reports can group by, {@code reason}
 * says it in both report languages (the Chinese report must not quote an English diagnostic).
 */
public class SessionException extends Exception {
    public enum Kind {
        ELEMENT_NOT_FOUND("element-not-found", "未找到元素", "element not found"),
        /** Found and visible, but never enabled: "the save button stays disabled" is the evidence. */
        ELEMENT_DISABLED("element-disabled", "元素不可用", "element disabled"),
        /** On screen and enabled, but under a layer that covers most of the screen (a "去设置" notice): no user reaches it. */
        ELEMENT_COVERED("element-covered", "元素被遮挡", "element covered"),
        PAGE_LOAD_TIMEOUT("page-load-timeout", "页面加载超时", "page load timeout"),
        BROWSER_CRASH("browser-crash", "浏览器崩溃", "browser crash"),
        SESSION_ERROR("session-error", "会话错误", "session error"),
        UNREACHABLE("unreachable", "无法访问", "unreachable"),
        /** A system window PermLab cannot read as a permission dialog: kept with its page source, never answered blindly. */
        UNRECOGNISED_DIALOG("unrecognised-dialog", "无法识别的对话框", "unrecognised dialog"),
        /**
         * The run's policy cannot be carried out where it runs (WeChat offers no approximate choice; WeChat remembers an
         * earlier answer and will not ask again): the run proves nothing and says why.
         */
        POLICY_NOT_EXPRESSIBLE("policy-not-expressible", "无法执行该应答策略", "policy cannot be expressed"),
        /**
         * A text locator's words are on screen inside a longer text ("订阅成功，未开启提醒" for "订阅成功"): the flow cannot
         * tell whether the function worked, so the run proves nothing until the locator is fixed.
         */
        TEXT_IN_LONGER_TEXT("text-in-longer-text", "文字在更长的文本中", "words inside a longer text"),
        /**
         * The page has an alert, confirm or prompt open that the flow does not answer: every later step would act on a
         * page the dialog blocks, so the run proves nothing until the flow answers it with a dialog step.
         */
        DIALOG_UNANSWERED("dialog-unanswered", "未应答的页面对话框", "unanswered page dialog"),
        /** A dialog step found no alert, confirm or prompt open within its timeout: the flow and the page disagree. */
        NO_DIALOG("no-dialog", "没有打开的对话框", "no dialog was open"),
        /** The step is not one this kind of session can carry out (a dialog step where the runtime answers modals itself). */
        NOT_SUPPORTED("not-supported", "该会话不支持此步骤", "not supported by this session");

        private final String id;
        private final Localized label;

        Kind(String id, String zh, String en) {
            this.id = id;
            this.label = new Localized(zh, en);
        }

        public String id() {
            return id;
        }

        /**
         * Whether a step failing this way is the app's doing (an element that never came, a button that stayed
         * disabled) and so evidence about the function; every other kind cuts the run short inconclusively.
         */
        public boolean isFunctionEvidence() {
            return this == ELEMENT_NOT_FOUND || this == ELEMENT_DISABLED || this == ELEMENT_COVERED;
        }

        /**
         * Whether a failure of this kind is the browser's, the Grid's or the device's rather than the app's, so that
         * trying again in a fresh session may succeed: a crash, a lost or refused session, an endpoint not reached.
         */
        public boolean isTransient() {
            return this == BROWSER_CRASH || this == SESSION_ERROR || this == UNREACHABLE;
        }

        /**
         * Whether a run cut short this way would be cut short the same way in a fresh session: the flow and the page
         * disagree (a dialog no step answers, a dialog step with no dialog, a text locator inside a longer text), or the
         * session cannot do what the flow or the policy asks. Retrying such a run only spends its time again.
         */
        public boolean repeatsInAFreshSession() {
            return this == TEXT_IN_LONGER_TEXT || this == DIALOG_UNANSWERED || this == NO_DIALOG || this == NOT_SUPPORTED
                    || this == POLICY_NOT_EXPRESSIBLE;
        }

        /** The kind a run's problem names by its id; empty for problems that are no session failure (a run timeout …). */
        public static java.util.Optional<Kind> byId(String id) {
            return java.util.Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst();
        }

        public Localized label() {
            return label;
        }
    }

    private final Kind kind;
    private final Localized reason;

    /** A failure described in both languages; the English text is the message. */
    public SessionException(Kind kind, Localized reason) {
        super(reason.en());
        this.kind = kind;
        this.reason = reason;
    }

    /** A failure whose detail comes from the browser or driver, in its own words; the kind names it in Chinese. */
    public SessionException(Kind kind, String message) {
        this(kind, message, null);
    }

    public SessionException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.reason = new Localized(kind.label().zh() + "（驱动信息：" + message + "）", message);
    }

    /** The element stayed hidden or absent for the whole timeout. */
    public static SessionException notFound(Object locator, long millis) {
        return new SessionException(Kind.ELEMENT_NOT_FOUND, new Localized(
                millis + " 毫秒内未找到 " + locator, "no element " + locator + " within " + millis + " ms"));
    }

    /** The element was on screen but never became enabled. */
    public static SessionException disabled(Object locator, long millis) {
        return new SessionException(Kind.ELEMENT_DISABLED, new Localized(
                locator + " 在页面上，但 " + millis + " 毫秒内一直不可用（禁用状态）",
                locator + " is on screen but stayed disabled for " + millis + " ms"));
    }

    public Kind kind() {
        return kind;
    }

    public Localized reason() {
        return reason;
    }
}
