package io.permlab.inspect.miniprogram;

import com.oracle.js.parser.TokenType;
import com.oracle.js.parser.ir.BinaryNode;
import com.oracle.js.parser.ir.CallNode;
import com.oracle.js.parser.ir.CatchNode;
import com.oracle.js.parser.ir.ClassElement;
import com.oracle.js.parser.ir.ClassNode;
import com.oracle.js.parser.ir.Expression;
import com.oracle.js.parser.ir.FunctionNode;
import com.oracle.js.parser.ir.IfNode;
import com.oracle.js.parser.ir.LexicalContext;
import com.oracle.js.parser.ir.LiteralNode;
import com.oracle.js.parser.ir.Node;
import com.oracle.js.parser.ir.ObjectNode;
import com.oracle.js.parser.ir.PropertyNode;
import com.oracle.js.parser.ir.TryNode;
import com.oracle.js.parser.ir.UnaryNode;
import com.oracle.js.parser.ir.VarNode;
import com.oracle.js.parser.ir.visitor.NodeVisitor;
import io.permlab.knowledge.miniprogram.MiniProgramApis;
import io.permlab.model.miniprogram.CodeLocation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One pass over a file's syntax tree. It knows the functions it is in ({@link Scopes}, named by {@link FunctionNames}),
 * what each function literal is ({@link CallbackRegistry}) and where platform results go ({@link ValueFlow}), and
 * records: platform calls with their options, callback parent and inputs; calls of the file's own functions (the call
 * graph); guards that stop without a value; URL literals. Followed: callbacks in the options object, promise
 * then/catch, an awaited call's catch block, variables bound to a result, and callbacks not written inline
 * ({@code this.m}, {@code this.m.bind(this)}, a function of the file, methods a callback calls): {@link CallbackTargets}
 * learns in a first walk which function runs in which callback, and a second walk walks them as that callback. Not
 * followed: other files, values passed through parameters of ordinary functions, aliases of wx, dynamic property names.
 */
final class ScriptVisitor extends NodeVisitor<LexicalContext> {
    private static final Set<String> LIFECYCLE_REGISTRARS = Set.of("useLoad", "useDidShow", "useReady", "useEffect",
            "useLayoutEffect", "onLoad", "onShow", "onReady", "onMounted", "onBeforeMount");
    private static final Set<String> CALLBACKS = Set.of("success", "fail", "complete");
    /** Functions of the runtime or the language, not of the file: not part of its call graph. */
    private static final Set<String> NOT_OWN = Set.of("setData", "triggerEvent", "selectComponent", "selectAllComponents",
            "$emit", "$set", "$nextTick", "setTimeout", "setInterval", "clearTimeout", "clearInterval", "parseInt",
            "parseFloat", "Number", "String", "Boolean", "Object", "Array", "Promise", "require", "getApp",
            "getCurrentPages", "encodeURIComponent", "decodeURIComponent", "isNaN", "Error", "define", "Page", "Component",
            "App", "Behavior");
    private static final Set<String> NETWORK = Set.of("request", "uploadFile", "downloadFile");
    private static final int MAX_CALLS = 5_000;
    private static final int MAX_LITERAL_ENDPOINTS = 200;

    /** A try statement: the first awaited platform call of its block, whose failure its catch block handles. */
    private static final class TryState {
        final Scopes.Frame frame;
        Integer awaitedCall;
        boolean inCatch;

        TryState(Scopes.Frame frame) {
            this.frame = frame;
        }
    }

    private final SourceText source;
    private final MiniProgramApis apis;
    private final Expressions expressions;
    private final ScriptFacts facts;
    private final Scopes scopes;
    private final CallbackRegistry registry = new CallbackRegistry();
    private final FunctionNames names = new FunctionNames();
    private final ValueFlow flow;
    private final CallbackTargets targets;
    private final Deque<TryState> tries = new ArrayDeque<>();
    private final Set<CallNode> awaited = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<CatchNode> catchesWithParent = Collections.newSetFromMap(new IdentityHashMap<>());
    private final List<int[]> urlRanges = new ArrayList<>();
    private int literalEndpoints;

    ScriptVisitor(SourceText source, String fileModule, MiniProgramApis apis, Map<String, String> constants, ScriptFacts facts,
                  CallbackTargets targets) {
        super(new LexicalContext());
        this.targets = targets;
        this.source = source;
        this.apis = apis;
        this.expressions = new Expressions(source.text(), constants);
        this.facts = facts;
        this.scopes = new Scopes(fileModule);
        this.flow = new ValueFlow(scopes, facts, targets);
    }

    // ---- functions and where they sit

