package io.permlab.inspect.miniprogram;

import com.oracle.js.parser.TokenType;
import com.oracle.js.parser.ir.AccessNode;
import com.oracle.js.parser.ir.BinaryNode;
import com.oracle.js.parser.ir.CallNode;
import com.oracle.js.parser.ir.Expression;
import com.oracle.js.parser.ir.IdentNode;
import com.oracle.js.parser.ir.IndexNode;
import com.oracle.js.parser.ir.LiteralNode;

import java.util.Locale;
import java.util.Set;

/**
 * Recognises who a call goes to. Platform calls: {@code wx.x()}, {@code uni.x()}, {@code Taro.x()}, and how builds for
 * WeChat spell them: uni-app (vue3) {@code common_vendor.index.x()}, Taro/webpack {@code _tarojs_taro__...default.a.x()},
 * {@code Object(_tarojs_taro__...["x"])()} and babel's {@code (0, x.y)()}. Calls of the file's own functions:
 * {@code this.x()}, {@code that.x()}, {@code x()}. Minified receivers ({@code r.a.getLocation()}) are "unknown".
 */
final class PlatformCalls {
    /** What a callee is: a namespace ("wx", "uni", "Taro", "local", "unknown") and the function name. */
    record Callee(String namespace, String name) {
    }

    static final Set<String> SELF = Set.of("this", "that", "self", "_this", "_self", "vm", "me", "page");

    private PlatformCalls() {
    }

    static Callee of(CallNode call) {
        Expression f = unwrap(call.getFunction());
        if (f instanceof IdentNode id) {
            return new Callee("local", id.getName());
        }
        String name = propertyName(f);
        if (name == null) {
            return null;
        }
        Expression base = f instanceof AccessNode a ? a.getBase() : ((IndexNode) f).getBase();
        String ns = namespace(base);
        if (ns != null) {
            return new Callee(ns, name);
        }
        if (base instanceof IdentNode id && (id.isThis() || SELF.contains(id.getName()))) {
            return new Callee("local", name);
        }
        return new Callee("unknown", name);
    }

    /** {@code Object(x)} and {@code (0, x)} call x itself; both are how bundlers call an imported function. */
    static Expression unwrap(Expression f) {
        if (f instanceof CallNode c && c.getArgs().size() == 1 && c.getFunction() instanceof IdentNode id && "Object".equals(id.getName())) {
            return c.getArgs().get(0);
        }
        if (f instanceof BinaryNode b && b.isTokenType(TokenType.COMMARIGHT)) {
            return b.getRhs();
        }
        return f;
    }

    static String propertyName(Expression f) {
        if (f instanceof AccessNode a && !a.isPrivate()) {
            return a.getProperty();
        }
        if (f instanceof IndexNode i && i.getIndex() instanceof LiteralNode<?> l && l.isString()) {
            return l.getString();
        }
        return null;
    }

    private static String namespace(Expression base) {
        if (base instanceof IdentNode id) {
            String n = id.getName();
            if (n.equals("wx") || n.equals("uni") || n.equals("Taro") || n.equals("taro")) {
                return n.equals("taro") ? "Taro" : n;
            }
            return taro(n) ? "Taro" : null;
        }
        if (base instanceof AccessNode a && a.getBase() instanceof IdentNode root) {
            String r = root.getName();
            if (a.getProperty().equals("index") && r.toLowerCase(Locale.ROOT).contains("vendor")) {
                return "uni";
            }
            if ((a.getProperty().equals("default") || a.getProperty().equals("a")) && taro(r)) {
                return "Taro";
            }
        }
        if (base instanceof CallNode c && c.getArgs().isEmpty() && c.getFunction() instanceof IdentNode fn && taro(fn.getName())) {
            return "Taro";
        }
        return null;
    }

    private static boolean taro(String identifier) {
        return identifier.toLowerCase(Locale.ROOT).contains("tarojs_taro");
    }
}
