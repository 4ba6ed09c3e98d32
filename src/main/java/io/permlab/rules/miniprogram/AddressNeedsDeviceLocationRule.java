package io.permlab.rules.miniprogram;

import io.permlab.knowledge.Category;
import io.permlab.knowledge.miniprogram.MiniProgramApi;
import io.permlab.model.Localized;
import io.permlab.model.miniprogram.ApiCall;
import io.permlab.model.miniprogram.CoordinateRequirement;
import io.permlab.model.miniprogram.MiniProgramFacts;
import io.permlab.rules.RuleContext;
import io.permlab.rules.Violation;

import java.util.List;

/**
 * The founding case in code: a function that stops when coordinates are missing, where the only thing that fills
 * those coordinates is the device's location (wx.getLocation...), so refusing location blocks the function
 * (认定方法 四.2). Coordinates a user picks on the map (wx.chooseLocation/choosePoi) are a place the user chose: a
 * guard on them is no finding. Silent when the category needs precise location (map navigation, ride hailing).
 */
public final class AddressNeedsDeviceLocationRule extends MiniProgramRule {
    @Override
    public String id() {
        return "MP-ADDRESS-NEEDS-DEVICE-LOCATION";
    }

    @Override
    void check(MiniProgramFacts mp, RuleContext ctx) {
        Category category = ctx.category();
        if (category != null && category.necessaryPi().contains("location_precise")) {
            return;
        }
        for (CoordinateRequirement r : mp.coordinateRequirements()) {
            List<String> device = r.sources().stream().filter(s -> {
                MiniProgramApi a = apis(ctx).api(s);
                return a != null && a.deviceLocation();
            }).toList();
            if (device.isEmpty()) {
                continue;
            }
            List<ApiCall> filling = mp.calls().stream().filter(c -> c.platform() && c.owner().equals(r.owner()) && device.contains(c.api())).toList();
            List<String> names = filling.isEmpty() ? device.stream().map(s -> "wx." + s).toList()
                    : filling.stream().map(ApiCall::qualifiedName).distinct().toList();
            Violation v = Violation.of(this)
                    .arg("where", Pointers.where(r.owner(), r.function()))
                    .arg("fields", String.join(" / ", r.fields()))
                    .arg("entry", entry(r, ctx))
                    .arg("sources", String.join(", ", names))
                    .key(r.owner() + "#" + r.function())
                    .at(Pointers.at("code", r.at(), Pointers.where(r.owner(), r.function()) + " › guard"));
            filling.stream().limit(FIRST).forEach(c -> v.at(Pointers.call(c)));
            ctx.report(ctx.unlessNecessaryInSomeServices(this, v, List.of("location_precise")));
        }
    }

    private Localized entry(CoordinateRequirement r, RuleContext ctx) {
        if (r.eventEntries().isEmpty()) {
            return ctx.text(this, "inFunction").with("function", r.function()).text();
        }
        return ctx.text(this, "triggeredBy").with("events", String.join(", ", r.eventEntries())).text();
    }
}
