package io.permlab.model.miniprogram;

import java.util.List;
import java.util.Map;

/**
 * One call of a platform API ({@code wx.getLocation}, {@code uni.setStorageSync}, {@code Taro.request}) or, inside a
 * callback of one, a call of a function of the same file ({@code namespace} "local").
 * <ul>
 * <li>{@code owner} is the page, component, app or script the file belongs to; {@code function} the named function
 *     of the file the call sits in ("onLoad", "saveAddress"), empty at top level.</li>
 * <li>{@code lifecycleEntries}: lifecycle hooks that reach the call without the user doing anything (onLoad,
 *     onShow, attached...), directly or through functions of the same file; {@code eventEntries}: handlers bound in
 *     the owner's WXML that reach it ("bindtap=chooseAddress").</li>
 * <li>{@code parentId}/{@code via}: the call whose callback this call sits in, and which callback ("success",
 *     "fail", "complete"; a promise's then/catch and an awaited call's catch block map to success/fail).</li>
 * <li>{@code options}: the options object (or positional arguments key/data of the *Sync APIs) rendered as text;
 *     unknown values as {@code ${expression}}.</li>
 * <li>{@code inputsFrom}: platform APIs whose results flow into the arguments (a callback's result, an awaited value).</li>
 * </ul>
 */
public record ApiCall(int id, String namespace, String api, CodeLocation at, String owner, Owner.Kind ownerKind,
                      String function, List<String> lifecycleEntries, List<String> eventEntries, Integer parentId,
                      String via, Map<String, String> options, List<String> inputsFrom) {
    public ApiCall {
        lifecycleEntries = List.copyOf(lifecycleEntries);
        eventEntries = List.copyOf(eventEntries);
        options = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(options));
        inputsFrom = List.copyOf(inputsFrom);
    }

    /** A call of the platform (wx, uni, Taro), as opposed to a call of the file's own functions. */
    public boolean platform() {
        return !"local".equals(namespace) && !"unknown".equals(namespace);
    }

    public String option(String key) {
        return options.get(key);
    }

    /** "wx.getLocation" */
    public String qualifiedName() {
        return namespace + "." + api;
    }
}
