package io.permlab.inspect.miniprogram;

import com.oracle.js.parser.ir.FunctionNode;
import com.oracle.js.parser.ir.Node;
import com.oracle.js.parser.ir.ObjectNode;
import com.oracle.js.parser.ir.PropertyNode;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Names the functions of a file as a mini-program developer would: the key it has in Page({...}), Component({methods:
 * {...}}) or a class ("onLoad", "saveAddress"), else its declared name; and whether it is a lifecycle hook ("onLoad",
 * "lifetimes.attached"; "show" only inside pageLifetimes). Callbacks, define() modules and the program are unnamed;
 * a function given to useLoad(...)/onLoad(...) is named, and is a hook, after that call.
 */
final class FunctionNames {
    private static final Set<String> LIFECYCLE_MEMBERS = Set.of("onLaunch", "onLoad", "onShow", "onReady", "attached",
            "ready", "created", "mounted", "componentWillMount", "componentDidMount", "componentDidShow");

    private record Member(String key, String objectKey) {
    }

    private final Deque<ObjectNode> objects = new ArrayDeque<>();
    private final Map<Node, Member> members = new IdentityHashMap<>();
    private final Map<ObjectNode, String> objectKeys = new IdentityHashMap<>();

    void enterObject(ObjectNode o) {
        objects.push(o);
    }

    void leaveObject() {
        objects.pop();
    }

    /** Remembers the key of a function-valued or object-valued property (or class element). */
    void property(PropertyNode p) {
        String key = p.getKeyName();
        if (key == null || p.isComputed()) {
            return;
        }
        if (p.getValue() instanceof FunctionNode fn) {
            members.put(fn, new Member(key, objects.isEmpty() ? null : objectKeys.get(objects.peek())));
        } else if (p.getValue() instanceof ObjectNode o) {
            objectKeys.put(o, key);
        }
    }

    Scopes.Frame frame(FunctionNode fn, String module, CallbackRegistry registry) {
        String hook = registry.hookOf(fn);
        if (fn.isProgram() || registry.moduleOf(fn) != null || registry.callbackOf(fn) != null) {
            return new Scopes.Frame("", null, module);
        }
        if (hook != null) {
            return new Scopes.Frame(hook, hook, module);
        }
        Member m = members.get(fn);
        String name = m != null ? m.key() : fn.getName();
        String lifecycle = m != null && lifecycle(m) ? (m.objectKey() == null ? m.key() : m.objectKey() + "." + m.key()) : null;
        return new Scopes.Frame(name == null || !name.matches("[\\w$]+") ? "" : name, lifecycle, module);
    }

    private static boolean lifecycle(Member m) {
        if (m.key().equals("show")) {
            return "pageLifetimes".equals(m.objectKey());
        }
        return LIFECYCLE_MEMBERS.contains(m.key());
    }
}
