/**
 * The model text format: Antimony (as used with tellurium) plus Osteon's extensions.
 *
 * <p>{@link org.osteon.text.AntimonyReader} reads text into a {@link org.osteon.model.Model} and
 * reports every problem it finds as {@code file:line:column: message} in a
 * {@link org.osteon.text.ModelSyntaxException}; {@link org.osteon.text.AntimonyWriter} writes a
 * model back as canonical text that reads back to an equal model.
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
 *   A.source = "Pivonka 2008"         // Osteon: any attribute
 *   bone.citation = "..."             // model-level metadata uses the model id
 * end
 * </pre>
 *
 * <p>Reserved words: model end function external unit species compartment const var
 * substanceOnly in is has at after and or not inf NaN.
 */
package org.osteon.text;
