package io.permlab.inspect.miniprogram;

import io.permlab.inspect.InspectionException;

/**
 * Which tool produced the mini-program: WeChat's own ("native"), uni-app (its mp-weixin build keeps a
 * common/vendor.js), or Taro (its weapp build keeps taro.js or bundles @tarojs). A label for the report; the
 * analysis itself treats every file the same way.
 */
final class Framework {
    private static final int PEEK = 64 * 1024;

    private Framework() {
    }

    static String detect(MiniProgramFiles files) {
        if (files.exists("common/vendor.js") && (mentions(files, "common/vendor.js", "dcloudio", "uni-app", "uni.")
                || mentions(files, "app.js", "common_vendor", "createSSRApp", "common/vendor"))) {
            return "uni-app";
        }
        if (files.exists("taro.js") || mentions(files, "app.js", "@tarojs", "tarojs_") || mentions(files, "vendors.js", "@tarojs")
                || mentions(files, "common.js", "@tarojs")) {
            return "taro";
        }
        return "native";
    }

    private static boolean mentions(MiniProgramFiles files, String path, String... words) {
        if (!files.exists(path)) {
            return false;
        }
        try {
            String text = files.text(path, ScriptAnalysis.MAX_BYTES);
            String head = text.length() > PEEK ? text.substring(0, PEEK) : text;
            for (String w : words) {
                if (head.contains(w)) {
                    return true;
                }
            }
        } catch (InspectionException e) {
            // an unreadable file is reported where it is analysed; the label simply stays "native"
        }
        return false;
    }
}
