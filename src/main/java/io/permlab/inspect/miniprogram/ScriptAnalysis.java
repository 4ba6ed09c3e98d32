package io.permlab.inspect.miniprogram;

import com.oracle.js.parser.ir.FunctionNode;
import io.permlab.inspect.InspectionException;
import io.permlab.knowledge.miniprogram.MiniProgramApis;
import io.permlab.model.miniprogram.UnanalysedFile;

import java.util.Map;

/**
 * Analyses one JavaScript file: parse, collect its string constants, walk it (twice when callbacks given by name
 * run functions of the file: see {@link CallbackTargets}). A file that does not parse, is too
 * large (refused before it is read) or nests too deeply comes back as not analysed, with the reason and, for a syntax error, line and column.
 */
final class ScriptAnalysis {
    /** Far beyond any hand-written file; a minified vendor bundle of a few MB still fits. */
    static final int MAX_BYTES = 32 << 20;

    /** The facts of a file, or why it was not analysed. */
    record Outcome(ScriptFacts facts, UnanalysedFile unanalysed, String problem) {
    }

    private ScriptAnalysis() {
    }

    /**
     * One walk of the file. The first records where callbacks not written inline are; when some run functions of the
     * file, a second walk (same calls, same order) walks those functions as the callbacks they are.
     */
    private static ScriptFacts walk(FunctionNode program, SourceText text, String module, MiniProgramApis apis,
                                    Map<String, String> constants, CallbackTargets targets) {
        ScriptFacts facts = new ScriptFacts(text.path());
        program.accept(new ScriptVisitor(text, module, apis, constants, facts, targets));
        return facts;
    }

    static Outcome analyse(MiniProgramFiles files, String path, String module, MiniProgramApis apis) {
        String shown = files.shown(path);
        String code;
        try {
            code = files.text(path, MAX_BYTES);
        } catch (InspectionException e) {
            return new Outcome(null, new UnanalysedFile(shown, e.getMessage(), null, null), e.getMessage() + "; this file was not analysed");
        }
        try {
            FunctionNode program = ScriptParser.parse(shown, code);
            SourceText text = new SourceText(shown, code);
            Map<String, String> constants = Constants.of(program, code);
            CallbackTargets targets = new CallbackTargets();
            ScriptFacts facts = walk(program, text, module, apis, constants, targets);
            if (targets.resolve()) {
                facts = walk(program, text, module, apis, constants, targets);
            }
            facts.linkCallbackRefs(targets::resolvedGiven);
            return new Outcome(facts, null, null);
        } catch (ScriptParser.SyntaxError e) {
            return new Outcome(null, new UnanalysedFile(shown, "JavaScript syntax error: " + e.getMessage(), e.line, e.column),
                    "line " + e.line + ", column " + e.column + ": JavaScript syntax error (" + e.getMessage()
                            + "): this file was not analysed, the rest of the mini-program was");
        } catch (StackOverflowError e) {
            String why = "nested too deeply to analyse";
            return new Outcome(null, new UnanalysedFile(shown, why, null, null), why + "; this file was not analysed");
        } catch (RuntimeException | AssertionError e) {
            // The parser or the analysis met a form it does not handle: this file is not analysed, the others are.
            String why = "the parser or PermLab's analysis stopped on a form it does not handle";
            return new Outcome(null, new UnanalysedFile(shown, why, null, null), why + "; this file was not analysed");
        }
    }
}
