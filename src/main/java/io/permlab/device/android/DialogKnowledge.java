package io.permlab.device.android;

import io.permlab.knowledge.KnowledgeBase;
import io.permlab.knowledge.KnowledgeException;
import io.permlab.knowledge.KnowledgeSource;

/**
 * What device sessions recognise on screen with: Android's permission dialogs ({@value DialogCatalogue#FILE}) and
 * WeChat's authorization sheets ({@value WeChatSheetCatalogue#FILE}). Loaded once per invocation from the run's
 * knowledge source, so that a folder given with {@code --knowledge DIR} can teach PermLab a new skin's dialog or a new
 * sheet wording without a rebuild; handed to the session factories, never read from a static copy.
 */
public record DialogKnowledge(DialogCatalogue dialogs, WeChatSheetCatalogue sheets) {
    /** Where an unrecognised dialog's message sends the reader: how to teach PermLab the dialog. */
    public static final String TEACH_ZH = "如为未收录的系统或微信界面，可复制并补充知识文件后用 --knowledge 重新运行（docs/android-devices.md，"
            + "“A dialog PermLab does not recognise”）";
    public static final String TEACH_EN = "to teach PermLab this dialog, edit a copy of its knowledge file and run again with "
            + "--knowledge (docs/android-devices.md, \"A dialog PermLab does not recognise\")";

    /**
     * Both catalogues from the source, checked (every permission a dialog group names must be in {@code knowledge});
     * a mistake is a {@link KnowledgeException} naming the file and the field or line, as for every other knowledge file.
     */
    public static DialogKnowledge load(KnowledgeSource source, KnowledgeBase knowledge) {
        try {
            return new DialogKnowledge(DialogCatalogue.load(source, knowledge), WeChatSheetCatalogue.load(source));
        } catch (DeviceOutputException e) {
            throw new KnowledgeException(e.getMessage(), e);
        }
    }

    /** The catalogues built into PermLab: for tests and tools that take no --knowledge. */
    public static DialogKnowledge builtIn() {
        return new DialogKnowledge(DialogCatalogue.bundled(), WeChatSheetCatalogue.bundled());
    }
}
