package io.permlab.inspect.miniprogram;

import com.oracle.js.parser.ir.ClassNode;
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
 * a function given to useLoad(...)/onLoad(...) is named, and is a hook, after that call. It also keeps which object
 * literal or class holds each function and which object holds each object-valued property ({@code methods: {...}}),
 * so that {@code this.m} can be looked up where the walk is.
 */
final class FunctionNames {
    private static final Set<String> LIFECYCLE_MEMBERS = Set.of("onLaunch", "onLoad", "onShow", "onReady", "attached",
            "ready", "created", "mounted", "componentWillMount", "componentDidMount", "componentDidShow");

    private record Member(String key, String objectKey) {
    }

    /** Object literals and classes the walk is in, innermost first. */
    private final Deque<Node> objects = new ArrayDeque<>();
    private final Map<Node, Member> members = new IdentityHashMap<>();
    private final Map<ObjectNode, String> objectKeys = new IdentityHashMap<>();
    /** A function or object-valued property → the object literal or class it is a property of. */
    private final Map<Node, Node> holders = new IdentityHashMap<>();

    void enterObject(ObjectNode o) {
        objects.push(o);
    }

    void leaveObject() {
        objects.pop();
    }

    void enterClass(ClassNode c) {
        objects.push(c);
    }

    void leaveClass() {
        objects.pop();
    }

    /** The object literal or class whose property {@code n} (a function or an object literal) is; null for none. */
    Node holderOf(Node n) {
        return holders.get(n);
    }

    /** Remembers the key of a function-valued or object-valued property (or class element). */
    void property(PropertyNode p) {
        String key = p.getKeyName();
        if (key == null || p.isComputed()) {
            return;
        }
        if (p.getValue() instanceof FunctionNode fn) {
            members.put(fn, new Member(key, objects.isEmpty() || !(objects.peek() instanceof ObjectNode o) ? null : objectKeys.get(o)));
        } else if (p.getValue() instanceof ObjectNode o) {
            objectKeys.put(o, key);
        }
        if (!objects.isEmpty() && (p.getValue() instanceof FunctionNode || p.getValue() instanceof ObjectNode)) {
            holders.put(p.getValue(), objects.peek());
        }
    }

    Scopes.Frame frame(FunctionNode fn, String module, CallbackRegistry registry) {
        String hook = registry.hookOf(fn);
        if (fn.isProgram() || registry.moduleOf(fn) != null || registry.callbackOf(fn) != null) {
            return new Scopes.Frame(fn, "", null, module);
        }
        if (hook != null) {
            return new Scopes.Frame(fn, hook, hook, module);
        }
        Member m = members.get(fn);
        String name = m != null ? m.key() : fn.getName();
        String lifecycle = m != null && lifecycle(m) ? (m.objectKey() == null ? m.key() : m.objectKey() + "." + m.key()) : null;
        return new Scopes.Frame(fn, name == null || !name.matches("[\\w$]+") ? "" : name, lifecycle, module);
    }

    private static boolean lifecycle(Member m) {
        if (m.key().equals("show")) {
            return "pageLifetimes".equals(m.objectKey());
        }
        return LIFECYCLE_MEMBERS.contains(m.key());
    }
}
