package org.osteon.sbml;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.osteon.compile.Builtins;
import org.osteon.model.Compartment;
import org.osteon.model.Event;
import org.osteon.model.FunctionDefinition;
import org.osteon.model.InitialAssignment;
import org.osteon.model.Metadata;
import org.osteon.model.Model;
import org.osteon.model.ModelSymbol;
import org.osteon.model.Parameter;
import org.osteon.model.Reaction;
import org.osteon.model.Rule;
import org.osteon.model.Species;
import org.osteon.model.SpeciesReference;
import org.osteon.model.UnitDefinition;
import org.osteon.model.expr.Expr;
import org.osteon.text.ModelSyntaxException;
import org.osteon.text.SyntaxProblem;
import org.sbml.jsbml.ASTNode;
import org.sbml.jsbml.AbstractNamedSBase;
import org.sbml.jsbml.AlgebraicRule;
import org.sbml.jsbml.AssignmentRule;
import org.sbml.jsbml.KineticLaw;
import org.sbml.jsbml.LocalParameter;
import org.sbml.jsbml.MathContainer;
import org.sbml.jsbml.RateRule;
import org.sbml.jsbml.SBMLDocument;
import org.sbml.jsbml.SBase;
import org.sbml.jsbml.Unit;

/**
 * SBML (Level 2 Versions 1-5, Level 3 Versions 1-2, core) to an Osteon {@link Model}, with SBML's
 * meaning made explicit where Osteon's model differs:
 * <ul>
 *   <li>local parameters become global parameters {@code reaction_local} (renamed further if taken);</li>
 *   <li>ids Osteon reserves ({@code time}, {@code pi}, {@code avogadro}, a function called
 *       {@code max}, ...) get a trailing underscore, listed in {@link SbmlImport#osteonIds()};</li>
 *   <li>a species given by its amount but used as a concentration (and the reverse) starts at
 *       amount / size (size * concentration), as an initial assignment when the size is not fixed;</li>
 *   <li>Level 2 {@code stoichiometryMath} becomes an assignment rule on the species reference's id;</li>
 *   <li>Level 2 events have Level 2's meaning: no firing at the start (trigger initially true),
 *       persistent, values from trigger time unless the file says otherwise.</li>
 * </ul>
 * Problems (unsupported level, package or construct; an undefined id) are collected with the file
 * line and element and thrown together as a {@link ModelSyntaxException}.
 */
final class SbmlImporter {
    private static final Set<String> RESERVED_SYMBOLS = Set.of(Builtins.TIME, "pi", "exponentiale", "avogadro", "true",
            "false", "INF", "inf", "NaN", "infinity");

    private static final Object JSBML_LOCK = new Object();

    private final String file;
    private final SafeXml.Index index;
    private final org.sbml.jsbml.Model sm;
    private final int level;
    private final int version;
    private final List<SyntaxProblem> problems = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final Map<String, String> renamed = new LinkedHashMap<>();
    private final Set<String> globalIds = new HashSet<>();
    private final Set<String> usedIds = new HashSet<>();
    private final Set<String> functionIds = new HashSet<>();
    /** Fast reactions (Osteon id to the element's key and text, for a refusal): reduced by {@link FastReactions}. */
    private final Map<String, String[]> fastReactions = new LinkedHashMap<>();
    private final Model.Builder b;

    private SbmlImporter(String file, SafeXml.Index index, SBMLDocument doc) {
        this.file = file;
        this.index = index;
        this.sm = doc.getModel();
        this.level = doc.getLevel();
        this.version = doc.getVersion();
        this.b = Model.builder(modelId(sm, file));
    }

