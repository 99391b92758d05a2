"""Accuracy of the acknowledgment on the labelled real-world shapes in tests/ack_cases.py.

Every case goes through classify and the ack decision as the ack job runs them (tests/ack_judge.py)
and is read back as robot (not a contact, or refused for a machine reason), human (a contact
from From) or form_lead (a contact from a form's Reply-To). Prints precision and recall per
label, how many robots were acknowledged and how many people refused, and the misread cases.

    .venv/bin/python benchmarks/ack_accuracy.py
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from ack_cases import CASES  # noqa: E402
from ack_judge import judge  # noqa: E402

LABELS = ("robot", "human", "form_lead")


def main() -> int:
    pairs: Counter[tuple[str, str]] = Counter()
    robots_acked = people_refused = 0
    misread = []
    for case in CASES:
        verdict = judge(case)
        pairs[case.label, verdict.predicted] += 1
        robots_acked += case.label == "robot" and verdict.decision.send
        people_refused += case.label == "human" and verdict.predicted != "human"
        if verdict.predicted != case.label:
            misread.append(f"  {case.id}: {case.label} read as {verdict.predicted}")
    print(f"{len(CASES)} cases")
    print(f"{'label':<10} {'cases':>5} {'precision':>9} {'recall':>7}")
    for label in LABELS:
        truth = sum(n for (real, _), n in pairs.items() if real == label)
        said = sum(n for (_, guess), n in pairs.items() if guess == label)
        right = pairs[label, label]
        precision = right / said if said else 1.0
        recall = right / truth if truth else 1.0
        print(f"{label:<10} {truth:>5} {precision:>9.3f} {recall:>7.3f}")
    print(f"robots acknowledged: {robots_acked}; people read as robots: {people_refused}")
    if misread:
        print("misread:", *misread, sep="\n")
    return 1 if robots_acked or people_refused else 0


if __name__ == "__main__":
    raise SystemExit(main())
