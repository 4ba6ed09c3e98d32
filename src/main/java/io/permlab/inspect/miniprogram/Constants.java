package io.permlab.inspect.miniprogram;

import com.oracle.js.parser.ir.FunctionNode;
import com.oracle.js.parser.ir.LexicalContext;
import com.oracle.js.parser.ir.LiteralNode;
import com.oracle.js.parser.ir.ObjectNode;
import com.oracle.js.parser.ir.PropertyNode;
import com.oracle.js.parser.ir.VarNode;
import com.oracle.js.parser.ir.visitor.NodeVisitor;
import io.permlab.model.TargetText;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * String constants a file declares ({@code const BASE = 'http://api.x.cn'}, {@code const config = {HOST: '...'}}), so
 * URLs built from them read as text. A name declared twice with different values is dropped: it is not a constant.
 */
final class Constants {
    private Constants() {
    }

    static Map<String, String> of(FunctionNode program, String code) {
        Map<String, String> out = new HashMap<>();
        Set<String> ambiguous = new HashSet<>();
        Expressions plain = new Expressions(code, Map.of());
        program.accept(new NodeVisitor<>(new LexicalContext()) {
            @Override
            public boolean enterVarNode(VarNode v) {
                if (v.getInit() instanceof LiteralNode<?> l && l.isString()) {
                    put(v.getName().getName(), TargetText.clean(l.getString()));
                } else if (v.getInit() instanceof ObjectNode o) {
                    for (PropertyNode p : o.getElements()) {
                        if (p.getKeyName() != null && p.getValue() instanceof LiteralNode<?> l && l.isString()) {
                            put(v.getName().getName() + "." + p.getKeyName(), TargetText.clean(l.getString()));
                        }
                    }
                } else if (v.getInit() != null && !(v.getInit() instanceof FunctionNode)) {
                    String text = plain.render(v.getInit());
                    if (!text.contains("${") && text.matches("(?i)https?://.*")) {
                        put(v.getName().getName(), text);
                    }
                }
                return true;
            }

            private void put(String name, String value) {
                String previous = out.putIfAbsent(name, value);
                if (previous != null && !previous.equals(value)) {
                    ambiguous.add(name);
                }
            }
        });
        ambiguous.forEach(out::remove);
        return out;
    }
}
