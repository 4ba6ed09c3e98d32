package io.permlab.model;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * What a mini-program target's target.json says for running it inside WeChat on an Android device (its {@code "wechat"}
 * block): the program's AppID, or the URL scheme its owner generated ({@code weixin://dl/business/?t=…}), the page to
 * open and its query (plain-text schemes only), and WeChat's application id on the device. Checked by the loader.
 */
public record WeChatLaunch(String appId, String scheme, String path, String query, String wechatPackage) {
    public static final String WECHAT = "com.tencent.mm";
    public static final String SCHEME_PREFIX = "weixin://dl/business/?";

    public WeChatLaunch {
        wechatPackage = wechatPackage == null ? WECHAT : wechatPackage;
    }

    /**
     * The URL that opens the program: the generated scheme as given, else WeChat's plain-text scheme
     * {@code weixin://dl/business/?appid=…&path=…&query=…} (the program must have the plain-text scheme enabled for that
     * page in its admin console, see docs/android-devices.md).
     */
    public String url() {
        if (scheme != null) {
            return scheme;
        }
        StringBuilder url = new StringBuilder(SCHEME_PREFIX).append("appid=").append(appId);
        if (path != null) {
            url.append("&path=").append(path);
        }
        if (query != null) {
            url.append("&query=").append(URLEncoder.encode(query, StandardCharsets.UTF_8));
        }
        return url.toString();
    }
}
