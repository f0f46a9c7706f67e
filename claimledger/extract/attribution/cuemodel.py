"""A learned cue detector: which verbs, in context, introduce an attribution.

A logistic regression over sparse string features of a verb and its dependents, trained on
PolNeAR's train split by `train.py`; its weights ship with the package as `cue_weights.json`.
It lets ambiguous lemmas ("show", "call", "know", "continue") be cues only where the parse
says they report someone's words or beliefs.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import repeat

from spacy.attrs import IS_QUOTE, SENT_START
from spacy.tokens import Doc, Token

from claimledger.extract.attribution.lexicon import CUE_VERBS

WEIGHTS_FILE = "cue_weights.json"
# Dependents whose presence says how a verb is used; prepositions are kept by their word.
_CHILD_DEPS = frozenset(
    {
        "ccomp",
        "xcomp",
        "dobj",
        "nsubj",
        "nsubjpass",
        "agent",
        "advcl",
        "parataxis",
        "dative",
        "oprd",
        "attr",
        "acomp",
        "neg",
        "auxpass",
        "prt",
        "mark",
    }
)
_QUOTE_MARKS = frozenset("“”\"‘’'`")


def is_candidate(token: Token) -> bool:
    """Tokens the detector is asked about: verbs (cue nouns and adjectives have frame rules)."""
    return token.pos_ == "VERB"


def quoted_sentences(doc: Doc) -> list[bool]:
    """Per token: does its sentence hold a quote mark? Read once per article from the Doc's
    arrays: asked of each candidate's own sentence, it made a Token of every word again."""
    marks, starts = doc.to_array([IS_QUOTE, SENT_START]).T.tolist()
    flags: list[bool] = []
    cuts = [i for i in range(1, len(doc)) if starts[i] == 1]  # where `token.sent` begins
    for begin, end in zip([0, *cuts], [*cuts, len(doc)], strict=True):
        flags += [any(marks[begin:end])] * (end - begin)
    return flags


def features(token: Token, inside_quote: bool, quoted_sentence: bool) -> list[str]:
    """Sparse features of one candidate: its lemma, its role and what hangs off it;
    `quoted_sentence` is its entry in `quoted_sentences`."""
    lemma = token.lemma_.lower()
    doc, head = token.doc, token.head
    before = doc[token.i - 1].lower_ if token.i > 0 else "BOS"
    after = doc[token.i + 1].lower_ if token.i + 1 < len(doc) else "EOS"
    feats = [
        "bias",
        f"lem={lemma}",
        f"tag={token.tag_}",
        f"dep={token.dep_}",
        f"lem|dep={lemma}|{token.dep_}",
        f"head={head.lemma_.lower()}|{token.dep_}",
        f"hdep={head.dep_}|{token.dep_}",  # a cue in a relative clause, a conjunct, ...
        f"lem|hpos={lemma}|{head.pos_}|{token.dep_}",
        # the words either side: "said Tuesday", "show up", "who said", "to say"
        f"prev={before}",
        f"next={after}",
        f"lem|prev={lemma}|{before}",
        f"lem|next={lemma}|{after}",
    ]
    if lemma in CUE_VERBS:
        feats += ["lex", f"lex|dep={token.dep_}"]
    if inside_quote:
        feats += ["inq", f"inq|lem={lemma}"]
    deps = set()
    for child in token.children:
        dep = child.dep_
        if dep == "prep":
            deps.add(f"prep:{child.lower_}")
        elif dep == "punct" and child.text in _QUOTE_MARKS:
            deps.add("quote")
        elif dep in _CHILD_DEPS:
            deps.add(dep)
        if dep in ("nsubj", "nsubjpass"):
            feats.append(f"subj={child.ent_type_ or child.pos_}")
            feats.append(f"subj={child.lemma_.lower()}" if child.pos_ == "PRON" else "subj=np")
        if dep in ("dobj", "ccomp", "xcomp"):  # "show support" vs "show that"
            feats.append(f"lem|{dep}={lemma}|{child.lemma_.lower()}")
        if dep == "ccomp":
            marks = [g.lower_ for g in child.children if g.dep_ == "mark"]
            feats.append(f"ccomp_mark={marks[0] if marks else '-'}")
    for dep in deps:
        feats += [f"ch={dep}", f"lem|ch={lemma}|{dep}"]
    if not deps & {"ccomp", "xcomp", "dobj", "prep:that"}:
        feats.append(f"lem|nocomp={lemma}")
    if quoted_sentence:
        feats += ["sentquote", f"lem|sentquote={lemma}"]
    return feats


@dataclass(frozen=True)
class CueModel:
    """Weights of the logistic regression and the decision threshold tuned on train."""

    weights: dict[str, float]
    threshold: float
    lexicon_threshold: float  # lower bar for the curated verbs of saying and believing

    def probability(self, token: Token, inside_quote: bool, quoted_sentence: bool) -> float:
        """Probability that `token` heads an attribution cue."""
        feats = features(token, inside_quote, quoted_sentence)
        score = sum(map(self.weights.get, feats, repeat(0.0)))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))

    def is_cue(self, token: Token, inside_quote: bool, quoted_sentence: bool) -> bool:
        """Does `token` head a cue here?"""
        p = self.probability(token, inside_quote, quoted_sentence)
        return p >= self.threshold or (
            p >= self.lexicon_threshold and token.lemma_.lower() in CUE_VERBS
        )

    def to_json(self) -> dict[str, object]:
        return {
            "threshold": self.threshold,
            "lexicon_threshold": self.lexicon_threshold,
            "weights": self.weights,
        }


@lru_cache(maxsize=1)
def cue_model() -> CueModel:
    """The shipped model, loaded once per process from the package data."""
    raw = json.loads(
        resources.files("claimledger.extract.attribution").joinpath(WEIGHTS_FILE).read_text()
    )
    return CueModel(raw["weights"], raw["threshold"], raw["lexicon_threshold"])
