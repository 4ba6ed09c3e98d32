package io.permlab.inspect.miniprogram;

import com.oracle.js.parser.TokenType;
import com.oracle.js.parser.ir.AccessNode;
import com.oracle.js.parser.ir.BinaryNode;
import com.oracle.js.parser.ir.CallNode;
import com.oracle.js.parser.ir.Expression;
import com.oracle.js.parser.ir.IdentNode;
import com.oracle.js.parser.ir.VarNode;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where platform results go, within a file: a variable bound to a call's result (const res = await wx.getLocation(),
 * destructuring included, and variables computed from such a variable), the callback parameters Scopes binds, and the
 * fields (setData keys, this.x, this.data.x) that receive them. Values passed to other functions are not followed.
 */
final class ValueFlow {
    private final Scopes scopes;
    private final ScriptFacts facts;
    private final CallbackTargets targets;
    private final Map<CallNode, Integer> callIndex = new IdentityHashMap<>();

    ValueFlow(Scopes scopes, ScriptFacts facts, CallbackTargets targets) {
        this.scopes = scopes;
        this.facts = facts;
        this.targets = targets;
    }

    /** The API of a call; one further down the file (a function given as its callback is written above it) from the first walk. */
    private String api(int call) {
        return call < facts.calls.size() ? facts.calls.get(call).api : targets.apiOf(call);
    }

    void recorded(CallNode call, int idx) {
        callIndex.put(call, idx);
    }

    /** The platform APIs whose results the expressions read. */
    List<String> inputs(List<Expression> expressions) {
        List<String> out = new ArrayList<>();
        for (Expression e : expressions) {
            for (String id : Expressions.identifiers(e)) {
                Integer bound = scopes.lookup(id);
                if (bound != null && !out.contains(api(bound))) {
                    out.add(api(bound));
                }
            }
        }
        return out;
    }

    void declared(VarNode v) {
        Integer idx = v.getInit() == null ? null : resultOf(v.getInit());
        if (idx != null) {
            scopes.bind(v.getName().getName(), idx);
        }
    }

    void assigned(BinaryNode b) {
        if (!b.isTokenType(TokenType.ASSIGN) && !b.isTokenType(TokenType.ASSIGN_INIT)) {
            return;
        }
        Expression lhs = b.getLhs();
        Integer idx = resultOf(b.getRhs());
        if (idx != null && !(lhs instanceof AccessNode)) {
            for (String name : lhs instanceof IdentNode id ? Set.of(id.getName()) : Expressions.identifiers(lhs)) {
                scopes.bind(name, idx);
            }
        }
        if (lhs instanceof AccessNode a && selfOrData(a.getBase())) {
            fieldFilled(a.getProperty(), b.getRhs());
        }
    }

    /** Records which platform results a field receives: those the value reads, else the success callback it sits in. */
    void fieldFilled(String field, Expression value) {
        List<String> read = inputs(List.of(value));
        Scopes.Parent p = scopes.parent();
        if (read.isEmpty() && p != null && !"fail".equals(p.via())) {
            read = List.of(api(p.call()));
        }
        read.forEach(api -> facts.fieldSource(scopes.module(), field, api));
    }

    /** The platform call whose result the first of the expressions that reads one reads, or null. */
    Integer resultRead(List<Expression> expressions) {
        for (Expression e : expressions) {
            Integer idx = resultOf(e);
            if (idx != null) {
                return idx;
            }
        }
        return null;
    }

    /** The platform call whose result an expression is or reads, or null. */
    private Integer resultOf(Expression e) {
        Expression s = Expressions.strip(e);
        if (s instanceof CallNode c && callIndex.containsKey(c)) {
            return callIndex.get(c);
        }
        for (String id : Expressions.identifiers(s)) {
            Integer bound = scopes.lookup(id);
            if (bound != null) {
                return bound;
            }
        }
        return null;
    }

    private static boolean selfOrData(Expression base) {
        if (base instanceof IdentNode id) {
            return id.isThis() || PlatformCalls.SELF.contains(id.getName());
        }
        return base instanceof AccessNode a && a.getProperty().equals("data") && selfOrData(a.getBase());
    }
}
