#!/usr/bin/env python3
"""The mutation score of each rule folder, from the newest Stryker.NET JSON report (docs: README, "Mutation testing").

    python3 mutation-scores.py [--survivors] [--min 90] [report.json]

Score = detected / (detected + undetected), as Stryker counts it: killed and timed-out mutants are detected, survived
and uncovered ones are not; compile errors and ignored mutants do not count. One kind of mutant is left out as
equivalent (docs/mutation-testing.md): `ConfigureAwait(false)` turned into `ConfigureAwait(true)`, which behaves the same
without a synchronization context; the "equivalent" column counts them. With --min N it exits 1 when a folder scores
under N; with --survivors it lists each surviving or uncovered mutant as file:line.
"""
import glob
import json
import os
import sys

FOLDERS = ["Lifecycle", "Versions", "Merging", "Rollups", "Fingerprinting", "Scanning", "Ingest"]
DETECTED = {"Killed", "Timeout"}
UNDETECTED = {"Survived", "NoCoverage"}


def newest_report():
    here = os.path.dirname(os.path.abspath(__file__))
    reports = glob.glob(os.path.join(here, "StrykerOutput", "*", "reports", "mutation-report.json"))
    if not reports:
        sys.exit("No StrykerOutput/*/reports/mutation-report.json: run `dotnet stryker` in this folder first.")
    return max(reports, key=os.path.getmtime)


def folder_of(path):
    parts = path.replace("\\", "/").split("/")
    if "Owlmetry.Issues" in parts:
        parts = parts[parts.index("Owlmetry.Issues") + 1:]
    return parts[0] if len(parts) > 1 else "(root)"


def is_configure_await_argument(mutant, lines):
    """A Boolean mutant of the literal passed to ConfigureAwait(...)."""
    if not mutant["mutatorName"].startswith("Boolean"):
        return False
    start = mutant["location"]["start"]
    line = lines[start["line"] - 1] if start["line"] - 1 < len(lines) else ""
    return line[: start["column"] - 1].rstrip().endswith("ConfigureAwait(")


def main(argv):
    survivors = "--survivors" in argv
    minimum = None
    rest = [a for a in argv if a != "--survivors"]
    if "--min" in rest:
        i = rest.index("--min")
        minimum = float(rest[i + 1])
        del rest[i:i + 2]
    report_path = rest[0] if rest else newest_report()
    with open(report_path, encoding="utf-8") as f:
        report = json.load(f)

    counts = {}
    left = []
    for path, file in sorted(report["files"].items()):
        folder = folder_of(path)
        c = counts.setdefault(folder, {"detected": 0, "undetected": 0, "equivalent": 0, "other": 0})
        lines = file.get("source", "").split("\n")
        for m in file["mutants"]:
            if m["status"] in DETECTED | UNDETECTED and is_configure_await_argument(m, lines):
                c["equivalent"] += 1
            elif m["status"] in DETECTED:
                c["detected"] += 1
            elif m["status"] in UNDETECTED:
                c["undetected"] += 1
                rel = path.replace("\\", "/")
                rel = rel[rel.find("Owlmetry.Issues/"):] if "Owlmetry.Issues/" in rel else rel
                left.append((rel, m["location"]["start"]["line"], m["status"], m["mutatorName"],
                             m.get("replacement", "").replace("\n", " ")[:80]))
            else:
                c["other"] += 1

    print(f"Report: {report_path}")
    print(f"{'folder':<16}{'score':>8}{'detected':>10}{'undetected':>12}{'equivalent':>12}{'not counted':>13}")
    below = []
    total_d = total_u = 0
    for folder in sorted(counts, key=lambda f: FOLDERS.index(f) if f in FOLDERS else len(FOLDERS)):
        c = counts[folder]
        valid = c["detected"] + c["undetected"]
        score = 100.0 * c["detected"] / valid if valid else 100.0
        if valid == 0:
            continue
        total_d += c["detected"]
        total_u += c["undetected"]
        print(f"{folder:<16}{score:>7.1f}%{c['detected']:>10}{c['undetected']:>12}{c['equivalent']:>12}{c['other']:>13}")
        if minimum is not None and score < minimum:
            below.append(folder)
    total = 100.0 * total_d / (total_d + total_u) if total_d + total_u else 100.0
    print(f"{'all':<16}{total:>7.1f}%{total_d:>10}{total_u:>12}")

    if survivors:
        print("\nSurviving and uncovered mutants:")
        for rel, line, status, mutator, replacement in left:
            print(f"  {rel}:{line}  {status}  {mutator}: {replacement}")

    if below:
        print(f"\nUnder {minimum:g}%: {', '.join(below)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
