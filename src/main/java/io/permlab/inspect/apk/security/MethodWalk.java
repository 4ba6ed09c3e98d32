package io.permlab.inspect.apk.security;

import com.android.tools.smali.dexlib2.Opcode;
import com.android.tools.smali.dexlib2.iface.ExceptionHandler;
import com.android.tools.smali.dexlib2.iface.MethodImplementation;
import com.android.tools.smali.dexlib2.iface.TryBlock;
import com.android.tools.smali.dexlib2.iface.instruction.FiveRegisterInstruction;
import com.android.tools.smali.dexlib2.iface.instruction.Instruction;
import com.android.tools.smali.dexlib2.iface.instruction.NarrowLiteralInstruction;
import com.android.tools.smali.dexlib2.iface.instruction.OffsetInstruction;
import com.android.tools.smali.dexlib2.iface.instruction.OneRegisterInstruction;
import com.android.tools.smali.dexlib2.iface.instruction.ReferenceInstruction;
import com.android.tools.smali.dexlib2.iface.instruction.RegisterRangeInstruction;
import com.android.tools.smali.dexlib2.iface.instruction.SwitchElement;
import com.android.tools.smali.dexlib2.iface.instruction.SwitchPayload;
import com.android.tools.smali.dexlib2.iface.instruction.TwoRegisterInstruction;
import com.android.tools.smali.dexlib2.iface.instruction.WideLiteralInstruction;
import com.android.tools.smali.dexlib2.iface.reference.MethodReference;
import com.android.tools.smali.dexlib2.iface.reference.StringReference;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Walks a method's instructions in code order, knowing which registers hold constants ({@link Value}). Straight-line
 * only, and on the safe side: every value is forgotten where control can arrive from elsewhere (a branch or switch
 * target, an exception handler), and a register is forgotten when any other instruction writes it. So a value it
 * reports is one the register really holds on every path to that instruction.
 */
final class MethodWalk {
    /** What the walk reports: each instruction with the values known just before it. */
    interface Visitor {
        void instruction(Instruction ins, Map<Integer, Value> known);
    }

    private MethodWalk() {
    }

    static void walk(MethodImplementation impl, Visitor visitor) {
        List<Instruction> code = new ArrayList<>();
        impl.getInstructions().forEach(code::add);
        Set<Integer> joins = joinPoints(impl, code);
        Map<Integer, Value> known = new HashMap<>();
        Value pendingResult = null;
        int address = 0;
        for (Instruction ins : code) {
            if (joins.contains(address)) {
                known.clear();
                pendingResult = null;
            }
            visitor.instruction(ins, known);
            Opcode op = ins.getOpcode();
            Value result = null;
            switch (op) {
                case CONST_4, CONST_16, CONST, CONST_HIGH16 ->
                        known.put(register(ins), new Value.Int(((NarrowLiteralInstruction) ins).getNarrowLiteral()));
                case CONST_WIDE_16, CONST_WIDE_32, CONST_WIDE, CONST_WIDE_HIGH16 -> {
                    known.put(register(ins), new Value.Int(((WideLiteralInstruction) ins).getWideLiteral()));
                    known.remove(register(ins) + 1);
                }
                case CONST_STRING, CONST_STRING_JUMBO -> known.put(register(ins),
                        new Value.Str(((StringReference) ((ReferenceInstruction) ins).getReference()).getString()));
                case MOVE, MOVE_FROM16, MOVE_16, MOVE_OBJECT, MOVE_OBJECT_FROM16, MOVE_OBJECT_16 -> {
                    Value v = known.get(((TwoRegisterInstruction) ins).getRegisterB());
                    set(known, register(ins), v);
                }
                case NEW_ARRAY -> {
                    String type = ((ReferenceInstruction) ins).getReference().toString();
                    set(known, register(ins), "[B".equals(type) ? new Value.ConstBytes(-1) : null);
                }
                case FILL_ARRAY_DATA -> {
                    Value v = known.get(register(ins));
                    if (v instanceof Value.ConstBytes) {
                        known.put(register(ins), new Value.ConstBytes(payloadLength(code, address, ins)));
                    }
                }
                case MOVE_RESULT_OBJECT -> set(known, register(ins), pendingResult);
                default -> {
                    result = resultOf(ins, known);
                    forgetWritten(ins, known);
                }
            }
            pendingResult = result;
            address += ins.getCodeUnits();
        }
    }

