package io.permlab.inspect.miniprogram;

import com.oracle.js.parser.ir.AccessNode;
import com.oracle.js.parser.ir.CallNode;
import com.oracle.js.parser.ir.ClassElement;
import com.oracle.js.parser.ir.ClassNode;
import com.oracle.js.parser.ir.Expression;
import com.oracle.js.parser.ir.FunctionNode;
import com.oracle.js.parser.ir.IdentNode;
import com.oracle.js.parser.ir.Node;
import com.oracle.js.parser.ir.ObjectNode;
import com.oracle.js.parser.ir.PropertyNode;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Callbacks not written inline: the function that runs when a platform call's callback is given as
 * {@code this.onLocated}, {@code that.onLocated}, {@code this.onLocated.bind(this)} or {@code onLocated} (a function
 * declared in the file, {@code function f() {}} or {@code const f = () => {}}), and the methods a callback calls
 * ({@code success: (res) => this.onLocated(res)}), and in turn the methods those call. {@code this.m} is looked up in
 * the object literal or class holding the method it is written in (a Page({...}), App({...}) or Behavior({...})
 * object, a Component's {@code methods: {...}} or the object holding them), a plain name in the file's declarations
 * visible from where it is written.
 * <p>
 * The first walk of a file records where such references are and, with every platform call, the functions it sits
 * in; {@link #resolve()} then decides which function runs in which callback. The second walk walks each such function
 * as a callback of that call, as an inline one is walked: its calls are children of the call, the fields it fills are
 * filled from the call's result, and its parameters hold that result (when the callback hands it on). A function is
 * given to the first callback found that runs it; none is given to a call that runs inside the function itself (a
 * retry loop), so parents never form a loop.
 */
final class CallbackTargets {
    /** The callback a function runs in; its parameters hold the result of {@code parametersFrom} (null: nothing known). */
    record Context(int call, String via, Integer parametersFrom) {
    }

    /** What a reference names: a method looked up in {@code holders} in turn, or (holders null) a declared function. */
    record Reference(String name, List<Node> holders) {
    }

    private record Declaration(FunctionNode function, FunctionNode scope) {
    }

    /**
     * A reference met in the first walk. Given as a callback of {@code call} ({@code literalFrame} null), or called:
     * from inside the inline callback {@code literalFrame} of {@code call} (its arguments reading the result of
     * {@code readsFrom}), or from a function that may itself turn out to run in a callback.
     */
    private record Site(Reference ref, boolean given, Integer call, String via, FunctionNode literalFrame,
                        Integer readsFrom, List<FunctionNode> frames) {
    }

    private static final Set<String> METHOD_GROUPS = Set.of("methods");

    private boolean collecting = true;
    private final List<Site> sites = new ArrayList<>();
    private final Map<String, List<Declaration>> declarations = new HashMap<>();
    private final Map<Integer, List<FunctionNode>> callFrames = new HashMap<>();
    private final Map<Integer, String> callApis = new HashMap<>();
    private final Map<FunctionNode, Context> contexts = new IdentityHashMap<>();
    private final Set<String> resolvedGiven = new HashSet<>();
    /** Object literal or class → its function-valued properties by name; its {@code methods} object. */
    private final Map<Node, Map<String, FunctionNode>> members = new IdentityHashMap<>();
    private final Map<Node, Node> methodGroups = new IdentityHashMap<>();

    /** Whether this is still the first walk, which records; the second only asks. */
    boolean collecting() {
        return collecting;
    }

    void declared(String name, FunctionNode function, FunctionNode scope) {
        if (collecting) {
            declarations.computeIfAbsent(name, n -> new ArrayList<>()).add(new Declaration(function, scope));
        }
    }

    /** A platform call of {@code api} was recorded as {@code call}, inside {@code frames} (innermost first). */
    void callRecorded(int call, String api, List<FunctionNode> frames) {
        if (collecting) {
            callFrames.put(call, frames);
            callApis.put(call, api);
        }
    }

    /** The API of a call the first walk recorded (the second walk records the same calls in the same order). */
    String apiOf(int call) {
        return callApis.get(call);
    }

    /** {@code ref} is given as the {@code via} callback of {@code call}. */
    void given(int call, String via, Reference ref, List<FunctionNode> frames) {
        if (collecting) {
            sites.add(new Site(ref, true, call, via, null, null, frames));
        }
    }

    /** {@code ref} is called; inside the inline callback {@code literal} when that is not null. */
    void called(Reference ref, Scopes.Parent literal, Integer readsFrom, List<FunctionNode> frames) {
        if (collecting) {
            sites.add(literal == null ? new Site(ref, false, null, null, null, null, frames)
                    : new Site(ref, false, literal.call(), literal.via(), literal.frame().node, readsFrom, frames));
        }
    }

    /** The callback {@code fn} runs in, once resolved; null when none. */
    Context contextOf(FunctionNode fn) {
        return contexts.get(fn);
    }

    /** Whether the callback given to {@code call} as {@code via} was found to be a function of the file. */
    boolean resolvedGiven(int call, String via) {
        return resolvedGiven.contains(call + "/" + via);
    }

    /** Ends the first walk: decides which function runs in which callback; true when a second walk is needed. */
    boolean resolve() {
        collecting = false;
        Map<Site, FunctionNode> targets = new IdentityHashMap<>();
        Map<FunctionNode, List<Site>> within = new IdentityHashMap<>();
        for (Site s : sites) {
            FunctionNode f = target(s);
            if (f != null) {
                targets.put(s, f);
                if (s.given()) {
                    resolvedGiven.add(s.call() + "/" + s.via());
                } else {
                    s.frames().forEach(fn -> within.computeIfAbsent(fn, k -> new ArrayList<>()).add(s));
                }
            }
        }
        // Sites in file order; then, each time a function is found to run in a callback, the calls written in it.
        Deque<FunctionNode> found = new ArrayDeque<>();
        for (Site s : sites) {
            assign(s, targets, found);
        }
        while (!found.isEmpty()) {
            for (Site s : within.getOrDefault(found.poll(), List.of())) {
                assign(s, targets, found);
            }
        }
        return !contexts.isEmpty();
    }

    private void assign(Site s, Map<Site, FunctionNode> targets, Deque<FunctionNode> found) {
        FunctionNode f = targets.get(s);
        if (f == null || contexts.containsKey(f)) {
            return;
        }
        Context c = contextAt(s);
        if (c != null && !runsInside(c.call(), f)) {
            contexts.put(f, c);
            found.add(f);
        }
    }

    /** The callback a site runs in: the call it is given to, else the innermost callback around it. */
    private Context contextAt(Site s) {
        if (s.given()) {
            return new Context(s.call(), s.via(), "fail".equals(s.via()) ? null : s.call());
        }
        for (FunctionNode fn : s.frames()) {
            if (fn == s.literalFrame()) {
                return new Context(s.call(), s.via(), "fail".equals(s.via()) ? null : s.readsFrom());
            }
            Context around = contexts.get(fn);
            if (around != null) {
                return new Context(around.call(), around.via(), null);
            }
        }
        return null;
    }

    /** Whether {@code call} is made inside {@code f}: written in it, or in a function that runs in a callback inside it. */
    private boolean runsInside(int call, FunctionNode f) {
        Set<FunctionNode> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Integer> todo = new ArrayDeque<>(List.of(call));
        while (!todo.isEmpty()) {
            List<FunctionNode> frames = callFrames.getOrDefault(todo.poll(), List.of());
            for (FunctionNode g : frames) {
                if (g == f) {
                    return true;
                }
                Context c = contexts.get(g);
                if (c != null && seen.add(g)) {
                    todo.add(c.call());
                }
            }
        }
        return false;
    }

    private FunctionNode target(Site s) {
        Reference ref = s.ref();
        if (ref.holders() != null) {
            for (Node holder : ref.holders()) {
                for (Node n : new Node[]{holder, methodsOf(holder)}) {
                    FunctionNode f = n == null ? null : membersOf(n).get(ref.name());
                    if (f != null) {
                        return f;
                    }
                }
            }
            return null;
        }
        List<Declaration> named = declarations.getOrDefault(ref.name(), List.of());
        for (FunctionNode scope : s.frames()) {
            for (Declaration d : named) {
                if (d.scope() == scope) {
                    return d.function();
                }
            }
        }
        return null;
    }

    // ---- references, as the walk meets them

    /**
     * What a callback value or callee names: {@code this.m}, {@code that.m} (any of {@link PlatformCalls#SELF}),
     * either with {@code .bind(...)}, or a plain name; null for anything else (a literal, another object's member).
     * {@code frames} are the functions around it, innermost first; {@code names} knows what holds them.
     */
    static Reference of(Expression value, List<FunctionNode> frames, FunctionNames names, CallbackRegistry registry) {
        Expression e = unbound(value);
        if (e instanceof AccessNode a && !a.isPrivate() && a.getBase() instanceof IdentNode base
                && (base.isThis() || PlatformCalls.SELF.contains(base.getName()))) {
            return new Reference(a.getProperty(), holders(frames, names, registry));
        }
        if (e instanceof IdentNode id && !id.isThis()) {
            return new Reference(id.getName(), null);
        }
        return null;
    }

    /** {@code f.bind(...)} is f; anything else is itself. */
    static Expression unbound(Expression value) {
        Expression e = Expressions.strip(value);
        if (e instanceof CallNode c && c.getFunction() instanceof AccessNode a && "bind".equals(a.getProperty())) {
            return Expressions.strip(a.getBase());
        }
        return e;
    }

    /**
     * Where {@code this} may find its methods: for each enclosing function that is a method (not an arrow, not an
     * inline callback), innermost first, the object or class holding it and the object holding that one
     * ({@code Component({methods: {...}})}); each is looked in, then its {@code methods}.
     */
    private static List<Node> holders(List<FunctionNode> frames, FunctionNames names, CallbackRegistry registry) {
        List<Node> out = new ArrayList<>();
        for (FunctionNode fn : frames) {
            if (fn.isArrow() || registry.callbackOf(fn) != null) {
                continue;
            }
            Node holder = names.holderOf(fn);
            if (holder == null) {
                continue;
            }
            Node outer = names.holderOf(holder);
            for (Node n : new Node[]{holder, outer}) {
                if (n != null && out.stream().noneMatch(o -> o == n)) {
                    out.add(n);
                }
            }
        }
        return out;
    }

    private Node methodsOf(Node holder) {
        if (!(holder instanceof ObjectNode o)) {
            return null;
        }
        if (!methodGroups.containsKey(holder)) {
            Node group = null;
            for (PropertyNode p : o.getElements()) {
                if (!p.isComputed() && METHOD_GROUPS.contains(p.getKeyName()) && p.getValue() instanceof ObjectNode m) {
                    group = m;
                }
            }
            methodGroups.put(holder, group);
        }
        return methodGroups.get(holder);
    }

    /** The function-valued properties of an object literal or class (not static ones), by name; the last of a name, as in JS. */
    private Map<String, FunctionNode> membersOf(Node holder) {
        return members.computeIfAbsent(holder, h -> {
            List<? extends PropertyNode> properties = h instanceof ObjectNode o ? o.getElements()
                    : h instanceof ClassNode c ? c.getClassElements() : List.of();
            Map<String, FunctionNode> out = new HashMap<>();
            for (PropertyNode p : properties) {
                if (!p.isComputed() && p.getKeyName() != null && p.getValue() instanceof FunctionNode f
                        && !(p instanceof ClassElement e && e.isStatic())) {
                    out.put(p.getKeyName(), f);
                }
            }
            return out;
        });
    }
}
