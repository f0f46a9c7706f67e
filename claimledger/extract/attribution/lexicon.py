"""Curated, story-independent word lists: which lemmas cue an attribution and how it leans."""

from __future__ import annotations


def _words(block: str) -> frozenset[str]:
    """A word list written as a block of text, one entry per whitespace-separated word."""
    return frozenset(block.split())


# Verbs of saying, reporting, believing and intending: the lemmas PolNeAR's train split marks
# as a cue at least about half the times our frames fire on them ("hop" is how the lemmatizer
# reads "hoped"); ambiguous ones ("continue", "seem", "make") are left out.
CUE_VERBS = _words(
    """
    accept accuse acknowledge add admire admit affirm agree allege announce answer
    anticipate appear applaud argue ask assert assure attack back believe bemoan blame blast
    boast brand brief calculate call caution chant characterise characterize charge chide
    cite claim comment complain concede conclude concur condemn confirm consider contend
    counter credit criticise criticize declare decline decry deem defend demand denounce
    deny deride describe determine disagree disavow discuss dismiss disparage dispute
    document doubt dub email emphasise emphasize endorse estimate expect explain express
    favor fear find foresee guess highlight hint hop hope ignore imply indicate inform
    insist interject interpret joke know label lambast lament list mention mock muse name
    note notify observe oppose order outline plan plead pledge point portray post praise
    predict prefer proclaim promise propose protest question quote read reaffirm realize
    recall recognize recommend recount refuse refute reiterate reject remark remind repeat
    reply report respond retort retweet reveal say see seek share shout show signal slam
    sound speculate state stress suggest support suspect tell testify thank think threaten
    tout tweet understand urge vow want warn welcome wonder worry write
    """
)

# "according to X": a preposition that introduces the source ("as alleged by X" is a passive agent).
SOURCE_PREPOSITIONS = frozenset({"accord"})

# Verbs whose attribution is a denial; with describe/call/dismiss a dismissive label also denies.
DENY_VERBS = frozenset(
    {"deny", "dismiss", "reject", "refute", "dispute", "disavow", "rebut", "debunk", "contradict"}
)
LABEL_VERBS = frozenset({"describe", "call", "dismiss", "label", "brand", "dub", "characterize"})
DISMISSIVE_WORDS = _words(
    """
    fake false groundless baseless untrue rumor rumors rumour rumours lie lies fabrication
    fabricated nonsense absurd propaganda unfounded ridiculous hoax fiction speculation
    """
)

# Attributions that hedge rather than assert.
SPECULATE_VERBS = frozenset(
    {
        "suggest",
        "speculate",
        "guess",
        "hypothesize",
        "theorize",
        "predict",
        "estimate",
        "hint",
        "imply",
        "muse",
        "suspect",
        "wonder",
    }
)
SPECULATIVE_MODALS = frozenset({"may", "might"})
QUESTION_VERBS = frozenset({"ask", "question", "wonder", "query", "inquire"})

# Dependency labels of a cue verb's children that carry what was said.
CONTENT_DEPS = frozenset({"ccomp", "xcomp", "dobj", "oprd", "acomp", "attr"})
# Children that hold the speaker (a passive's `by` agent is handled apart: "as alleged by Kyiv").
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# Verbs whose direct object is the listener ("told reporters"), not what was said.
HEARER_VERBS = frozenset(
    {
        "tell",
        "ask",
        "inform",
        "brief",
        "remind",
        "assure",
        "notify",
        "warn",
        "urge",
        "email",
        "thank",
        "accuse",
        "blame",
        "charge",
    }
)
# Verbs whose grammatical subject is part of what is claimed, not its source.
RAISING_VERBS = frozenset({"appear", "seem"})
