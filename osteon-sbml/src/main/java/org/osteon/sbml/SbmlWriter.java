package org.osteon.sbml;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLStreamException;
import org.osteon.model.Compartment;
import org.osteon.model.Event;
import org.osteon.model.FunctionDefinition;
import org.osteon.model.InitialAssignment;
import org.osteon.model.Metadata;
import org.osteon.model.Model;
import org.osteon.model.Parameter;
import org.osteon.model.Reaction;
import org.osteon.model.Rule;
import org.osteon.model.Species;
import org.osteon.model.SpeciesReference;
import org.osteon.model.UnitDefinition;
import org.sbml.jsbml.ASTNode;
import org.sbml.jsbml.KineticLaw;
import org.sbml.jsbml.SBMLDocument;
import org.sbml.jsbml.SBase;
import org.sbml.jsbml.Unit;

/**
 * An Osteon {@link Model} as SBML Level 3 Version 2 core: units (expanded to SBML base units),
 * display names, notes (the description) and, in an annotation of Osteon's namespace, every other
 * metadata attribute (source, citation, deviations from the paper, ...), so that
 * {@link SbmlReader} reads the same model back. A model with parts implemented in Java (external
 * functions) cannot be written: the exception names the part.
 */
public final class SbmlWriter {
    /** Where a species without a compartment lives in SBML, which requires one. */
    static final String DEFAULT_COMPARTMENT = "default_compartment";

    private final Model model;
    private final SbmlUnits units;
    private final Set<String> writtenUnits = new HashSet<>();
    private final Set<String> variableSymbols = new HashSet<>();
    private org.sbml.jsbml.Model sm;

    private SbmlWriter(Model model) {
        this.model = model;
        this.units = new SbmlUnits(model);
        model.rules().stream().filter(r -> r.variable() != null).forEach(r -> variableSymbols.add(r.variable()));
        model.events().forEach(e -> e.assignments().forEach(a -> variableSymbols.add(a.variable())));
    }

    /**
     * @throws IllegalArgumentException naming the part of the model implemented in Java, which SBML
     *                                  cannot express
     */
    public static String write(Model model) {
        for (FunctionDefinition f : model.functions()) {
            if (f.isExternal()) {
                throw new IllegalArgumentException("model '" + model.id() + "' cannot be exported: its function '" + f.id()
                        + "' is implemented in Java (external function), and SBML has no equivalent");
            }
        }
        return new SbmlWriter(model).text();
    }

    private String text() {
        SBMLDocument doc = new SBMLDocument(3, 2);
        sm = doc.createModel(model.id());
        describe(sm, model.metadata());
        unitDefinitions();
        for (FunctionDefinition f : model.functions()) {
            org.sbml.jsbml.FunctionDefinition fd = sm.createFunctionDefinition(f.id());
            ASTNode lambda = new ASTNode(ASTNode.Type.LAMBDA);
            f.parameters().forEach(p -> lambda.addChild(new ASTNode(p)));
            lambda.addChild(MathWriter.write(f.body()));
            fd.setMath(lambda);
            describe(fd, f.metadata());
        }
        model.compartments().forEach(this::compartment);
        model.species().forEach(this::species);
        model.parameters().forEach(this::parameter);
        if (model.conversionFactor() != null) {
            sm.setConversionFactor(model.conversionFactor());
        }
        for (InitialAssignment ia : model.initialAssignments()) {
            org.sbml.jsbml.InitialAssignment a = sm.createInitialAssignment();
            a.setVariable(ia.symbol());
            a.setMath(MathWriter.write(ia.expression()));
        }
        for (Rule r : model.rules()) {
            org.sbml.jsbml.Rule rule = r instanceof Rule.Assignment ? sm.createAssignmentRule()
                    : r instanceof Rule.Rate ? sm.createRateRule() : sm.createAlgebraicRule();
            if (rule instanceof org.sbml.jsbml.ExplicitRule e) {
                e.setVariable(r.variable());
            }
            rule.setMath(MathWriter.write(r.expression()));
        }
        model.reactions().forEach(this::reaction);
        model.events().forEach(this::event);
        try {
            return new org.sbml.jsbml.SBMLWriter().writeSBMLToString(doc);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("JSBML could not write model '" + model.id() + "': " + e.getMessage(), e);
        }
    }

