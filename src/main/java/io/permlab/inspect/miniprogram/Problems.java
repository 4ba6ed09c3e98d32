package io.permlab.inspect.miniprogram;

import io.permlab.inspect.SafeZip;
import io.permlab.model.miniprogram.CodeLocation;

import java.util.ArrayList;
import java.util.List;

/** What went wrong in part of a mini-program without stopping its inspection: a file that could not be used, and why. */
final class Problems {
    private final List<MiniProgramInspector.Problem> list = new ArrayList<>();

    synchronized void add(String file, String message) {
        list.add(new MiniProgramInspector.Problem(file, SafeZip.printable(message)));
    }

    /** A problem at a place in a file whose display path is known. */
    void add(String displayFile, CodeLocation at, String message) {
        add(displayFile, "line " + at.line() + ", column " + at.column() + ": " + message);
    }

    synchronized List<MiniProgramInspector.Problem> all() {
        return List.copyOf(list);
    }
}