    @Override
    public boolean enterFunctionNode(FunctionNode fn) {
        String defined = registry.moduleOf(fn);
        Scopes.Frame frame = names.frame(fn, defined != null ? defined : scopes.module(), registry);
        scopes.enter(frame);
        if (frame.lifecycle != null) {
            facts.lifecycle(frame.module, frame.name, frame.lifecycle);
        }
        CallbackRegistry.Callback cb = registry.callbackOf(fn);
        CallbackTargets.Context ref = cb == null ? targets.contextOf(fn) : null;
        if (cb != null) {
            scopes.enterCallback(cb.call(), cb.via());
            if (!"fail".equals(cb.via())) {
                fn.getParameters().forEach(p -> scopes.bind(p.getName(), cb.call()));
            }
        } else if (ref != null) {
            scopes.enterCallback(ref.call(), ref.via());
            if (ref.parametersFrom() != null) {
                fn.getParameters().forEach(p -> scopes.bind(p.getName(), ref.parametersFrom()));
            }
        }
        return true;
    }

    @Override
    public Node leaveFunctionNode(FunctionNode fn) {
        scopes.leave();
        return fn;
    }

    @Override
    public boolean enterObjectNode(ObjectNode o) {
        names.enterObject(o);
        return true;
    }

    @Override
    public Node leaveObjectNode(ObjectNode o) {
        names.leaveObject();
        return o;
    }

    @Override
    public boolean enterPropertyNode(PropertyNode p) {
        names.property(p);
        return true;
    }

    @Override
    public boolean enterClassNode(ClassNode c) {
        names.enterClass(c);
        return true;
    }

    @Override
    public Node leaveClassNode(ClassNode c) {
        names.leaveClass();
        return c;
    }

    @Override
    public boolean enterClassElement(ClassElement c) {
        names.property(c);
        return true;
    }

    // ---- calls

    @Override
    public boolean enterCallNode(CallNode call) {
        PlatformCalls.Callee callee = PlatformCalls.of(call);
        if (callee == null) {
            return true;
        }
        String name = callee.name();
        List<Expression> args = call.getArgs();
        if (callee.namespace().equals("local") && name.equals("define") && args.size() >= 2
                && args.get(0) instanceof LiteralNode<?> l && l.isString() && args.get(1) instanceof FunctionNode body) {
            registry.module(body, OwnerMap.stripExtension(l.getString().replaceAll("^/+", "")));
            return true;
        }
        if (CallbackRegistry.isPromiseStep(call)) {
            registry.promise(call, name);
        }
        if (LIFECYCLE_REGISTRARS.contains(name)) {
            args.stream().filter(a -> a instanceof FunctionNode).forEach(a -> registry.hook((FunctionNode) a, name));
        }
        if (name.equals("setData") && !args.isEmpty() && args.get(0) instanceof ObjectNode data) {
            for (PropertyNode p : data.getElements()) {
                if (p.getKeyName() != null && p.getValue() != null) {
                    flow.fieldFilled(Expressions.lastSegment(p.getKeyName()), p.getValue());
                }
            }
        }
        switch (callee.namespace()) {
            case "local" -> localCall(name, call, callee);
            case "unknown" -> {
                if (apis.follows(name)) {
                    record(call, callee);
                }
            }
            default -> {
                if (apis.follows(name)) {
                    platformCall(call, callee);
                }
            }
        }
        return true;
    }

    private void localCall(String name, CallNode call, PlatformCalls.Callee callee) {
        if (NOT_OWN.contains(name)) {
            return;
        }
        facts.edge(scopes.module(), scopes.function(), name);
        Scopes.Parent p = scopes.parent();
        if (p != null) {
            add("local", name, source.at(call.getStart()), p.call(), p.via(), Map.of(), List.of(), null);
        }
        if (targets.collecting()) {
            List<FunctionNode> frames = scopes.functions();
            CallbackTargets.Reference ref = CallbackTargets.of(PlatformCalls.unwrap(call.getFunction()), frames, names, registry);
            if (ref != null && ref.name().equals(callee.name())) {
                targets.called(ref, p, p == null ? null : flow.resultRead(call.getArgs()), frames);
            }
        }
    }

    private void platformCall(CallNode call, PlatformCalls.Callee callee) {
        Integer idx = record(call, callee);
        if (idx == null) {
            return;
        }
        List<Expression> args = call.getArgs();
        if (!args.isEmpty() && args.get(0) instanceof ObjectNode options) {
            for (PropertyNode p : options.getElements()) {
                String key = p.getKeyName();
                if (key != null && CALLBACKS.contains(key)) {
                    callback(idx, key, p.getValue());
                } else if ("url".equals(key) && NETWORK.contains(callee.name()) && p.getValue() != null) {
                    Expression url = p.getValue();
                    facts.endpoints.add(new ScriptFacts.RawEndpoint(expressions.render(url), callee.name(), source.at(url.getStart()), scopes.module()));
                    urlRanges.add(new int[]{url.getStart(), url.getFinish()});
                }
            }
        }
        registry.resolvePromises(call, idx);
    }

