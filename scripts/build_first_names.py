"""Build `claimledger/resolve/data/first_names.json` from the nomquamgender name data.

    pip install nomquamgender==0.1.4 && python scripts/build_first_names.py

A "she replied" after a man's question is the woman who answers, which only a first name
tells when no honorific or pronoun has. nomquamgender (MIT licence) ships the share of women
among the bearers of 720,000 first names, aggregated from 36 sources; its loader takes
seconds and hundreds of megabytes, so the names a reader may rely on are kept here once:
common (seen at least `MIN_COUNT` times) and all but unambiguous (at most `MAX_DOUBT` of their
bearers of the other sex). "Jordan", "Kim", "Lee" stay out.
"""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

MIN_COUNT = 1000
MAX_DOUBT = 0.05
OUT = Path(__file__).resolve().parent.parent / "claimledger/resolve/data/first_names.json"
_PLAIN = re.compile(r"[a-z][a-z'-]*[a-z]")  # a word as a text writes it: no markup, no digits


def name_data() -> dict[str, list]:
    """The package's data file, read without importing the package (which loads pandas)."""
    spec = importlib.util.find_spec("nomquamgender")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("nomquamgender is not installed: pip install nomquamgender==0.1.4")
    folder = Path(next(iter(spec.submodule_search_locations)))
    return json.loads((folder / "name_data.json").read_text(encoding="utf-8"))


def main() -> None:
    sexes: dict[str, list[str]] = {"f": [], "m": []}
    for name, (_, count, share_women, *_) in sorted(name_data().items()):
        if count < MIN_COUNT or not _PLAIN.fullmatch(name):
            continue
        if share_women >= 1 - MAX_DOUBT:
            sexes["f"].append(name)
        elif share_women <= MAX_DOUBT:
            sexes["m"].append(name)
    about = (
        "First names nearly always borne by women (f) or men (m): from nomquamgender 0.1.4 "
        "(MIT licence, (c) 2022 Ian Van Buskirk), names seen at least "
        f"{MIN_COUNT} times with at most {MAX_DOUBT:.0%} of bearers of the other sex. "
        "Built by scripts/build_first_names.py."
    )
    OUT.write_text(json.dumps({"about": about, **sexes}, indent=0) + "\n", encoding="utf-8")
    print(f"{len(sexes['f'])} women's names, {len(sexes['m'])} men's names -> {OUT}")


if __name__ == "__main__":
    main()
