package io.permlab.model.miniprogram;

/** An attribute of a WXML element that matters: an event binding (bindtap="save") or an open-type (getPhoneNumber). */
public record WxmlHook(String owner, String element, String attribute, String value, CodeLocation at) {
}