    // ---- units --------------------------------------------------------------------------

    private void unitDefinitions() {
        Set<String> ids = new java.util.LinkedHashSet<>();
        model.units().forEach(u -> ids.add(u.id()));
        // units that symbols name without the model defining them (day, hour, ...): defined here
        model.symbols().values().forEach(s -> {
            if (s.metadata().unit() != null) {
                ids.add(s.metadata().unit());
            }
        });
        for (String id : ids) {
            if (SbmlUnits.BASE.contains(id) || !org.osteon.model.ModelSymbol.ID.matcher(id).matches()) {
                continue; // SBML forbids redefining a base unit
            }
            units.expand(id).ifPresent(e -> {
                org.sbml.jsbml.UnitDefinition ud = sm.createUnitDefinition(id);
                if (e.exponents().isEmpty()) {
                    ud.addUnit(unit(Unit.Kind.DIMENSIONLESS, 1, e.multiplier()));
                } else {
                    boolean first = true;
                    for (Map.Entry<String, Double> k : e.exponents().entrySet()) {
                        double m = first ? Math.pow(e.multiplier(), 1 / k.getValue()) : 1;
                        ud.addUnit(unit(Unit.Kind.valueOf(k.getKey().toUpperCase(java.util.Locale.ROOT)), k.getValue(), m));
                        first = false;
                    }
                }
                writtenUnits.add(id);
            });
        }
        if (writtenUnits.contains("time_unit") && units.expand("time_unit").map(e -> e.exponents().equals(Map.of("second", 1.0)))
                .orElse(false)) {
            sm.setTimeUnits("time_unit");
        }
        if (writtenUnits.contains("substance") && units.isSubstance("substance")) {
            sm.setSubstanceUnits("substance");
            sm.setExtentUnits("substance");
        }
        if (writtenUnits.contains("volume")) {
            sm.setVolumeUnits("volume");
        }
    }

    private Unit unit(Unit.Kind kind, double exponent, double multiplier) {
        Unit u = new Unit(3, 2);
        u.setKind(kind);
        u.setExponent(exponent);
        u.setScale(0);
        u.setMultiplier(multiplier);
        return u;
    }

    /** The unit id to write for a symbol: one written as a definition, or an SBML base unit; else null. */
    private String unitOf(Metadata m) {
        String u = m.unit();
        if (u == null) {
            return null;
        }
        return writtenUnits.contains(u) || SbmlUnits.BASE.contains(u) ? u : null;
    }

    // ---- declarations -------------------------------------------------------------------

    private void compartment(Compartment c) {
        org.sbml.jsbml.Compartment sc = sm.createCompartment(c.id());
        if (!Double.isNaN(c.size())) {
            sc.setSize(c.size());
        }
        sc.setConstant(c.constant() && !variableSymbols.contains(c.id()));
        String dims = c.metadata().attribute("spatialDimensions");
        sc.setSpatialDimensions(dims == null ? 3 : Double.parseDouble(dims));
        String u = unitOf(c.metadata());
        if (u != null) {
            sc.setUnits(u);
        }
        describe(sc, c.metadata());
    }

    private void species(Species s) {
        String compartment = s.compartment();
        if (compartment == null) {
            compartment = DEFAULT_COMPARTMENT;
            if (sm.getCompartment(compartment) == null) {
                org.sbml.jsbml.Compartment c = sm.createCompartment(compartment);
                c.setSize(1);
                c.setConstant(true);
                c.setSpatialDimensions(3);
            }
        }
        org.sbml.jsbml.Species sp = sm.createSpecies(s.id());
        sp.setCompartment(compartment);
        if (!Double.isNaN(s.initialValue())) {
            if (s.amountOnly()) {
                sp.setInitialAmount(s.initialValue());
            } else {
                sp.setInitialConcentration(s.initialValue());
            }
        }
        sp.setHasOnlySubstanceUnits(s.amountOnly());
        sp.setBoundaryCondition(s.boundary());
        sp.setConstant(s.constant() && !variableSymbols.contains(s.id()));
        if (s.conversionFactor() != null) {
            sp.setConversionFactor(s.conversionFactor());
        }
        String u = unitOf(s.metadata());
        if (u != null && units.isSubstance(u)) {
            sp.setSubstanceUnits(u);
        }
        describe(sp, s.metadata());
    }