    /** Reads SBML text. */
    static SbmlImport read(String text, String file) {
        SafeXml.Index index = SafeXml.scan(text, file);
        checkLevel(index, file);
        SBMLDocument doc;
        try {
            javax.xml.stream.XMLEventReader events = SafeXml.factory().createXMLEventReader(new StringReader(text));
            // JSBML fills static parser registries on first use without synchronisation: two threads
            // reading their first documents at once (the conformance runner's workers) saw a null from a
            // half-filled registry. Parsing is a small part of a read, so reads are serialised.
            synchronized (JSBML_LOCK) {
                doc = new org.sbml.jsbml.xml.stax.SBMLReader().readSBML(events);
            }
        } catch (javax.xml.stream.XMLStreamException | RuntimeException e) {
            String why = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            throw SafeXml.problem(file, 1, 1, "not readable as SBML: " + why);
        }
        if (doc == null || doc.getModel() == null) {
            throw SafeXml.problem(file, index.line("sbml[1]"), 1, "the SBML document has no <model>");
        }
        return new SbmlImporter(file, index, doc).run();
    }

    private static void checkLevel(SafeXml.Index index, String file) {
        int line = Math.max(1, index.line("sbml[1]"));
        int l = index.level();
        int v = index.version();
        boolean known = (l == 2 && v >= 1 && v <= 5) || (l == 3 && (v == 1 || v == 2));
        if (!known) {
            throw SafeXml.problem(file, line, 1, "<sbml level=\"" + l + "\" version=\"" + v + "\">: SBML Level " + l
                    + " Version " + v + " is not supported; Osteon reads Level 2 Versions 1-5 and Level 3 Versions 1-2"
                    + (l == 1 ? " (convert Level 1 files with libSBML first)" : ""));
        }
        List<SyntaxProblem> packages = new ArrayList<>();
        index.packages().forEach((prefix, required) -> {
            if (required) {
                packages.add(new SyntaxProblem(file, line, 1, "<sbml>: the SBML package '" + prefix + "' is required by this "
                        + "model, and Osteon reads SBML core only (a required package changes the model's meaning)"));
            }
        });
        if (!packages.isEmpty()) {
            throw new ModelSyntaxException(packages);
        }
    }

    private static String modelId(org.sbml.jsbml.Model sm, String file) {
        if (sm.isSetId() && ModelSymbol.ID.matcher(sm.getId()).matches()) {
            return sm.getId();
        }
        String base = java.nio.file.Path.of(file).getFileName().toString().replaceFirst("\\.[^.]*$", "")
                .replaceAll("[^A-Za-z0-9_]", "_");
        return base.isEmpty() || !Character.isLetter(base.charAt(0)) && base.charAt(0) != '_' ? "model_" + base : base;
    }

    private SbmlImport run() {
        index.packages().forEach((prefix, required) -> warnings.add("the optional SBML package '" + prefix
                + "' is ignored (it does not change the simulation)"));
        collectIds();
        b.metadata(metadata(sm));
        units();
        functions();
        compartments();
        species();
        parameters();
        reactions();
        initialAssignments();
        rules();
        events();
        if (sm.getConstraintCount() > 0) {
            warnings.add(sm.getConstraintCount() + " constraint(s) ignored: Osteon does not check SBML constraints during a run");
        }
        if (!problems.isEmpty()) {
            throw new ModelSyntaxException(problems);
        }
        Model model;
        try {
            model = b.build();
        } catch (IllegalArgumentException e) {
            throw SafeXml.problem(file, 1, 1, e.getMessage());
        }
        if (!fastReactions.isEmpty()) {
            try {
                model = FastReactions.reduce(model, fastReactions.keySet());
            } catch (IllegalArgumentException e) {
                String[] first = fastReactions.values().iterator().next();
                throw SafeXml.problem(file, Math.max(1, index.line(first[0])), 1, first[1] + ": fast reactions (rapid "
                        + "equilibrium) are not supported here: " + e.getMessage());
            }
            warnings.add("fast reactions " + String.join(", ", fastReactions.keySet()) + " are taken at equilibrium "
                    + "(rapid-equilibrium reduction: conserved totals and algebraic rules)");
        }
        return new SbmlImport(model, level, version, warnings, renamed);
    }

