package io.permlab.inspect.miniprogram;

import com.oracle.js.parser.TokenType;
import com.oracle.js.parser.ir.AccessNode;
import com.oracle.js.parser.ir.BinaryNode;
import com.oracle.js.parser.ir.Expression;
import com.oracle.js.parser.ir.FunctionNode;
import com.oracle.js.parser.ir.IdentNode;
import com.oracle.js.parser.ir.IndexNode;
import com.oracle.js.parser.ir.JoinPredecessorExpression;
import com.oracle.js.parser.ir.LexicalContext;
import com.oracle.js.parser.ir.LiteralNode;
import com.oracle.js.parser.ir.Node;
import com.oracle.js.parser.ir.ObjectNode;
import com.oracle.js.parser.ir.PropertyNode;
import com.oracle.js.parser.ir.TemplateLiteralNode;
import com.oracle.js.parser.ir.UnaryNode;
import com.oracle.js.parser.ir.visitor.NodeVisitor;
import io.permlab.model.TargetText;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Reads expressions of one file as text: a URL assembled from literals, template parts and string constants of the
 * same file ({@code BASE + '/order?phone=' + phone} → "http://api.x.cn/order?phone=${phone}"); options objects as
 * "{key: value}"; anything computed at run time as {@code ${source text}}. Also the identifiers an expression reads.
 */
final class Expressions {
    private static final int MAX_TEXT = 240;
    private static final int MAX_DEPTH = 6;

    private final String code;
    private final Map<String, String> constants;

    /**
     * @param constants string constants of the file: "BASE" → "http://...", "config.BASE" → "http://..."
     */
    Expressions(String code, Map<String, String> constants) {
        this.code = code;
        this.constants = constants;
    }

    String render(Expression e) {
        return clip(render(e, 0));
    }

    private String render(Expression e, int depth) {
        e = strip(e);
        if (depth > MAX_DEPTH) {
            return "${…}";
        }
        if (e instanceof LiteralNode<?> l) {
            if (l.isString()) {
                return TargetText.clean(l.getString());
            }
            return l.isArray() ? placeholder(e) : String.valueOf(l.getValue());
        }
        if (e instanceof TemplateLiteralNode.UntaggedTemplateLiteralNode t) {
            StringBuilder sb = new StringBuilder();
            for (Expression part : t.getExpressions()) {
                sb.append(render(part, depth + 1));
            }
            return sb.toString();
        }
        if (e instanceof BinaryNode b && b.isTokenType(TokenType.ADD)) {
            return render(b.getLhs(), depth + 1) + render(b.getRhs(), depth + 1);
        }
        if (e instanceof ObjectNode o) {
            StringBuilder sb = new StringBuilder("{");
            for (PropertyNode p : o.getElements()) {
                if (sb.length() > 1) {
                    sb.append(", ");
                }
                String key = p.getKeyName();
                sb.append(key == null ? "…" : key).append(": ");
                sb.append(p.getValue() == null ? "function" : p.getValue() instanceof FunctionNode ? "function" : render(p.getValue(), depth + 1));
            }
            return sb.append('}').toString();
        }
        if (e instanceof FunctionNode) {
            return "function";
        }
        String name = dotted(e);
        String constant = name == null ? null : constants.get(name);
        return constant != null ? constant : placeholder(e);
    }

    /** The constant name an identifier or member read denotes ("BASE", "config.BASE"), or null. */
    static String dotted(Expression e) {
        if (e instanceof IdentNode id) {
            return id.getName();
        }
        if (e instanceof AccessNode a && a.getBase() instanceof IdentNode id && !id.isThis()) {
            return id.getName() + "." + a.getProperty();
        }
        return null;
    }

    private String placeholder(Expression e) {
        return "${" + source(e) + "}";
    }

    String source(Node n) {
        int start = Math.max(0, n.getStart());
        int end = Math.min(code.length(), Math.max(start, n.getFinish()));
        String s = code.substring(start, end).replaceAll("\\s+", " ").strip();
        return s.length() > 60 ? s.substring(0, 59) + "…" : s;
    }

    private static String clip(String s) {
        return s.length() > MAX_TEXT ? s.substring(0, MAX_TEXT - 1) + "…" : s;
    }

    /** Parentheses, await and the optimiser's join wrappers say nothing about the value. */
    static Expression strip(Expression e) {
        while (true) {
            if (e instanceof JoinPredecessorExpression j && j.getExpression() != null) {
                e = j.getExpression();
            } else if (e instanceof UnaryNode u && u.isTokenType(TokenType.AWAIT)) {
                e = u.getExpression();
            } else {
                return e;
            }
        }
    }

    /** The field an expression reads last: "latitude" for this.data.address.latitude, the name for an identifier. */
    static String fieldName(Expression e) {
        e = strip(e);
        if (e instanceof AccessNode a) {
            return a.getProperty();
        }
        if (e instanceof IndexNode i && i.getIndex() instanceof LiteralNode<?> l && l.isString()) {
            return TargetText.clean(l.getString());
        }
        if (e instanceof IdentNode id && !id.isThis()) {
            return id.getName();
        }
        return null;
    }

    /** The last segment of a setData path key: "address.latitude" and "list[0].lat" end in "latitude" and "lat". */
    static String lastSegment(String key) {
        String k = key.replaceAll("\\[[^]]*]", "");
        int dot = k.lastIndexOf('.');
        return dot >= 0 ? k.substring(dot + 1) : k;
    }

    /** The identifiers an expression reads (object-literal keys excluded, shorthand values included). */
    static Set<String> identifiers(Node e) {
        Set<String> names = new LinkedHashSet<>();
        if (e == null) {
            return names;
        }
        e.accept(new NodeVisitor<>(new LexicalContext()) {
            @Override
            public boolean enterIdentNode(IdentNode id) {
                if (!id.isThis() && !id.isPropertyName()) {
                    names.add(id.getName());
                }
                return false;
            }

            @Override
            public boolean enterPropertyNode(PropertyNode p) {
                if (p.getValue() != null) {
                    p.getValue().accept(this);
                }
                if (p.isComputed() && p.getKey() != null) {
                    p.getKey().accept(this);
                }
                return false;
            }

            @Override
            public boolean enterFunctionNode(FunctionNode f) {
                return false;
            }
        });
        return names;
    }
}
