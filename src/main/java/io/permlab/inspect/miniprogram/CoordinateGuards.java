package io.permlab.inspect.miniprogram;

import com.oracle.js.parser.TokenType;
import com.oracle.js.parser.ir.BinaryNode;
import com.oracle.js.parser.ir.Block;
import com.oracle.js.parser.ir.BlockStatement;
import com.oracle.js.parser.ir.Expression;
import com.oracle.js.parser.ir.IdentNode;
import com.oracle.js.parser.ir.LiteralNode;
import com.oracle.js.parser.ir.ReturnNode;
import com.oracle.js.parser.ir.Statement;
import com.oracle.js.parser.ir.ThrowNode;
import com.oracle.js.parser.ir.UnaryNode;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Guards that refuse to go on without a value: {@code if (!this.data.latitude || !lng) { toast(); return; }} and
 * {@code if (lat == null) throw ...}. What the guard checks is reported as field names; whether those fields are
 * coordinates, and where they come from, is decided once the whole file has been read.
 */
final class CoordinateGuards {
    private CoordinateGuards() {
    }

    /** The fields the test requires to be present (negated, or compared with null/undefined/''/0/false). */
    static Set<String> requiredFields(Expression test) {
        Set<String> out = new LinkedHashSet<>();
        collect(Expressions.strip(test), out);
        return out;
    }

    private static void collect(Expression e, Set<String> out) {
        e = Expressions.strip(e);
        if (e instanceof UnaryNode u && u.isTokenType(TokenType.NOT)) {
            Expression inner = Expressions.strip(u.getExpression());
            if (inner instanceof BinaryNode b && b.isLogical()) {
                collectAll(b, out);
            } else {
                add(inner, out);
            }
        } else if (e instanceof BinaryNode b) {
            if (b.isLogical()) {
                collect(b.getLhs(), out);
                collect(b.getRhs(), out);
            } else if (b.isTokenType(TokenType.EQ) || b.isTokenType(TokenType.EQ_STRICT)) {
                if (empty(b.getRhs())) {
                    add(b.getLhs(), out);
                } else if (empty(b.getLhs())) {
                    add(b.getRhs(), out);
                }
            }
        }
    }

    private static void collectAll(BinaryNode b, Set<String> out) {
        for (Expression side : new Expression[]{b.getLhs(), b.getRhs()}) {
            Expression s = Expressions.strip(side);
            if (s instanceof BinaryNode inner && inner.isLogical()) {
                collectAll(inner, out);
            } else {
                add(s, out);
            }
        }
    }

    private static void add(Expression e, Set<String> out) {
        String name = Expressions.fieldName(e);
        if (name != null) {
            out.add(name);
        }
    }

    private static boolean empty(Expression e) {
        e = Expressions.strip(e);
        if (e instanceof IdentNode id) {
            return id.getName().equals("undefined");
        }
        if (e instanceof LiteralNode<?> l) {
            Object v = l.getValue();
            return v == null || (l.isString() && l.getString().isEmpty()) || Boolean.FALSE.equals(v)
                    || (v instanceof Number n && n.doubleValue() == 0);
        }
        return false;
    }

    /** Whether the branch leaves the function: a return or throw among its statements. */
    static boolean exits(Block block) {
        if (block == null) {
            return false;
        }
        for (Statement s : block.getStatements()) {
            if (s instanceof ReturnNode || s instanceof ThrowNode) {
                return true;
            }
            if (s instanceof BlockStatement bs && exits(bs.getBlock())) {
                return true;
            }
        }
        return false;
    }
}