    // ---- ids ----------------------------------------------------------------------------

    private void collectIds() {
        List<String> all = new ArrayList<>();
        sm.getListOfFunctionDefinitions().forEach(f -> {
            all.add(f.getId());
            functionIds.add(f.getId());
        });
        sm.getListOfCompartments().forEach(c -> all.add(c.getId()));
        sm.getListOfSpecies().forEach(s -> all.add(s.getId()));
        sm.getListOfParameters().forEach(p -> all.add(p.getId()));
        sm.getListOfReactions().forEach(r -> {
            all.add(r.getId());
            r.getListOfReactants().forEach(s -> addIfSet(all, s));
            r.getListOfProducts().forEach(s -> addIfSet(all, s));
        });
        sm.getListOfEvents().forEach(e -> addIfSet(all, e));
        globalIds.addAll(all);
        usedIds.addAll(all);
        for (String id : all) {
            boolean clash = RESERVED_SYMBOLS.contains(id) || (functionIds.contains(id) && Builtins.isFunction(id));
            if (clash) {
                String fresh = fresh(id + "_");
                renamed.put(id, fresh);
                warnings.add("'" + id + "' is renamed '" + fresh + "': Osteon reserves the name");
            }
        }
    }

    private static void addIfSet(List<String> all, AbstractNamedSBase s) {
        if (s.isSetId()) {
            all.add(s.getId());
        }
    }

    private String fresh(String base) {
        String id = base;
        while (usedIds.contains(id) || RESERVED_SYMBOLS.contains(id) || Builtins.isFunction(id)) {
            id = id + "_";
        }
        usedIds.add(id);
        return id;
    }

    private String id(String sbmlId) {
        return renamed.getOrDefault(sbmlId, sbmlId);
    }

    /** Resolves {@code <ci>} names of the model scope; local names first when given. */
    private Function<String, String> scope(Map<String, String> locals, String where) {
        return name -> {
            if (locals.containsKey(name)) {
                return locals.get(name);
            }
            if (globalIds.contains(name)) {
                return id(name);
            }
            throw new MathReader.Unsupported("undefined id '" + name + "'" + org.osteon.util.Suggestions.didYouMean(name, globalIds));
        };
    }

    // ---- math ---------------------------------------------------------------------------

    /** The math of an element, or null (with a problem recorded) when it is missing or unsupported. */
    private Expr math(MathContainer c, String key, String element, Map<String, String> locals) {
        if (!c.isSetMath()) {
            return null;
        }
        return math(c.getMath(), key, element, locals);
    }

    private Expr math(ASTNode node, String key, String element, Map<String, String> locals) {
        try {
            return new MathReader(scope(locals, element)).convert(node);
        } catch (MathReader.Unsupported e) {
            problem(key, element, e.getMessage());
            return null;
        }
    }

    private void problem(String key, String element, String message) {
        problems.add(new SyntaxProblem(file, Math.max(1, index.line(key)), 1, element + ": " + message));
    }

    // ---- metadata -----------------------------------------------------------------------

    private Metadata metadata(SBase s) {
        Metadata m = Metadata.EMPTY;
        if (s instanceof AbstractNamedSBase n && n.isSetName() && !n.getName().isBlank()) {
            m = m.withDisplayName(n.getName().trim());
        }
        if (s.isSetSBOTerm()) {
            m = m.withAttribute("sboTerm", s.getSBOTermID());
        }
        m = OsteonAnnotation.read(s, m);
        if (s.isSetNotes()) {
            // Osteon writes its description as the first paragraph of the notes: keep only the rest
            String notes = OsteonAnnotation.plainText(s.getNotes());
            String description = m.description() == null ? null : OsteonAnnotation.normalize(m.description());
            if (description != null && notes.startsWith(description)) {
                notes = notes.substring(description.length()).strip();
            }
            if (!notes.isBlank()) {
                m = m.withAttribute("notes", notes);
            }
        }
        return m;
    }

