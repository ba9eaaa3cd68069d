"""Do the unit definitions libAntimony wrote to SBML mean what Osteon's definitions mean?

usage: units_check.py MODEL.units MODEL.xml   (MODEL.units as WriteAntimony.java writes it)

Each Osteon unit is expanded into SBML base units (multiplier times base-unit powers) through the
model's own definitions; each SBML unitDefinition into the same form (libSBML: (m * 10^s * kind)^e).
They must agree to 1e-9 relative. A unit naming an undefined non-base unit (day without a
definition) cannot be checked and is reported.
"""
import math
import sys

import libsbml

BASE = {"ampere", "avogadro", "becquerel", "candela", "celsius", "coulomb", "dimensionless", "farad", "gram",
        "gray", "henry", "hertz", "item", "joule", "katal", "kelvin", "kilogram", "litre", "lumen", "lux", "metre",
        "mole", "newton", "ohm", "pascal", "radian", "second", "siemens", "sievert", "steradian", "tesla", "volt",
        "watt", "weber"}
ALIASES = {"liter": "litre", "meter": "metre"}


def sbml_name(osteon_id):
    """libAntimony drops a plural 's' from unit names (stringx.cpp FixUnitName)."""
    name = osteon_id
    if len(name) > 2 and name.endswith("s") and name[-2] != "_" and name != "dimensionless" \
            and "siemens" not in name and "per_nM" not in name:
        name = name[:-1]
    return ALIASES.get(name, name)


def expand(uid, defs, seen=()):
    uid = ALIASES.get(uid, uid)
    if uid in BASE:
        return 1.0, {uid: 1.0} if uid != "dimensionless" else {}
    if uid not in defs or uid in seen:
        raise KeyError(uid)
    mult, factors = defs[uid]
    out = {}
    for unit, exp in factors:
        m, powers = expand(unit, defs, seen + (uid,))
        mult *= m ** exp
        for k, v in powers.items():
            out[k] = out.get(k, 0.0) + v * exp
    return mult, {k: v for k, v in out.items() if abs(v) > 1e-12}


def main(units_file, sbml_file):
    defs = {}
    for line in open(units_file):
        parts = line.split()
        if parts:
            defs[parts[0]] = (float(parts[1]), [(p.rsplit(":", 1)[0], float(p.rsplit(":", 1)[1])) for p in parts[2:]])
    model = libsbml.readSBML(sbml_file).getModel()
    bad = 0
    for uid in defs:
        if any(exp == 0 for _, exp in defs[uid][1]):
            # libAntimony turns a factor raised to 0 into a NaN multiplier (it does so for its own
            # translation of BIOMD0000000075's unit_6 too): nothing to compare
            print(f"unit {uid}: has a factor raised to 0, which libAntimony cannot convert: not checked")
            continue
        try:
            want_mult, want = expand(uid, defs)
        except KeyError as e:
            print(f"unit {uid}: names {e.args[0]}, which is neither an SBML base unit nor defined: not checked")
            continue
        ud = model.getUnitDefinition(sbml_name(uid)) or model.getUnitDefinition(uid)
        if ud is None:
            print(f"unit {uid}: missing from the SBML")
            bad += 1
            continue
        got_mult, got = 1.0, {}
        for u in ud.getListOfUnits():
            kind = libsbml.UnitKind_toString(u.getKind())
            got_mult *= (u.getMultiplier() * 10 ** u.getScale()) ** u.getExponent()
            if kind != "dimensionless":
                got[kind] = got.get(kind, 0.0) + u.getExponent()
        got = {k: v for k, v in got.items() if abs(v) > 1e-12}
        same_powers = got.keys() == want.keys() and all(abs(got[k] - want[k]) < 1e-9 for k in got)
        if not same_powers or not math.isclose(got_mult, want_mult, rel_tol=1e-9):
            print(f"unit {uid}: Osteon {want_mult:g} {want}, libAntimony's SBML {got_mult:g} {got}")
            bad += 1
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