    /**
     * A callback literal is registered for its walk. One given by name ({@code this.m}, {@code this.m.bind(this)},
     * {@code f}) is recorded as a call of that function under the call, and told to {@link CallbackTargets}; one that
     * is not found among the file's functions is linked by name when the file is done.
     */
    private void callback(int idx, String via, Expression value) {
        if (value instanceof FunctionNode fn) {
            registry.callback(fn, idx, via);
            return;
        }
        String name = Expressions.fieldName(CallbackTargets.unbound(value));
        if (name != null) {
            facts.callbackRefs.add(new ScriptFacts.CallbackRef(idx, via, scopes.module(), name));
            facts.edge(scopes.module(), scopes.function(), name);
            add("local", name, source.at(value.getStart()), idx, via, Map.of(), List.of(), null);
            if (targets.collecting()) {
                List<FunctionNode> frames = scopes.functions();
                CallbackTargets.Reference ref = CallbackTargets.of(value, frames, names, registry);
                if (ref != null) {
                    targets.given(idx, via, ref, frames);
                }
            }
        }
    }

    private Integer record(CallNode call, PlatformCalls.Callee callee) {
        Scopes.Parent p = scopes.parent();
        Integer idx = add(callee.namespace(), callee.name(), source.at(call.getStart()), p == null ? null : p.call(),
                p == null ? null : p.via(), CallOptions.of(callee.name(), call.getArgs(), expressions), flow.inputs(call.getArgs()), call);
        if (idx != null && targets.collecting()) {
            targets.callRecorded(idx, callee.name(), scopes.functions());
        }
        TryState t = tries.peek();
        if (idx != null && awaited.contains(call) && t != null && t.frame == scopes.current() && !t.inCatch && t.awaitedCall == null) {
            t.awaitedCall = idx;
        }
        return idx;
    }

    private Integer add(String namespace, String api, CodeLocation at, Integer parent, String via,
                        Map<String, String> options, List<String> inputs, CallNode node) {
        if (facts.calls.size() >= MAX_CALLS) {
            return null;
        }
        int idx = facts.calls.size();
        facts.calls.add(new ScriptFacts.RawCall(idx, namespace, api, at, scopes.module(), scopes.chain(), parent, via, options, inputs));
        if (node != null) {
            flow.recorded(node, idx);
        }
        return idx;
    }

    // ---- values fed by platform results

    @Override
    public Node leaveVarNode(VarNode v) {
        flow.declared(v);
        if (v.getInit() instanceof FunctionNode fn && !scopes.isEmpty()) {
            targets.declared(v.getName().getName(), fn, scopes.current().node);
        }
        return v;
    }

    @Override
    public Node leaveBinaryNode(BinaryNode b) {
        flow.assigned(b);
        return b;
    }

    // ---- await and try/catch

    @Override
    public boolean enterUnaryNode(UnaryNode u) {
        if (u.isTokenType(TokenType.AWAIT) && Expressions.strip(u.getExpression()) instanceof CallNode c) {
            awaited.add(c);
        }
        return true;
    }

    @Override
    public boolean enterTryNode(TryNode t) {
        tries.push(new TryState(scopes.current()));
        return true;
    }

    @Override
    public Node leaveTryNode(TryNode t) {
        tries.pop();
        return t;
    }

    @Override
    public boolean enterCatchNode(CatchNode c) {
        TryState t = tries.peek();
        if (t != null) {
            t.inCatch = true;
            if (t.awaitedCall != null) {
                scopes.enterCallback(t.awaitedCall, "fail");
                catchesWithParent.add(c);
            }
        }
        return true;
    }

    @Override
    public Node leaveCatchNode(CatchNode c) {
        if (catchesWithParent.remove(c)) {
            scopes.leaveCallback();
        }
        return c;
    }

    // ---- guards and URLs

    @Override
    public boolean enterIfNode(IfNode n) {
        Set<String> fields = CoordinateGuards.requiredFields(n.getTest());
        if (!fields.isEmpty() && CoordinateGuards.exits(n.getPass())) {
            facts.guards.add(new ScriptFacts.RawGuard(source.at(n.getStart()), scopes.module(), scopes.chain(), List.copyOf(fields)));
        }
        return true;
    }

    @Override
    public boolean enterLiteralNode(LiteralNode<?> l) {
        if (l.isString() && literalEndpoints < MAX_LITERAL_ENDPOINTS && l.getString().length() <= 2048
                && l.getString().regionMatches(true, 0, "http", 0, 4) && l.getString().matches("(?is)https?://[^\\s]+")
                && urlRanges.stream().noneMatch(r -> l.getStart() >= r[0] && l.getStart() < r[1])) {
            literalEndpoints++;
            facts.endpoints.add(new ScriptFacts.RawEndpoint(l.getString(), "literal", source.at(l.getStart()), scopes.module()));
        }
        return true;
    }
}
