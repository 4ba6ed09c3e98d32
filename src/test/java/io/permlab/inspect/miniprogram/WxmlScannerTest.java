package io.permlab.inspect.miniprogram;

import io.permlab.model.miniprogram.WxmlHook;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Event bindings and open-types of WXML, with their positions; comments and unrelated attributes are ignored. */
class WxmlScannerTest {
    private static List<WxmlHook> scan(String wxml) {
        return WxmlScanner.scan("pages/a/a", new SourceText("pages/a/a.wxml", wxml));
    }

    @Test
    void findsBindingsInEverySpellingAndOpenTypes() {
        List<WxmlHook> hooks = scan("""
                <view wx:if="{{a > b}}" class="x">
                  <button bindtap="save" catch:longpress='hold' capture-bind:touchstart="t">保存</button>
                  <button open-type="getPhoneNumber" bindgetphonenumber="onPhone">手机号</button>
                  <form bindsubmit="submit"><input bindinput=onInput /></form>
                  <button open-type="share">分享</button>
                </view>
                """);
        assertThat(hooks).extracting(WxmlHook::element, WxmlHook::attribute, WxmlHook::value).containsExactly(
                tuple("button", "bindtap", "save"), tuple("button", "catch:longpress", "hold"),
                tuple("button", "capture-bind:touchstart", "t"), tuple("button", "open-type", "getPhoneNumber"),
                tuple("button", "bindgetphonenumber", "onPhone"), tuple("form", "bindsubmit", "submit"),
                tuple("input", "bindinput", "onInput"));
        assertThat(hooks.get(0).at()).satisfies(at -> {
            assertThat(at.line()).isEqualTo(2);
            assertThat(at.column()).isEqualTo(11);
            assertThat(at.excerpt()).startsWith("<button bindtap=\"save\"");
        });
    }

    @Test
    void commentedOutMarkupDoesNotCount() {
        assertThat(scan("<!-- <button open-type=\"agreePrivacyAuthorization\">同意</button> -->\n<view/>")).isEmpty();
    }
}
