"""Train the cue detector and the boundary model on a PolNeAR split; write their weights.

    python -m claimledger.extract.attribution.train /path/to/polnear/train [--docs CACHE.spacy]

Each verb of the split is one example, positive when it heads a gold cue span. A logistic
regression (numpy, Adam, L2) is fitted on 80% of the articles, its threshold picked for the
best F1 on the other 20% (curated verbs of `lexicon.py` pass a lower, fixed bar), then
refitted on all articles; weights below a small magnitude are
dropped so the file stays small.

Then, for every frame the rules find whose cue starts where a gold cue does, the cue's end and
the content's start and end are choices among candidate boundaries (`bounds.py`); a
conditional logit learns which one the annotators picked (L2 1e-4, best of 1e-4 and 3e-4 on
the held-out 20%).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
from spacy.tokens import Doc, DocBin

from claimledger.eval.polnear import Bounds, read_split, trim
from claimledger.extract.attribution import inside_quotes, quote_flags, rule_frames
from claimledger.extract.attribution.bounds import (
    BOUND_WEIGHTS_FILE,
    SIDES,
    BoundModel,
    Layout,
    candidates,
    cue_candidates,
)
from claimledger.extract.attribution.cuemodel import (
    WEIGHTS_FILE,
    CueModel,
    cue_model,
    features,
    is_candidate,
    quoted_sentences,
)
from claimledger.extract.attribution.quotes import find_quotes

Example = tuple[list[str], int]
Choice = tuple[list[list[str]], int]  # each candidate's features, and which one is right


def examples(doc: Doc, cues: list[tuple[int, int]]) -> list[Example]:
    """(features, label) for every candidate of one article."""
    heads = set()
    for start, end in cues:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and len(span):
            heads.add(span.root.i)
    inside, quoted = inside_quotes(doc), quoted_sentences(doc)
    return [
        (features(t, inside[t.i], quoted[t.i]), int(t.i in heads)) for t in doc if is_candidate(t)
    ]


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


def bound_examples(doc: Doc, gold: list[dict[str, Bounds]]) -> list[Choice]:
    """(candidate features, index of the gold one) for the cue end of each rule frame whose cue
    starts where a gold cue does, and the content start and end of those whose cue matches
    exactly; only where the gold boundary is among the candidates."""
    text = doc.text
    quotes = find_quotes(text)
    inside = quote_flags(doc, quotes)
    layout = Layout(doc, inside)
    by_cue = {g["cue"]: g["content"] for g in gold if "cue" in g and "content" in g}
    gold_cues = [g["cue"] for g in gold if "cue" in g]
    out = []
    for frame in rule_frames(doc, text, quotes, inside):
        cue_start, cue_end = trim(text, doc[frame.cue[0]].idx, layout.end_char[frame.cue[1] - 1])
        gold_cue = next((c for c in gold_cues if c[0] == cue_start), None)
        if gold_cue is not None:
            options = cue_candidates(layout, frame.cue, frame.head.i, frame.content)
            ends = [trim(text, cue_start, c.chars)[1] for c in options]
            if gold_cue[1] in ends:
                out.append(([c.features for c in options], ends.index(gold_cue[1])))
        target = by_cue.get((cue_start, cue_end))
        if target is None:
            continue
        start, end = frame.content
        for k, side in enumerate(SIDES):
            options = candidates(layout, frame.content, frame.cue, frame.head.i, side, frame.direct)
            trimmed = [
                trim(text, c.chars, end)[0] if k == 0 else trim(text, start, c.chars)[1]
                for c in options
            ]
            if target[k] in trimmed:
                out.append(([c.features for c in options], trimmed.index(target[k])))
    return out


def fit_choice(
    data: list[Choice], l2: float = 1e-4, steps: int = 300, rate: float = 0.05
) -> dict[str, float]:
    """Conditional logit weights (one softmax per choice) by full-batch Adam."""
    index: dict[str, int] = {}
    rows, cols, group, gold = [], [], [], []
    r = 0
    for g, (options, right) in enumerate(data):
        for k, feats in enumerate(options):
            for f in set(feats):
                rows.append(r)
                cols.append(index.setdefault(f, len(index)))
            group.append(g)
            gold.append(k == right)
            r += 1
    row, col, grp = np.array(rows), np.array(cols), np.array(group)
    y = np.array(gold, dtype=float)
    firsts = np.flatnonzero(np.r_[True, grp[1:] != grp[:-1]])
    w, m, v = (np.zeros(len(index)) for _ in range(3))
    for step in range(1, steps + 1):
        score = np.bincount(row, weights=w[col], minlength=len(y))
        score -= np.maximum.reduceat(score, firsts)[grp]
        e = np.exp(score)
        p = e / np.add.reduceat(e, firsts)[grp]
        grad = np.bincount(col, weights=(p - y)[row], minlength=len(w)) / len(data) + l2 * w
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad**2
        w -= rate * (m / (1 - 0.9**step)) / (np.sqrt(v / (1 - 0.999**step)) + 1e-8)
    return {f: float(w[i]) for f, i in index.items()}


def _kept(weights: dict[str, float], floor: float = 0.01) -> dict[str, float]:
    """Weights worth shipping: rounded, the near-zero ones dropped so the file stays small."""
    return {f: round(w, 3) for f, w in sorted(weights.items()) if abs(w) >= floor}


def main() -> None:
    """Parse (or load) the split; fit and save the cue detector, then the boundary model,
    whose examples come from frames the new cue detector finds."""
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
    ap.add_argument("--out", type=Path, default=Path(__file__).parent, help="weights folder")
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
    # the word-window features are many and mostly tiny: below 0.05 they change no decision
    # on dev (checked) and would triple the file
    kept = _kept(fit(held_in + held_out), floor=0.05)
    model = CueModel(kept, threshold, lexicon_threshold)
    (args.out / WEIGHTS_FILE).write_text(json.dumps(model.to_json(), indent=0) + "\n")
    print(
        f"{len(held_in) + len(held_out)} examples, {len(kept)} weights, thresholds "
        f"{threshold} (any verb), {lexicon_threshold} (curated verbs)"
    )
    cue_model.cache_clear()  # boundary examples from the detector just written (default --out)
    choices = [
        c
        for (_, _, gold), doc in zip(articles, docs, strict=True)
        for c in bound_examples(doc, gold.linked)
    ]
    bounds = BoundModel(_kept(fit_choice(choices)))
    (args.out / BOUND_WEIGHTS_FILE).write_text(json.dumps(bounds.to_json(), indent=0) + "\n")
    print(f"{len(choices)} boundary choices, {len(bounds.weights)} weights")


if __name__ == "__main__":
    main()
