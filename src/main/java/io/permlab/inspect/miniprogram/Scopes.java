package io.permlab.inspect.miniprogram;

import com.oracle.js.parser.ir.FunctionNode;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the walk is: the functions it is in, innermost first (each with its name, lifecycle hook and module, and the
 * variables bound in it to platform results), and the callbacks of platform calls it is inside.
 */
final class Scopes {
    /** A function being walked ({@code node}); unnamed for callbacks, modules and the program. */
    static final class Frame {
        final FunctionNode node;
        final String name;
        final String lifecycle;
        final String module;
        private final Map<String, Integer> bindings = new HashMap<>();

        Frame(FunctionNode node, String name, String lifecycle, String module) {
            this.node = node;
            this.name = name;
            this.lifecycle = lifecycle;
            this.module = module;
        }
    }

    /** The platform call whose callback ({@code via}) the walk is inside, opened by {@code frame}. */
    record Parent(int call, String via, Frame frame) {
    }

    private final String fileModule;
    private final Deque<Frame> frames = new ArrayDeque<>();
    private final Deque<Parent> parents = new ArrayDeque<>();

    Scopes(String fileModule) {
        this.fileModule = fileModule;
    }

    void enter(Frame f) {
        frames.push(f);
    }

    Frame leave() {
        Frame f = frames.pop();
        if (!parents.isEmpty() && parents.peek().frame() == f) {
            parents.pop();
        }
        return f;
    }

    Frame current() {
        return frames.peek();
    }

    boolean isEmpty() {
        return frames.isEmpty();
    }

    String module() {
        return frames.isEmpty() ? fileModule : frames.peek().module;
    }

    /** The innermost named function, empty at top level. */
    String function() {
        for (Frame f : frames) {
            if (!f.name.isEmpty()) {
                return f.name;
            }
        }
        return "";
    }

    /** The functions around the current node, innermost first, named or not. */
    List<FunctionNode> functions() {
        List<FunctionNode> out = new ArrayList<>(frames.size());
        frames.forEach(f -> out.add(f.node));
        return out;
    }

    /** The named functions around the current node, outermost first. */
    List<ScriptFacts.Frame> chain() {
        List<ScriptFacts.Frame> out = new ArrayList<>();
        var it = frames.descendingIterator();
        while (it.hasNext()) {
            Frame f = it.next();
            if (!f.name.isEmpty()) {
                out.add(new ScriptFacts.Frame(f.name, f.lifecycle));
            }
        }
        return out;
    }

    void bind(String name, int call) {
        if (!frames.isEmpty()) {
            frames.peek().bindings.put(name, call);
        }
    }

    /** The platform call a variable holds the result of, looking outward through closures; null when none. */
    Integer lookup(String name) {
        for (Frame f : frames) {
            Integer idx = f.bindings.get(name);
            if (idx != null) {
                return idx;
            }
        }
        return null;
    }

    void enterCallback(int call, String via) {
        parents.push(new Parent(call, via, frames.peek()));
    }

    void leaveCallback() {
        parents.pop();
    }

    /** The innermost callback the walk is in, or null. */
    Parent parent() {
        return parents.peek();
    }
}
