package org.osteon.text.antlr;

import java.util.ArrayList;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.tree.ParseTree;

/**
 * The base of the generated parse-tree nodes: as ANTLR's own, but a node's list of children
 * starts with room for two instead of ten. Most nodes of an expression have one child (each
 * precedence level that has no operator), so this takes about a quarter off the memory of the
 * parse tree of a large model, which is all alive until the model is assembled from it.
 */
public class CompactRuleContext extends ParserRuleContext {
    public CompactRuleContext() {
    }

    public CompactRuleContext(ParserRuleContext parent, int invokingStateNumber) {
        super(parent, invokingStateNumber);
    }

    @Override
    public <T extends ParseTree> T addAnyChild(T t) {
        if (children == null) {
            children = new ArrayList<>(2);
        }
        children.add(t);
        return t;
    }
}
