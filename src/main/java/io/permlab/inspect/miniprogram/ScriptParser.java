package io.permlab.inspect.miniprogram;

import com.oracle.js.parser.ErrorManager;
import com.oracle.js.parser.Parser;
import com.oracle.js.parser.ParserException;
import com.oracle.js.parser.ScriptEnvironment;
import com.oracle.js.parser.Source;
import com.oracle.js.parser.ir.FunctionNode;

import java.util.regex.Pattern;

/**
 * GraalJS's JavaScript parser used on its own: it builds the syntax tree of a script or ES module (ES2022: classes,
 * private fields, async/await, optional chaining, spread, BigInt; Annex B's legacy syntax) and executes nothing. Files with import/export statements
 * are parsed as modules, others as scripts; a file hinted wrongly gets one retry the other way.
 */
final class ScriptParser {
    private static final ScriptEnvironment ENV = ScriptEnvironment.builder().ecmaScriptVersion(2022).classFields(true)
            .allowBigInt(true).annexB(true).shebang(true).build();
    private static final Pattern MODULE_HINT = Pattern.compile(
            "(?m)^\\s*(import\\s*[\\w{*'\"]|export\\s+(default|const|let|var|function|class|async)\\b|export\\s*[{*])");

    /** A syntax error: 1-based line and column and the parser's reason. */
    static final class SyntaxError extends Exception {
        final int line;
        final int column;

        SyntaxError(String reason, int line, int column) {
            super(reason);
            this.line = line;
            this.column = column;
        }
    }

    private ScriptParser() {
    }

    static FunctionNode parse(String name, String code) throws SyntaxError {
        boolean module = MODULE_HINT.matcher(code).find();
        try {
            return parse(name, code, module);
        } catch (ParserException first) {
            try {
                return parse(name, code, !module);
            } catch (ParserException ignored) {
                throw error(first);
            }
        }
    }

    private static FunctionNode parse(String name, String code, boolean module) {
        Parser parser = new Parser(ENV, Source.sourceFor(name, code), new ErrorManager.ThrowErrorManager());
        return module ? parser.parseModule(name) : parser.parse();
    }

    /** "x.js:1:8 Expected an operand but found ;" and a caret drawing become the reason alone. */
    private static SyntaxError error(ParserException e) {
        String first = e.getMessage() == null ? "syntax error" : e.getMessage().lines().findFirst().orElse("syntax error");
        String prefix = e.getFileName() + ":" + e.getLineNumber() + ":" + e.getColumnNumber() + " ";
        String reason = first.startsWith(prefix) ? first.substring(prefix.length()) : first;
        return new SyntaxError(reason, Math.max(1, e.getLineNumber()), e.getColumnNumber() + 1);
    }
}
