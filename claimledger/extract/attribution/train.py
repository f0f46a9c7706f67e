"""Train the cue detector on a PolNeAR split and write the weights the package ships.

    python -m claimledger.extract.attribution.train /path/to/polnear/train [--docs CACHE.spacy]

Each verb of the split is one example, positive when it heads a gold cue span. A logistic
regression (numpy, Adam, L2) is fitted on 80% of the articles, its threshold picked for the
best F1 on the other 20% (curated verbs of `lexicon.py` pass a lower, fixed bar), then
refitted on all articles; weights below a small magnitude are
dropped so the file stays small.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
from spacy.tokens import Doc, DocBin

from claimledger.eval.polnear import read_split
from claimledger.extract.attribution import inside_quotes
from claimledger.extract.attribution.cuemodel import (
    WEIGHTS_FILE,
    CueModel,
    features,
    is_candidate,
)

Example = tuple[list[str], int]


def examples(doc: Doc, cues: list[tuple[int, int]]) -> list[Example]:
    """(features, label) for every candidate of one article."""
    heads = set()
    for start, end in cues:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and len(span):
            heads.add(span.root.i)
    inside = inside_quotes(doc)
    return [(features(t, inside[t.i]), int(t.i in heads)) for t in doc if is_candidate(t)]


def fit(data: list[Example], l2: float = 1e-4, steps: int = 400, rate: float = 0.05) -> dict:
    """Logistic regression weights by full-batch Adam over a sparse design matrix."""
    index: dict[str, int] = {}
    rows, cols = [], []
    for r, (feats, _) in enumerate(data):
        for f in set(feats):
            rows.append(r)
            cols.append(index.setdefault(f, len(index)))
    row, col = np.array(rows), np.array(cols)
    y = np.array([label for _, label in data], dtype=float)
    w, m, v = (np.zeros(len(index)) for _ in range(3))
    for step in range(1, steps + 1):
        score = np.bincount(row, weights=w[col], minlength=len(y))
        p = 1.0 / (1.0 + np.exp(-np.clip(score, -30, 30)))
        grad = np.bincount(col, weights=(p - y)[row], minlength=len(w)) / len(y) + l2 * w
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad**2
        w -= rate * (m / (1 - 0.9**step)) / (np.sqrt(v / (1 - 0.999**step)) + 1e-8)
    return {f: float(w[i]) for f, i in index.items()}


def best_threshold(weights: dict[str, float], data: list[Example]) -> float:
    """The probability cut with the best F1 on held-out examples."""
    scores = np.array([sum(weights.get(f, 0.0) for f in feats) for feats, _ in data])
    probs = 1.0 / (1.0 + np.exp(-np.clip(scores, -30, 30)))
    gold = np.array([label for _, label in data]) == 1
    best, cut = -1.0, 0.5
    for t in np.round(np.arange(0.1, 0.8, 0.02), 2):
        f1 = 2 * float(((probs >= t) & gold).sum()) / ((probs >= t).sum() + gold.sum())
        if f1 > best:
            best, cut = f1, float(t)
    return cut


def main() -> None:
    """Parse (or load) the split, fit, pick the threshold, refit on everything and save."""
    from claimledger.nlp import load_nlp, parse

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("split", type=Path, help="a PolNeAR split (text/ and attributions/)")
    ap.add_argument("--docs", type=Path, help="DocBin of the split's texts, parsed in order")
    ap.add_argument(
        "--lexicon-threshold",
        type=float,
        default=0.33,
        help="cut for curated verbs (0.33: best end-to-end exact F1 on train)",
    )
    ap.add_argument("--out", type=Path, default=Path(__file__).with_name(WEIGHTS_FILE))
    args = ap.parse_args()
    nlp = load_nlp()
    articles = list(read_split(args.split))
    if args.docs is not None:
        docs = list(DocBin().from_disk(args.docs).get_docs(nlp.vocab))
    else:
        docs = list(parse((text for _, text, _ in articles), nlp))
    per_article = [
        examples(doc, gold.cue) for (_, _, gold), doc in zip(articles, docs, strict=True)
    ]
    cut = len(per_article) * 4 // 5
    held_in = [e for part in per_article[:cut] for e in part]
    held_out = [e for part in per_article[cut:] for e in part]
    threshold = best_threshold(fit(held_in), held_out)
    lexicon_threshold = min(threshold, args.lexicon_threshold)
    weights = fit(held_in + held_out)
    kept = {f: round(w, 3) for f, w in sorted(weights.items()) if abs(w) >= 0.01}
    model = CueModel(kept, threshold, lexicon_threshold)
    args.out.write_text(json.dumps(model.to_json(), indent=0) + "\n")
    print(
        f"{len(held_in) + len(held_out)} examples, {len(kept)} weights, thresholds "
        f"{threshold} (any verb), {lexicon_threshold} (curated verbs)"
    )


if __name__ == "__main__":
    main()
