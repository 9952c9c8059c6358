#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Parse IOS command output with the ntc-templates kept in this directory.

usage: parse.py [--check EXPECTED.yml] TEMPLATE-OR-COMMAND [FILE]

TEMPLATE-OR-COMMAND is a template file name (cisco_ios_show_vrf.textfsm),
a template stem (show_vrf, cisco_ios_show_vrf) or an IOS command as typed
("show ip int brief"), which is looked up in ./index the way Netmiko and
ntc-templates do (first matching line wins).  FILE defaults to stdin.
Records are printed as a JSON list of objects with lower-case keys, the
shape of ntc-templates' parse_output().  With --check, the records are
compared with the 'parsed_sample' list of EXPECTED.yml instead; exit
status 0 when equal, 1 (with a short difference) when not.
Needs Debian's python3-textfsm (and python3-yaml for --check).
"""

import argparse
import json
import os
import sys

import textfsm
from textfsm import clitable

HERE = os.path.dirname(os.path.abspath(__file__))
PLATFORM = "cisco_ios"


def template_path(name):
    """Return the template file for NAME, or None if NAME is a command."""
    stem = name[:-len(".textfsm")] if name.endswith(".textfsm") else name
    for cand in (stem, PLATFORM + "_" + stem):
        path = os.path.join(HERE, cand + ".textfsm")
        if os.path.isfile(path):
            return path
    return None


def records_from_table(header, rows):
    keys = [h.lower() for h in header]
    return [dict(zip(keys, row)) for row in rows]


def parse_with_template(path, text):
    with open(path, encoding="utf-8") as f:
        fsm = textfsm.TextFSM(f)
    rows = fsm.ParseText(text)
    return records_from_table(fsm.header, rows)


def parse_with_index(command, text):
    table = clitable.CliTable("index", HERE)
    attrs = {"Command": command, "Platform": PLATFORM}
    try:
        table.ParseCmd(text, attrs)
    except clitable.CliTableError as err:
        sys.exit("parse.py: no template for %r: %s" % (command, err))
    header = list(table.header)
    rows = [list(row) for row in table]
    return records_from_table(header, rows)


def first_difference(got, want):
    if len(got) != len(want):
        return "%d records, expected %d" % (len(got), len(want))
    for i, (g, w) in enumerate(zip(got, want)):
        if g != w:
            keys = sorted(set(g) | set(w))
            bad = [k for k in keys if g.get(k) != w.get(k)]
            k = bad[0]
            return "record %d, %s: %r, expected %r" % (
                i, k, g.get(k), w.get(k))
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", metavar="EXPECTED.yml")
    ap.add_argument("what")
    ap.add_argument("file", nargs="?")
    args = ap.parse_args()

    if args.file and args.file != "-":
        with open(args.file, encoding="utf-8") as f:
            text = f.read()
    else:
        text = sys.stdin.read()

    path = template_path(args.what)
    try:
        if path:
            recs = parse_with_template(path, text)
        else:
            recs = parse_with_index(args.what, text)
    except textfsm.TextFSMError as err:
        # A template's Error action: the text is not of the expected shape.
        sys.exit("parse.py: %s: %s" % (args.what, err))

    if not args.check:
        json.dump(recs, sys.stdout, indent=2)
        sys.stdout.write("\n")
        return 0

    import yaml
    with open(args.check, encoding="utf-8") as f:
        want = yaml.safe_load(f)["parsed_sample"]
    diff = first_difference(recs, want)
    if diff:
        print("MISMATCH %s: %s" % (args.check, diff))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
