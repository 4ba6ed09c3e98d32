package io.permlab.rules.miniprogram;

import java.util.Set;

/**
 * WeChat's AppSecret in the package: with it, anyone can exchange login codes for session keys as the app and decrypt
 * what WeChat encrypts for it (the user's phone number among it), and call the server APIs in the app's name.
 */
public final class AppSecretRule extends ShippedSecretRule {
    public AppSecretRule() {
        super(Set.of("wechat-app-secret"));
    }

    @Override
    public String id() {
        return "MP-APP-SECRET";
    }
}
