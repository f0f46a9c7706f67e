"""Run the extraction evaluations and fail when a figure drops below its floor.

Usage: python eval/check.py --polnear DIR --newsquant FILE
The gold data is not shipped with claimledger; point the flags at your copies.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

THRESHOLDS = Path(__file__).with_name("thresholds.json")


def run_eval(kind: str, target: str) -> dict[str, Any]:
    """The figures of one `claimledger eval` run: the last line of its output."""
    proc = subprocess.run(
        [sys.executable, "-m", "claimledger", "eval", kind, target],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(proc.stdout.strip().splitlines()[-1])


def lookup(figures: dict[str, Any], path: str) -> float:
    node: Any = figures
    for key in path.split("."):
        node = node[key]
    return float(node)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--polnear", help="PolNeAR split folder (e.g. .../polnear/dev)")
    ap.add_argument("--newsquant", help="NewsQuant JSON file")
    args = ap.parse_args()
    floors = json.loads(THRESHOLDS.read_text(encoding="utf-8"))
    targets = {"attribution": args.polnear, "quantities": args.newsquant}
    failed = 0
    for kind, target in targets.items():
        if not target:
            print(f"{kind}: skipped (no gold data given)")
            continue
        figures = run_eval(kind, target)
        for path, floor in floors[kind].items():
            value = lookup(figures, path)
            ok = value >= floor
            failed += not ok
            print(f"{kind:12} {path:32} {value:6.1f}  floor {floor:5.1f}  {'ok' if ok else 'BELOW'}")
    print(f"{failed} below floor" if failed else "all figures at or above their floors")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
