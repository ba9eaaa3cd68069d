#!/usr/bin/env python3
"""The docs/sbml.md tables of a conformance run: counts, then every case that does not pass.

Usage: tools/sbml/not-passing.py results.csv ../shared/sbml-test-suite/cases.tsv
(results.csv as `osteon conformance` writes it; cases.tsv is the suite's index, for the tags.)
Core time courses that do not pass are listed one per row; cases outside core (packages, flux
balance) are grouped by reason, with their case numbers.
"""
import csv
import sys
from collections import OrderedDict


def main(results_path, index_path):
    index = {}
    with open(index_path, newline='') as f:
        for row in csv.DictReader(f, delimiter='\t'):
            index[row['case']] = row
    with open(results_path, newline='') as f:
        results = list(csv.DictReader(f))

    def core(case):
        row = index[case]
        tags = (row['componentTags'] + ';' + row['testTags']).split(';')
        return row['testType'] == 'TimeCourse' and not any(':' in t for t in tags if t)

    core_rows = [r for r in results if core(r['case'])]
    other_rows = [r for r in results if not core(r['case'])]

    def counts(rows):
        c = OrderedDict((k, 0) for k in ('pass', 'fail', 'unsupported', 'error'))
        for r in rows:
            c[r['result']] += 1
        return c

    print('| cases | total | pass | fail | unsupported | error |')
    print('|---|---|---|---|---|---|')
    for label, rows in (('core time courses', core_rows), ('outside core', other_rows), ('all', results)):
        c = counts(rows)
        print(f"| {label} | {len(rows)} | {c['pass']} | {c['fail']} | {c['unsupported']} | {c['error']} |")
    print()
    print('Core time-course cases that do not pass:')
    print()
    print('| case | result | reason | tags |')
    print('|---|---|---|---|')
    for r in core_rows:
        if r['result'] != 'pass':
            row = index[r['case']]
            tags = ', '.join(t for t in (row['componentTags'] + ';' + row['testTags']).split(';') if t)
            reason = r['reason'].replace('|', '\\|')
            print(f"| {r['case']} | {r['result']} | {reason} | {tags} |")
    print()
    print('Cases outside core, by reason:')
    print()
    print('| reason | result | cases |')
    print('|---|---|---|')
    groups = OrderedDict()
    for r in other_rows:
        if r['result'] != 'pass':
            groups.setdefault((r['reason'], r['result']), []).append(r['case'])
    for (reason, result), cases in sorted(groups.items(), key=lambda g: -len(g[1])):
        print(f"| {reason} | {result} | {len(cases)}: {ranges(cases)} |")


def ranges(cases):
    nums = sorted(int(c) for c in cases)
    out = []
    start = prev = nums[0]
    for n in nums[1:] + [None]:
        if n is not None and n == prev + 1:
            prev = n
            continue
        out.append(f'{start:05d}' if start == prev else f'{start:05d}–{prev:05d}')
        if n is not None:
            start = prev = n
    return ', '.join(out)


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
