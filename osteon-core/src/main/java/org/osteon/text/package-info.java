/**
 * The model text format: Antimony as tellurium users and libAntimony write it, plus Osteon's
 * extensions.
 *
 * <p>{@link org.osteon.text.AntimonyReader} reads text into a {@link org.osteon.model.Model} and
 * reports every problem it finds as {@code file:line:column: message} in a
 * {@link org.osteon.text.ModelSyntaxException}, and what it accepted with a default as warnings
 * ({@link org.osteon.text.AntimonyReading}); {@link org.osteon.text.AntimonyWriter} writes a
 * model back as canonical text that reads back to an equal model and that libAntimony reads too.
 *
 * <p>Besides the forms below, the reader takes libAntimony's: annotations
 * ({@code A hypernym "http://..."}, {@code A notes "..."}, {@code A.sboTerm = 297},
 * {@code model notes "..."}), texts between triple back-quotes, display names and annotations
 * of the model after its block, unit definitions with numbers ({@code unit pmin = 1 / 60 second}),
 * {@code x = ;} (no value, a warning), {@code J0 = k*A} (a reaction's rate), {@code n S} in a
 * reaction (a named stoichiometry), {@code %}, several models per file and submodels
 * ({@code A: sub(x)}, {@code A.S is S}), flattened as the SBML comp package does. A species
 * nothing gives a value starts at 0, with a warning (tellurium's convention).
 *
 * <pre>
 * function hill(x, k, n)              // functions: before or inside the model
 *   x^n/(k^n + x^n)
 * end
 * external function psi_bm(f, s)      // Osteon: implemented in Java
 *
 * model *bone()                       // "model bone" and "model bone()" also work
 *   unit pM = 1e-12 mole / litre
 *   compartment C = 1
 *   species A, B in C; species $X     // $: boundary species
 *   J1: A + 2 B -> X; k*A*B           // "->" reversible, "=>" irreversible
 *   x := hill(A, 1, 2)                // assignment rule
 *   y' = -k*y                         // rate rule
 *   E1: at 2 after (time >= 10), t0=false, priority=1: k = 5
 *   k = 3 pM                          // a number sets the value (and unit)
 *   q = k*2                           // anything else is an initial assignment
 *   const K_d = 2; var q              // constant / changeable
 *   A is "active osteoblasts"         // display name
 *   A has pM                          // unit
 *   A notes "source: Pivonka 2008"    // Osteon's attributes, as libAntimony reads them
 *   A.source = "Pivonka 2008"         // the same, Osteon's older form
 * end
 * bone notes "citation: ..."         // the model's metadata, after its block
 * </pre>
 *
 * <p>Reserved words: model module end function unit species compartment const var
 * substanceOnly in is has at after and or not inf NaN ({@code external} only before
 * {@code function}). The writer also avoids libAntimony's other reserved names (its built-in
 * functions such as {@code gamma}, its constants) by appending {@code _}.
 */
package org.osteon.text;