    // ---- units --------------------------------------------------------------------------

    private void units() {
        for (org.sbml.jsbml.UnitDefinition u : sm.getListOfUnitDefinitions()) {
            double multiplier = 1;
            List<UnitDefinition.Factor> factors = new ArrayList<>();
            for (Unit unit : u.getListOfUnits()) {
                double e = unit.getExponentAsDouble();
                multiplier *= Math.pow(unit.getMultiplier() * Math.pow(10, unit.getScale()), e);
                String kind = unit.getKind().getName().toLowerCase(Locale.ROOT);
                factors.add(new UnitDefinition.Factor(kind.equals("liter") ? "litre" : kind.equals("meter") ? "metre" : kind, e));
            }
            String id = unitId(u.getId());
            if (id != null) {
                b.unit(new UnitDefinition(id, multiplier, factors));
            }
        }
        String time = sm.isSetTimeUnits() ? sm.getTimeUnits() : level == 2 ? "time" : null;
        if (time != null) {
            String name = timeUnitName(time);
            if (name != null) {
                b.unit(new UnitDefinition("time_unit", 1, List.of(new UnitDefinition.Factor(name, 1))));
            }
        }
    }

    /** Level 2's redefinitions of the built-in unit "time" become Osteon's {@code time_unit}. */
    private static String unitId(String id) {
        if (!ModelSymbol.ID.matcher(id).matches()) {
            return null;
        }
        return id.equals("time") || id.equals("time_unit") ? null : id;
    }

    /** The name of a time unit by its length in seconds (day, hour, ...), or its id. */
    private String timeUnitName(String unitId) {
        org.sbml.jsbml.UnitDefinition u = sm.getUnitDefinition(unitId);
        if (u == null) {
            return Unit.Kind.isValidUnitKindString(unitId, level, version) ? unitId : null;
        }
        if (u.getUnitCount() != 1 || u.getUnit(0).getKind() != Unit.Kind.SECOND || u.getUnit(0).getExponentAsDouble() != 1) {
            return unitId.equals("time") ? null : unitId;
        }
        Unit s = u.getUnit(0);
        double seconds = s.getMultiplier() * Math.pow(10, s.getScale());
        Map<Double, String> named = Map.of(1.0, "second", 60.0, "minute", 3600.0, "hour", 86400.0, "day", 604800.0, "week");
        for (Map.Entry<Double, String> e : named.entrySet()) {
            if (Math.abs(seconds - e.getKey()) <= 1e-9 * e.getKey()) {
                return e.getValue();
            }
        }
        return unitId.equals("time") ? null : unitId;
    }

    private String unitOf(String unitId) {
        if (unitId == null || unitId.isEmpty()) {
            return null;
        }
        String id = unitId.equals("time") ? "time_unit" : unitId;
        return ModelSymbol.ID.matcher(id).matches() ? id : null;
    }

    // ---- declarations -------------------------------------------------------------------