    /** {@code "text".getBytes(...)} keeps its constant for the move-result that follows; nothing else does. */
    private static Value resultOf(Instruction ins, Map<Integer, Value> known) {
        if (!(ins instanceof ReferenceInstruction ri) || !(ri.getReference() instanceof MethodReference m)) {
            return null;
        }
        if (m.getDefiningClass().equals("Ljava/lang/String;") && m.getName().equals("getBytes")) {
            List<Integer> regs = invokeRegisters(ins);
            if (!regs.isEmpty() && known.get(regs.get(0)) instanceof Value.Str s) {
                return new Value.StringBytes(s.value());
            }
        }
        return null;
    }

    private static void forgetWritten(Instruction ins, Map<Integer, Value> known) {
        Opcode op = ins.getOpcode();
        if (op.setsRegister() && ins instanceof OneRegisterInstruction one) {
            known.remove(one.getRegisterA());
            if (op.setsWideRegister()) {
                known.remove(one.getRegisterA() + 1);
            }
        }
    }

    private static void set(Map<Integer, Value> known, int register, Value v) {
        if (v == null) {
            known.remove(register);
        } else {
            known.put(register, v);
        }
    }

    private static int register(Instruction ins) {
        return ((OneRegisterInstruction) ins).getRegisterA();
    }

    /** The registers an invoke passes, in argument order (the receiver first for instance methods). */
    static List<Integer> invokeRegisters(Instruction ins) {
        List<Integer> regs = new ArrayList<>();
        if (ins instanceof FiveRegisterInstruction f) {
            int[] all = {f.getRegisterC(), f.getRegisterD(), f.getRegisterE(), f.getRegisterF(), f.getRegisterG()};
            for (int i = 0; i < f.getRegisterCount(); i++) {
                regs.add(all[i]);
            }
        } else if (ins instanceof RegisterRangeInstruction r) {
            for (int i = 0; i < r.getRegisterCount(); i++) {
                regs.add(r.getStartRegister() + i);
            }
        }
        return regs;
    }

    /** Code addresses control can reach other than by falling through: branch and switch targets, exception handlers. */
    private static Set<Integer> joinPoints(MethodImplementation impl, List<Instruction> code) {
        Set<Integer> joins = new HashSet<>();
        Map<Integer, Integer> switchOf = new HashMap<>();
        int address = 0;
        for (Instruction ins : code) {
            if (ins instanceof OffsetInstruction o) {
                int target = address + o.getCodeOffset();
                if (ins.getOpcode() == Opcode.PACKED_SWITCH || ins.getOpcode() == Opcode.SPARSE_SWITCH) {
                    switchOf.put(target, address);
                } else if (ins.getOpcode() != Opcode.FILL_ARRAY_DATA) {
                    joins.add(target);
                }
            }
            address += ins.getCodeUnits();
        }
        address = 0;
        for (Instruction ins : code) {
            if (ins instanceof SwitchPayload p) {
                Integer from = switchOf.get(address);
                for (SwitchElement e : p.getSwitchElements()) {
                    // an unknown switch (payload not reached from one) is treated as jumping anywhere
                    joins.add(from == null ? -1 : from + e.getOffset());
                }
                if (from == null) {
                    return everywhere(code);
                }
            }
            address += ins.getCodeUnits();
        }
        for (TryBlock<? extends ExceptionHandler> t : impl.getTryBlocks()) {
            for (ExceptionHandler h : t.getExceptionHandlers()) {
                joins.add(h.getHandlerCodeAddress());
            }
        }
        return joins;
    }

    private static Set<Integer> everywhere(List<Instruction> code) {
        Set<Integer> all = new HashSet<>();
        int address = 0;
        for (Instruction ins : code) {
            all.add(address);
            address += ins.getCodeUnits();
        }
        return all;
    }

    /** The element count of the array-data payload a fill-array-data points at; -1 when it cannot be found. */
    private static int payloadLength(List<Instruction> code, int fillAddress, Instruction fill) {
        int target = fillAddress + ((OffsetInstruction) fill).getCodeOffset();
        int address = 0;
        for (Instruction ins : code) {
            if (address == target && ins instanceof com.android.tools.smali.dexlib2.iface.instruction.formats.ArrayPayload a) {
                return a.getArrayElements().size();
            }
            address += ins.getCodeUnits();
        }
        return -1;
    }
}
