package io.permlab.inspect.miniprogram;

import com.oracle.js.parser.ir.Expression;
import com.oracle.js.parser.ir.FunctionNode;
import com.oracle.js.parser.ir.ObjectNode;
import com.oracle.js.parser.ir.PropertyNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The options a platform call is given, as text: the properties of its options object ({type: 'gcj02'} → type:
 * gcj02; callbacks as "function"), or the positional key and data of the *Sync storage APIs.
 */
final class CallOptions {
    private static final int MAX_OPTIONS = 12;

    private CallOptions() {
    }

    static Map<String, String> of(String api, List<Expression> args, Expressions expressions) {
        Map<String, String> out = new LinkedHashMap<>();
        if (args.isEmpty()) {
            return out;
        }
        if (api.endsWith("Sync")) {
            out.put("key", expressions.render(args.get(0)));
            if (args.size() > 1) {
                out.put("data", expressions.render(args.get(1)));
            }
        } else if (args.get(0) instanceof ObjectNode o) {
            for (PropertyNode p : o.getElements()) {
                if (out.size() >= MAX_OPTIONS) {
                    break;
                }
                if (p.getKeyName() != null && !p.isComputed() && p.getValue() != null) {
                    out.put(p.getKeyName(), p.getValue() instanceof FunctionNode ? "function" : expressions.render(p.getValue()));
                } else if (p.getKeyName() != null && (p.getGetter() != null || p.getValue() == null)) {
                    out.put(p.getKeyName(), "function");
                }
            }
        } else {
            out.put("arg0", args.get(0) instanceof FunctionNode ? "function" : expressions.render(args.get(0)));
        }
        return out;
    }
}