    private void functions() {
        for (org.sbml.jsbml.FunctionDefinition f : sm.getListOfFunctionDefinitions()) {
            String key = "functionDefinition#" + f.getId();
            String element = "<functionDefinition id=\"" + f.getId() + "\">";
            if (!f.isSetMath() || f.getMath().getType() != ASTNode.Type.LAMBDA) {
                warnings.add(element + " has no lambda and is skipped");
                continue;
            }
            List<String> parameters = new ArrayList<>();
            Map<String, String> locals = new HashMap<>();
            for (int i = 0; i < f.getArgumentCount(); i++) {
                String arg = f.getArgument(i).getName();
                String local = RESERVED_SYMBOLS.contains(arg) ? arg + "_" : arg;
                parameters.add(local);
                locals.put(arg, local);
            }
            ASTNode body = f.getBody();
            if (body == null) {
                problem(key, element, "the lambda has no body");
                continue;
            }
            // Inside a function only its arguments are visible (SBML forbids references to model ids),
            // but calls of other functions are allowed: resolve names to arguments, then functions.
            Expr e;
            try {
                e = new MathReader(name -> {
                    if (locals.containsKey(name)) {
                        return locals.get(name);
                    }
                    if (functionIds.contains(name)) {
                        return id(name);
                    }
                    throw new MathReader.Unsupported("'" + name + "' is not an argument of the function; SBML function "
                            + "definitions may use only their arguments");
                }).convert(body);
            } catch (MathReader.Unsupported ex) {
                problem(key, element, ex.getMessage());
                continue;
            }
            b.function(new FunctionDefinition(id(f.getId()), parameters, e, metadata(f)));
        }
    }

    private void compartments() {
        for (org.sbml.jsbml.Compartment c : sm.getListOfCompartments()) {
            double size = c.isSetSize() ? c.getSize() : Double.NaN;
            if (Double.isNaN(size) && level == 2 && !hasInitializer(c.getId())) {
                size = 1; // Level 2: a compartment without a size has size 1 (L2V4 sec. 4.7.5)
            }
            boolean constant = c.isSetConstant() ? c.getConstant() : true;
            Metadata m = metadata(c);
            String unit = unitOf(c.isSetUnits() ? c.getUnits() : null);
            if (unit != null) {
                m = m.withUnit(unit);
            }
            if (c.isSetSpatialDimensions() && c.getSpatialDimensionsAsDouble() != 3) {
                m = m.withAttribute("spatialDimensions", number(c.getSpatialDimensionsAsDouble()));
            }
            b.compartment(new Compartment(id(c.getId()), size, constant, m));
            explicitNaN(c.getId(), c.isSetSize() && Double.isNaN(c.getSize()));
        }
    }

