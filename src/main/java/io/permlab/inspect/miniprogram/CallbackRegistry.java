package io.permlab.inspect.miniprogram;

import com.oracle.js.parser.ir.AccessNode;
import com.oracle.js.parser.ir.CallNode;
import com.oracle.js.parser.ir.Expression;
import com.oracle.js.parser.ir.FunctionNode;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a function literal is, learnt when the call it is passed to is entered (before the function itself is walked):
 * the success/fail/complete callback of a platform call, a promise's then/catch/finally handler (registered on the
 * platform call the chain starts from, which is entered after the chain's outer calls), a lifecycle callback
 * (useLoad(() => ...)), or the body of a compiled package's define("path.js", function) module.
 */
final class CallbackRegistry {
    record Callback(int call, String via) {
    }

    private record Pending(FunctionNode fn, String via) {
    }

    private final Map<FunctionNode, Callback> callbacks = new IdentityHashMap<>();
    private final Map<FunctionNode, String> hooks = new IdentityHashMap<>();
    private final Map<FunctionNode, String> modules = new IdentityHashMap<>();
    private final Map<CallNode, List<Pending>> pending = new IdentityHashMap<>();

    void callback(FunctionNode fn, int call, String via) {
        callbacks.put(fn, new Callback(call, via));
    }

    void hook(FunctionNode fn, String hook) {
        hooks.put(fn, hook);
    }

    void module(FunctionNode fn, String module) {
        modules.put(fn, module);
    }

    Callback callbackOf(FunctionNode fn) {
        return callbacks.get(fn);
    }

    String hookOf(FunctionNode fn) {
        return hooks.get(fn);
    }

    String moduleOf(FunctionNode fn) {
        return modules.get(fn);
    }

    /** {@code p.then(ok, bad)}, {@code .catch(bad)}, {@code .finally(done)}: handlers of the call the chain starts from. */
    void promise(CallNode call, String name) {
        Expression base = baseOf(call);
        while (base instanceof CallNode inner && isPromiseStep(inner)) {
            base = baseOf(inner);
        }
        if (!(base instanceof CallNode root)) {
            return;
        }
        List<Expression> args = call.getArgs();
        for (int i = 0; i < args.size() && i < 2; i++) {
            if (args.get(i) instanceof FunctionNode fn) {
                String via = switch (name) {
                    case "then" -> i == 0 ? "success" : "fail";
                    case "catch" -> "fail";
                    default -> "complete";
                };
                pending.computeIfAbsent(root, r -> new ArrayList<>()).add(new Pending(fn, via));
            }
        }
    }

    /** Hands the promise handlers waiting for {@code call} to it, now that it has an index. */
    void resolvePromises(CallNode call, int idx) {
        List<Pending> waiting = pending.remove(call);
        if (waiting != null) {
            waiting.forEach(p -> callback(p.fn(), idx, p.via()));
        }
    }

    static boolean isPromiseStep(CallNode call) {
        String name = PlatformCalls.propertyName(PlatformCalls.unwrap(call.getFunction()));
        return "then".equals(name) || "catch".equals(name) || "finally".equals(name);
    }

    private static Expression baseOf(CallNode call) {
        Expression f = PlatformCalls.unwrap(call.getFunction());
        return f instanceof AccessNode a ? a.getBase() : null;
    }
}
