package io.permlab.pipeline.dynamic;

import io.permlab.device.miniprogram.MiniProgramSession;
import io.permlab.exercise.FunctionUnderTest;
import io.permlab.model.flow.Action;
import io.permlab.model.flow.Flow;
import io.permlab.model.flow.Locator;
import io.permlab.model.flow.LocatorKind;
import io.permlab.model.flow.Step;

import java.util.ArrayList;
import java.util.List;

/**
 * Without flows, a mini-program is explored by opening each page of app.json (main package and subpackages, with an
 * empty query): one "function" per page, whose checkpoint is that the page is still showing once it settled and each
 * tappable element on it was tapped once (the page brought back after a navigation). The explorer then runs every
 * page under every policy its baseline asked for, so asks on entry or on a tap, forced re-authorization loops and
 * no-cancel modals are proven without anyone writing a flow.
 */
final class MiniProgramEntryFlows {
    /** How long a page is given to settle and show, and to ask. */
    private static final long SETTLE_MILLIS = 2000;
    /** How long a page's taps may take in all (20 taps at most, each given 300 ms to act, and the way back). */
    private static final long TAPPING_MILLIS = 20_000;

    private MiniProgramEntryFlows() {
    }

    static List<FunctionUnderTest> of(MiniProgramPages pages, String appJson) {
        List<FunctionUnderTest> out = new ArrayList<>();
        for (String page : pages.all()) {
            String id = "open-" + page.replace('/', '-');
            List<Step> steps = List.of(
                    new Step(0, Action.OPEN, null, "/" + page, 0, true, "entry exploration", 0, 0),
                    new Step(1, Action.WAIT, null, null, SETTLE_MILLIS, false, null, 0, 0),
                    new Step(2, Action.TAP, MiniProgramSession.EVERY_TAPPABLE, null, TAPPING_MILLIS, false,
                            "tap every tappable element once", 0, 0),
                    new Step(3, Action.CHECKPOINT, new Locator(LocatorKind.CSS, "page[route=" + page + "]"), null, SETTLE_MILLIS,
                            false, null, 0, 0));
            out.add(new FunctionUnderTest(id, "打开页面 / open " + page, new Flow(appJson, id, "open " + page, steps)));
        }
        return out;
    }
}
