package io.permlab.model;

import io.permlab.model.apk.ApkFacts;
import io.permlab.model.dynamic.Exploration;
import io.permlab.model.miniprogram.MiniProgramFacts;

/**
 * Everything observed about one target, immutable once built: static facts per target kind, and the dynamic
 * exploration (runs of flows under each permission policy) when the target was exercised.
 */
public record Evidence(Target target, ApkFacts apk, MiniProgramFacts miniProgram, Exploration exploration) {

    /** Evidence of an APK (kept for callers that predate mini-programs). */
    public Evidence(Target target, ApkFacts apk) {
        this(target, apk, null, null);
    }

    /** Static evidence only. */
    public Evidence(Target target, ApkFacts apk, MiniProgramFacts miniProgram) {
        this(target, apk, miniProgram, null);
    }

    public static Evidence ofExploration(Target target, Exploration exploration) {
        return new Evidence(target, null, null, exploration);
    }

    public static Evidence ofApk(Target target, ApkFacts facts) {
        return new Evidence(target, facts, null);
    }

    public static Evidence ofMiniProgram(Target target, MiniProgramFacts facts) {
        return new Evidence(target, null, facts);
    }
}
