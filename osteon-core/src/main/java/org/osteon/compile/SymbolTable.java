package org.osteon.compile;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Where each name of a flat system lives: a state, a parameter, an assigned value, time or a constant. */
final class SymbolTable {
    enum Where { STATE, PARAMETER, ASSIGNED, TEMP, TIME, CONSTANT }

    record Slot(Where where, int index, double constant) {
    }

    private final Map<String, Slot> slots = new HashMap<>();

    SymbolTable(FlatSystem flat, List<String> temps) {
        for (int i = 0; i < flat.states().size(); i++) {
            slots.put(flat.states().get(i).id(), new Slot(Where.STATE, i, 0));
        }
        for (int i = 0; i < flat.parameters().size(); i++) {
            slots.put(flat.parameters().get(i).id(), new Slot(Where.PARAMETER, i, 0));
        }
        for (int k = 0; k < flat.delays().size(); k++) {
            slots.put(FlatSystem.Delay.slotName(k), new Slot(Where.PARAMETER, flat.parameters().size() + k, 0));
        }
        for (int i = 0; i < flat.assigned().size(); i++) {
            slots.put(flat.assigned().get(i).id(), new Slot(Where.ASSIGNED, i, 0));
        }
        for (int i = 0; i < temps.size(); i++) {
            slots.put(temps.get(i), new Slot(Where.TEMP, i, 0));
        }
    }

    Slot resolve(String name) {
        Slot s = slots.get(name);
        if (s != null) {
            return s;
        }
        if (name.equals(Builtins.TIME)) {
            return new Slot(Where.TIME, 0, 0);
        }
        if (Builtins.isConstant(name)) {
            return new Slot(Where.CONSTANT, 0, Builtins.constant(name));
        }
        throw new IllegalStateException("unresolved symbol " + name);
    }
}