    /**
     * A value the file sets to NaN on purpose: Osteon's NaN means "not set", so the value is given
     * as an initial assignment (unless one already sets it).
     */
    private void explicitNaN(String sbmlId, boolean isNaN) {
        if (isNaN && sm.getInitialAssignmentBySymbol(sbmlId) == null && sm.getRuleByVariable(sbmlId) == null) {
            b.initialAssignment(new InitialAssignment(id(sbmlId), Expr.num(Double.NaN)));
        }
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    /**
     * Whether something other than its own value sets this symbol's start: an initial assignment,
     * an assignment rule, or (for a non-constant symbol) an algebraic rule that may determine it.
     */
    private boolean hasInitializer(String sbmlId) {
        if (sm.getInitialAssignmentBySymbol(sbmlId) != null) {
            return true;
        }
        org.sbml.jsbml.Rule r = sm.getRuleByVariable(sbmlId);
        if (r instanceof AssignmentRule) {
            return true;
        }
        if (r != null) {
            return false;
        }
        org.sbml.jsbml.Compartment c = sm.getCompartment(sbmlId);
        if (c != null && c.isSetConstant() && c.getConstant()) {
            return false;
        }
        for (org.sbml.jsbml.Rule rule : sm.getListOfRules()) {
            if (rule instanceof AlgebraicRule && rule.isSetMath() && mentions(rule.getMath(), sbmlId)) {
                return true;
            }
        }
        return false;
    }

    private static boolean mentions(ASTNode n, String id) {
        if (n.getType() == ASTNode.Type.NAME && id.equals(n.getName())) {
            return true;
        }
        for (int i = 0; i < n.getChildCount(); i++) {
            if (mentions(n.getChild(i), id)) {
                return true;
            }
        }
        return false;
    }

    private void species() {
        for (org.sbml.jsbml.Species s : sm.getListOfSpecies()) {
            String key = "species#" + s.getId();
            String element = "<species id=\"" + s.getId() + "\">";
            boolean amountOnly = s.isSetHasOnlySubstanceUnits() && s.getHasOnlySubstanceUnits();
            boolean boundary = s.isSetBoundaryCondition() && s.getBoundaryCondition();
            boolean constant = s.isSetConstant() && s.getConstant();
            String compartment = s.isSetCompartment() ? id(s.getCompartment()) : null;
            if (compartment == null) {
                problem(key, element, "the species has no compartment");
                continue;
            }
            org.sbml.jsbml.Compartment c = sm.getCompartment(s.getCompartment());
            if (c == null) {
                problem(key, element, "undefined compartment '" + s.getCompartment() + "'");
                continue;
            }
            if (c.isSetSpatialDimensions() && c.getSpatialDimensionsAsDouble() == 0 && !c.isSetSize()
                    && !hasInitializer(c.getId())) {
                amountOnly = true; // a point without a size: its species can only be amounts (Test Suite 00543)
            }
            double value = Double.NaN;
            boolean fixedSize = c.isSetSize() && !hasInitializer(c.getId()) ;
            double size = fixedSize ? c.getSize() : level == 2 && !c.isSetSize() && !hasInitializer(c.getId()) ? 1 : Double.NaN;
            boolean initializedElsewhere = sm.getInitialAssignmentBySymbol(s.getId()) != null
                    || sm.getRuleByVariable(s.getId()) instanceof AssignmentRule;
            if (s.isSetInitialAmount() && !Double.isNaN(s.getInitialAmount())) {
                double amount = s.getInitialAmount();
                if (amountOnly) {
                    value = amount;
                } else if (!Double.isNaN(size)) {
                    value = amount / size;
                } else if (!initializedElsewhere) {
                    b.initialAssignment(new InitialAssignment(id(s.getId()),
                            Expr.bin(Expr.BinaryOp.DIV, Expr.num(amount), Expr.sym(compartment))));
                }
            } else if (s.isSetInitialConcentration() && !Double.isNaN(s.getInitialConcentration())) {
                double concentration = s.getInitialConcentration();
                if (!amountOnly) {
                    value = concentration;
                } else if (!Double.isNaN(size)) {
                    value = concentration * size;
                } else if (!initializedElsewhere) {
                    b.initialAssignment(new InitialAssignment(id(s.getId()),
                            Expr.bin(Expr.BinaryOp.MUL, Expr.num(concentration), Expr.sym(compartment))));
                }
            }
            String factor = s.isSetConversionFactor() ? id(s.getConversionFactor()) : null;
            Metadata m = metadata(s);
            String unit = unitOf(s.isSetSubstanceUnits() ? s.getSubstanceUnits() : null);
            if (unit != null) {
                m = m.withUnit(unit);
            }
            b.species(new Species(id(s.getId()), compartment, value, amountOnly, boundary, constant, factor, m));
            explicitNaN(s.getId(), (s.isSetInitialAmount() && Double.isNaN(s.getInitialAmount()))
                    || (s.isSetInitialConcentration() && Double.isNaN(s.getInitialConcentration())));
        }
    }

    private void parameters() {
        if (sm.isSetConversionFactor()) {
            b.conversionFactor(id(sm.getConversionFactor()));
        }
        for (org.sbml.jsbml.Parameter p : sm.getListOfParameters()) {
            double value = p.isSetValue() ? p.getValue() : Double.NaN;
            boolean constant = p.isSetConstant() ? p.getConstant() : true;
            Metadata m = metadata(p);
            String unit = unitOf(p.isSetUnits() ? p.getUnits() : null);
            if (unit != null) {
                m = m.withUnit(unit);
            }
            b.parameter(new Parameter(id(p.getId()), value, constant, m));
            explicitNaN(p.getId(), p.isSetValue() && Double.isNaN(p.getValue()));
        }
    }

    private void reactions() {
        for (org.sbml.jsbml.Reaction r : sm.getListOfReactions()) {
            String key = "reaction#" + r.getId();
            String element = "<reaction id=\"" + r.getId() + "\">";
            if (r.isSetFast() && r.getFast()) {
                fastReactions.put(id(r.getId()), new String[] {key, element});
            }
            Map<String, String> locals = new HashMap<>();
            KineticLaw law = r.getKineticLaw();
            if (law != null) {
                for (LocalParameter lp : law.getListOfLocalParameters()) {
                    String local = fresh(id(r.getId()) + "_" + lp.getId());
                    locals.put(lp.getId(), local);
                    renamed.put(r.getId() + "/" + lp.getId(), local);
                    b.parameter(new Parameter(local, lp.isSetValue() ? lp.getValue() : Double.NaN, true,
                            metadata(lp).withAttribute("localTo", id(r.getId()))));
                }
            }
            Expr rate;
            if (law == null || !law.isSetMath()) {
                warnings.add(element + " has no kinetic law: its rate is taken as 0");
                rate = Expr.Num.ZERO;
            } else {
                rate = math(law, key, element + " kinetic law", locals);
                if (rate == null) {
                    continue;
                }
            }
            List<SpeciesReference> reactants = references(r, r.getListOfReactants(), key, element);
            List<SpeciesReference> products = references(r, r.getListOfProducts(), key, element);
            boolean reversible = !r.isSetReversible() || r.getReversible();
            b.reaction(new Reaction(id(r.getId()), reactants, products, rate, reversible, metadata(r)));
        }
    }

    private List<SpeciesReference> references(org.sbml.jsbml.Reaction r, List<org.sbml.jsbml.SpeciesReference> refs,
                                              String key, String element) {
        List<SpeciesReference> out = new ArrayList<>();
        for (org.sbml.jsbml.SpeciesReference ref : refs) {
            String species = ref.getSpecies();
            if (sm.getSpecies(species) == null) {
                problem(key, element, "undefined species '" + species + "'");
                continue;
            }
            String refId = ref.isSetId() ? id(ref.getId()) : null;
            double stoichiometry;
            if (ref.isSetStoichiometryMath()) {
                if (refId == null) {
                    refId = fresh(id(r.getId()) + "_" + species + "_stoichiometry");
                    globalIds.add(refId);
                }
                Expr e = math(ref.getStoichiometryMath(), key, element + " stoichiometryMath of '" + species + "'", Map.of());
                if (e != null) {
                    b.rule(new Rule.Assignment(refId, e));
                }
                stoichiometry = Double.NaN;
            } else if (ref.isSetStoichiometry() && !Double.isNaN(ref.getStoichiometry())) {
                stoichiometry = ref.getStoichiometry();
            } else if (refId != null && (hasInitializer(ref.getId()) || sm.getRuleByVariable(ref.getId()) != null)) {
                stoichiometry = Double.NaN;
            } else {
                stoichiometry = 1; // Level 2's default; Level 3 leaves it undefined, 1 is what every tool assumes
                if (level == 3) {
                    warnings.add(element + ": the stoichiometry of '" + species + "' is not set; 1 is assumed");
                }
            }
            try {
                out.add(new SpeciesReference(id(species), stoichiometry, refId));
            } catch (IllegalArgumentException e) {
                problem(key, element, e.getMessage());
            }
        }
        return out;
    }

    private void initialAssignments() {
        for (org.sbml.jsbml.InitialAssignment ia : sm.getListOfInitialAssignments()) {
            String symbol = ia.getVariable();
            String key = "initialAssignment@" + symbol;
            String element = "<initialAssignment symbol=\"" + symbol + "\">";
            if (!globalIds.contains(symbol)) {
                problem(key, element, "undefined id '" + symbol + "'");
                continue;
            }
            Expr e = math(ia, key, element, Map.of());
            if (e == null) {
                if (!ia.isSetMath()) {
                    warnings.add(element + " has no math and is ignored");
                }
                continue;
            }
            b.initialAssignment(new InitialAssignment(id(symbol), e));
        }
    }

    private void rules() {
        int algebraic = 0;
        for (org.sbml.jsbml.Rule r : sm.getListOfRules()) {
            if (r instanceof AlgebraicRule) {
                algebraic++;
                String key = "algebraicRule[" + algebraic + "]";
                Expr e = math(r, key, "<algebraicRule>", Map.of());
                if (e != null) {
                    b.rule(new Rule.Algebraic(e));
                } else if (!r.isSetMath()) {
                    warnings.add("an <algebraicRule> has no math and is ignored");
                }
                continue;
            }
            String variable = r instanceof AssignmentRule a ? a.getVariable() : ((RateRule) r).getVariable();
            String kind = r instanceof AssignmentRule ? "assignmentRule" : "rateRule";
            String key = kind + "@" + variable;
            String element = "<" + kind + " variable=\"" + variable + "\">";
            if (!globalIds.contains(variable)) {
                problem(key, element, "undefined id '" + variable + "'");
                continue;
            }
            Expr e = math(r, key, element, Map.of());
            if (e == null) {
                if (!r.isSetMath()) {
                    warnings.add(element + " has no math and is ignored");
                }
                continue;
            }
            b.rule(r instanceof AssignmentRule ? new Rule.Assignment(id(variable), e) : new Rule.Rate(id(variable), e));
        }
    }

    private void events() {
        int n = 0;
        for (org.sbml.jsbml.Event e : sm.getListOfEvents()) {
            n++;
            String key = e.isSetId() ? "event#" + e.getId() : "event[" + n + "]";
            String element = e.isSetId() ? "<event id=\"" + e.getId() + "\">" : "<event> number " + n;
            String eventId = e.isSetId() ? id(e.getId()) : fresh("event_" + n);
            Expr trigger = Expr.sym("false");
            boolean initialValue = true;
            boolean persistent = true;
            if (e.isSetTrigger()) {
                org.sbml.jsbml.Trigger t = e.getTrigger();
                if (t.isSetMath()) {
                    trigger = math(t, key, element + " trigger", Map.of());
                    if (trigger == null) {
                        continue;
                    }
                } else {
                    warnings.add(element + " has a trigger without math: it never fires");
                }
                if (level == 3) {
                    initialValue = !t.isSetInitialValue() || t.getInitialValue();
                    persistent = !t.isSetPersistent() || t.getPersistent();
                }
            } else {
                warnings.add(element + " has no trigger: it never fires");
            }
            Expr delay = null;
            if (e.isSetDelay() && e.getDelay().isSetMath()) {
                delay = math(e.getDelay(), key, element + " delay", Map.of());
            }
            Expr priority = null;
            if (e.isSetPriority() && e.getPriority().isSetMath()) {
                priority = math(e.getPriority(), key, element + " priority", Map.of());
            }
            boolean fromTrigger = !e.isSetUseValuesFromTriggerTime() || e.getUseValuesFromTriggerTime();
            List<Event.Assignment> assignments = new ArrayList<>();
            for (org.sbml.jsbml.EventAssignment a : e.getListOfEventAssignments()) {
                String variable = a.getVariable();
                if (!globalIds.contains(variable)) {
                    problem(key, element, "assignment to undefined id '" + variable + "'");
                    continue;
                }
                if (!a.isSetMath()) {
                    warnings.add(element + ": the assignment to '" + variable + "' has no math and is ignored");
                    continue;
                }
                Expr value = math(a, key, element + " assignment to '" + variable + "'", Map.of());
                if (value != null) {
                    assignments.add(new Event.Assignment(id(variable), value));
                }
            }
            b.event(new Event(eventId, trigger, delay, assignments, priority, persistent, initialValue, fromTrigger, metadata(e)));
        }
    }
}
