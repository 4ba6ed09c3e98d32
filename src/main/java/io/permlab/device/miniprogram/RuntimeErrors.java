package io.permlab.device.miniprogram;

import io.permlab.exercise.SessionException;
import io.permlab.model.Localized;

/**
 * The runtime's error types as session failures: an element missing or disabled, or every element gone because the
 * program exited, is the program's doing; the rest are not.
 */
final class RuntimeErrors {
    private RuntimeErrors() {
    }

    static SessionException toSessionException(String type, String message) {
        return switch (type) {
            case "element-not-found" -> new SessionException(SessionException.Kind.ELEMENT_NOT_FOUND,
                    new Localized("未找到元素：" + message, message));
            case "element-disabled" -> new SessionException(SessionException.Kind.ELEMENT_DISABLED,
                    new Localized("元素不可用：" + message, message));
            // the program closed itself (wx.exitMiniProgram …): whatever the step looks for is gone by the app's doing
            case "exited" -> new SessionException(SessionException.Kind.ELEMENT_NOT_FOUND, exited(message));
            default -> new SessionException(SessionException.Kind.SESSION_ERROR, type + ": " + message);
        };
    }

    /** "the mini-program exited (wx.exitMiniProgram on tap css=#disagree, from pages/index/index)", from the runtime's detail. */
    static Localized exited(String how) {
        return new Localized("小程序已退出（" + how + "）", "the mini-program exited (" + how + ")");
    }
}
