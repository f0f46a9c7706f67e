"""`claimledger eval quantities FILE`: score quantity extraction on NewsQuant-format JSON.

Matching follows the CQE evaluation (Almasian et al., EMNLP 2023, `evaluate_models.py`): per
sentence, each gold quantity is compared with the predictions (both sorted by normalised unit);
a value match counts towards value (at most once per gold), change and concept are compared on
every value-matching prediction until one also matches the unit, which is then consumed.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import typer

from claimledger.eval import eval_app

# Our unit names -> the NewsQuant normalised vocabulary.
_NEWSQUANT_UNITS = {
    "USD": "dollar", "EUR": "euro", "GBP": "pound sterling", "JPY": "japanese yen",
    "AUD": "australian dollar", "CAD": "canadian dollar", "HKD": "hong kong dollar",
    "NZD": "new zealand dollar", "SGD": "singapore dollar", "ILS": "shekel",
    "MYR": "malaysian ringgit", "CNY": "chinese yuan", "INR": "indian rupee",
    "KRW": "south korean won", "DKK": "danish krone", "SEK": "swedish krona",
    "NOK": "norwegian krone", "CHF": "swiss franc", "ZAR": "south african rand",
    "TRY": "turkish lira", "RUB": "russian ruble", "UAH": "ukrainian hryvnia",
    "BRL": "brazilian real", "MXN": "mexican peso", "percent": "percentage",
}
KINDS = ("value", "value+unit", "value+change", "value+concept_partial",
         "value+concept_complete")


@dataclass(frozen=True)
class Tag:
    """One quantity as the scorer sees it (gold or predicted)."""

    value: float | tuple[float, float]
    unit: str
    change: str
    concepts: tuple[str, ...]


def gold_tag(q: dict[str, Any]) -> Tag:
    """A NewsQuant gold quantity: ranges are written "lo-hi", concepts comma/space separated."""
    raw = str(q["value"]).replace(" ", "")
    value: float | tuple[float, float]
    if "E" not in raw and not raw.startswith("-") and "-" in raw:
        lo, hi = raw.split("-", 1)
        value = (float(lo), float(hi))
    else:
        value = float(raw)
    concepts = tuple(w for w in re.split(r"[,\s]+", str(q["referred_concepts"])) if w)
    return Tag(value, str(q["normalized_unit"]).lower(), str(q["change"]), concepts)


def values_match(gold: float | tuple[float, float], pred: float | tuple[float, float]) -> bool:
    """Equal values (relative tolerance 1e-5), a range only matching a range."""
    if isinstance(gold, tuple) != isinstance(pred, tuple):
        return False
    if isinstance(gold, tuple) and isinstance(pred, tuple):
        return all(_close(g, p) for g, p in zip(gold, pred, strict=True))
    return _close(gold, pred)  # type: ignore[arg-type]


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-8 + 1e-5 * abs(b)


def concepts_match(gold: Sequence[str], pred: Sequence[str]) -> tuple[bool, bool]:
    """(complete, partial): some gold concept word predicted; all of them and nothing else."""
    g = [w.lower() for w in gold]
    p = [w.lower() for w in pred]
    common = set(g) & set(p)
    return len(common) == len(g) and len(g) == len(p), bool(common)


def score(pairs: Iterable[tuple[Sequence[Tag], Sequence[Tag]]]) -> dict[str, dict[str, float]]:
    """P/R/F1 (percent) per kind over (gold, predicted) sentence pairs, CQE matching rules."""
    counts = dict.fromkeys(KINDS, 0)
    n_gold = n_pred = 0
    for gold, pred in pairs:
        n_gold += len(gold)
        n_pred += len(pred)
        tags = sorted(pred, key=lambda t: t.unit)
        value_budget = len(gold)
        for g in sorted(gold, key=lambda t: t.unit):
            for p in tags:
                if not values_match(g.value, p.value):
                    continue
                if value_budget > 0:
                    counts["value"] += 1
                    value_budget -= 1
                counts["value+change"] += p.change == g.change
                complete, partial = concepts_match(g.concepts, p.concepts)
                counts["value+concept_complete"] += complete
                counts["value+concept_partial"] += partial
                if p.unit == g.unit:
                    counts["value+unit"] += 1
                    tags.remove(p)
                    break
    return {kind: prf(counts[kind], n_gold, n_pred) for kind in KINDS}


def prf(correct: int, n_gold: int, n_pred: int) -> dict[str, float]:
    """Precision, recall and F1 in percent, rounded to one decimal."""
    p = correct / n_pred if n_pred else 0.0
    r = correct / n_gold if n_gold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"P": round(100 * p, 1), "R": round(100 * r, 1), "F1": round(100 * f1, 1)}


def newsquant_unit(unit: str | None, unit_words: str | None, rate: str | None) -> str:
    """Our unit in NewsQuant's vocabulary: currency names, "percentage", the counted phrase."""
    if unit is None:
        return "-"
    base = unit.split(" per ")[0]
    name = unit_words if unit_words and base == unit_words.split()[-1] else base
    name = _NEWSQUANT_UNITS.get(name, name)
    return f"{name} per {unit.split(' per ', 1)[1]}" if " per " in unit else name


def predict(texts: Sequence[str]) -> list[list[Tag]]:
    """Run the pipeline and the quantity extractor over each sentence."""
    from claimledger.extract.numbers import find_quantities
    from claimledger.nlp import load_nlp, parse

    out = []
    for doc in parse(texts, load_nlp()):
        tags = []
        for d in find_quantities(doc):
            q = d.quantity
            value = (q.value_low, q.value_high) if q.is_range else q.value_low
            if d.falling:  # NewsQuant writes a range in text order
                value = (q.value_high, q.value_low)
            tags.append(Tag(value, newsquant_unit(q.unit, d.unit_words, d.rate).lower(),  # type: ignore[arg-type]
                            q.change, tuple(d.concept) or ("-",)))
        out.append(tags)
    return out


def evaluate(items: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Scores on all sentences and on the even (tuning) and odd (held-out) halves."""
    preds = predict([it["text"] for it in items])
    golds = [[gold_tag(q) for q in it["quantities"]] for it in items]
    pairs = list(zip(golds, preds, strict=True))
    return {
        "sentences": len(items),
        "gold": sum(len(g) for g in golds),
        "predicted": sum(len(p) for p in preds),
        "all": score(pairs),
        "even": score(pairs[0::2]),
        "odd": score(pairs[1::2]),
    }


@eval_app.command("quantities")
def quantities_command(
    file: Path = typer.Argument(..., exists=True, dir_okay=False, help="NewsQuant-format JSON"),
) -> None:
    """Score quantities (value, unit, change, concept) with the CQE matching rules."""
    items = json.loads(file.read_text(encoding="utf-8"))
    result = evaluate(items)
    typer.echo(f"{result['sentences']} sentences, {result['gold']} gold, "
               f"{result['predicted']} predicted; even half = tuning, odd half = held out")
    typer.echo(f"{'split':<6} {'kind':<24} {'P':>6} {'R':>6} {'F1':>6}")
    for split in ("all", "even", "odd"):
        for kind, s in result[split].items():
            typer.echo(f"{split:<6} {kind:<24} {s['P']:>6} {s['R']:>6} {s['F1']:>6}")
    typer.echo(json.dumps(result))