    private void parameter(Parameter p) {
        org.sbml.jsbml.Parameter sp = sm.createParameter(p.id());
        if (!Double.isNaN(p.value())) {
            sp.setValue(p.value());
        }
        sp.setConstant(p.constant() && !variableSymbols.contains(p.id()));
        String u = unitOf(p.metadata());
        if (u != null) {
            sp.setUnits(u);
        }
        describe(sp, p.metadata());
    }

    private void reaction(Reaction r) {
        org.sbml.jsbml.Reaction sr = sm.createReaction(r.id());
        sr.setReversible(r.reversible());
        for (SpeciesReference ref : r.reactants()) {
            reference(sr.createReactant(), ref);
        }
        for (SpeciesReference ref : r.products()) {
            reference(sr.createProduct(), ref);
        }
        KineticLaw law = sr.createKineticLaw();
        law.setMath(MathWriter.write(r.rate()));
        describe(sr, r.metadata());
    }

    private void reference(org.sbml.jsbml.SpeciesReference sr, SpeciesReference ref) {
        sr.setSpecies(ref.species());
        if (ref.id() != null) {
            sr.setId(ref.id());
        }
        if (!Double.isNaN(ref.stoichiometry())) {
            sr.setStoichiometry(ref.stoichiometry());
        }
        sr.setConstant(ref.id() == null || !variableSymbols.contains(ref.id()));
    }

    private void event(Event e) {
        org.sbml.jsbml.Event se = sm.createEvent(e.id());
        se.setUseValuesFromTriggerTime(e.useValuesFromTriggerTime());
        org.sbml.jsbml.Trigger t = se.createTrigger(e.initialValue(), e.persistent());
        t.setMath(MathWriter.write(e.trigger()));
        if (e.delay() != null) {
            se.createDelay(MathWriter.write(e.delay()));
        }
        if (e.priority() != null) {
            se.createPriority(MathWriter.write(e.priority()));
        }
        for (Event.Assignment a : e.assignments()) {
            se.createEventAssignment(a.variable(), MathWriter.write(a.expression()));
        }
        describe(se, e.metadata());
    }

    // ---- metadata -----------------------------------------------------------------------

    /** Name, SBO term, notes (the description, or notes read from SBML) and Osteon's other attributes. */
    private static void describe(SBase s, Metadata m) {
        if (m.displayName() != null && s instanceof org.sbml.jsbml.AbstractNamedSBase named) {
            named.setName(m.displayName());
        }
        String sbo = m.attribute("sboTerm");
        if (sbo != null && sbo.matches("SBO:\\d{7}")) {
            s.setSBOTerm(sbo);
        }
        List<String> paragraphs = new java.util.ArrayList<>();
        if (m.description() != null) {
            paragraphs.add(m.description());
        }
        if (m.attribute("notes") != null && !m.attribute("notes").equals(m.description())) {
            paragraphs.add(m.attribute("notes"));
        }
        try {
            if (!paragraphs.isEmpty()) {
                StringBuilder body = new StringBuilder("<body xmlns=\"http://www.w3.org/1999/xhtml\">");
                paragraphs.forEach(p -> body.append("<p>").append(OsteonAnnotation.escape(p)).append("</p>"));
                s.setNotes(body.append("</body>").toString());
            }
            String annotation = OsteonAnnotation.xml(m);
            if (annotation != null) {
                s.getAnnotation().appendNonRDFAnnotation(annotation);
            }
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the notes of '" + m.displayName() + "': " + e.getMessage(), e);
        }
    }

}
