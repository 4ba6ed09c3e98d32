package io.permlab.rules.miniprogram;

import io.permlab.model.EvidencePointer;
import io.permlab.model.miniprogram.ApiCall;
import io.permlab.model.miniprogram.CodeLocation;
import io.permlab.model.miniprogram.WxmlHook;

/** Evidence pointers into a mini-program: file:line:column, what is there, and the code excerpt. */
final class Pointers {
    private Pointers() {
    }

    static EvidencePointer call(ApiCall c) {
        String what = c.platform() ? c.qualifiedName() : c.api() + "()";
        return at("code", c.at(), where(c) + " › " + what);
    }

    static EvidencePointer declaration(CodeLocation at, String symbol) {
        return at("declaration", at, symbol);
    }

    static EvidencePointer wxml(WxmlHook h) {
        return at("wxml", h.at(), h.owner() + " › <" + h.element() + " " + h.attribute() + "=\"" + h.value() + "\">");
    }

    static EvidencePointer at(String kind, CodeLocation at, String symbol) {
        return EvidencePointer.at(kind, at.file(), at.line(), at.column(), symbol, at.excerpt());
    }

    /** "pages/address/address › locate": the owner and the named function the call sits in. */
    static String where(ApiCall c) {
        return where(c.owner(), c.function());
    }

    static String where(String owner, String function) {
        return function == null || function.isEmpty() ? owner : owner + " › " + function;
    }
}
