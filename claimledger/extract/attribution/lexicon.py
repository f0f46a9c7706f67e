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

# Nouns that carry an attribution when a complement says what was claimed, believed or meant:
# "her claim that ...", "reports that ...", "his plan to ...", "their criticism of ...".
CLAIM_NOUNS = _words(
    """
    claim allegation assertion statement warning belief view argument suggestion assurance
    report rumor rumour accusation charge denial insistence assessment conclusion finding
    prediction concern suspicion announcement comment remark message notion contention
    fear hope expectation estimate admission acknowledgment acknowledgement
    """
)
INTENTION_NOUNS = _words(
    """
    plan promise pledge vow decision threat refusal intention intent bid call demand proposal
    offer commitment determination desire
    """
)
EVALUATION_NOUNS = _words(
    """
    criticism praise support condemnation denunciation rejection endorsement defense defence
    opposition disdain contempt admiration approval disapproval dismissal
    """
)
# Claim nouns that stand as their own source when nobody is named: "reports that ...".
REPORT_NOUNS = frozenset({"report", "rumor", "rumour"})
# Verbs through which a subject puts a claim about: "X fueled reports that ...".
SPREAD_VERBS = _words(
    "fuel spread make issue release publish repeat echo reiterate renew voice air float lodge"
)
# Adjectives of belief or evaluation after "be": "is confident that ...", "is critical of ...".
STANCE_ADJECTIVES = _words(
    """
    confident sure certain convinced skeptical sceptical supportive hopeful optimistic
    pessimistic adamant aware worried concerned afraid critical dismissive doubtful fearful
    proud unhappy happy angry furious eager determined
    """
)

# Where words were said or written: "said in a statement", "wrote in an op-ed".
MEDIUM_NOUNS = _words(
    """
    statement interview speech letter email e-mail post tweet memo essay column op-ed editorial
    filing release video ad book message testimony remark appearance broadcast podcast blog
    """
)

# Procedures that establish a fact and say nothing: "612 were confirmed by laboratory testing",
# "the cause was determined by autopsy" (a passive's agent, not a speaker).
PROCEDURE_NOUNS = _words(
    "test testing autopsy examination biopsy scan screening sequencing x-ray swab culture"
)

# "according to X": a preposition that introduces the source ("as alleged by X" is a passive agent).
SOURCE_PREPOSITIONS = frozenset({"accord"})
# Headline labels that name a genre or a format, not who speaks: "BREAKING: ...", "Watch: ...".
HEADLINE_KICKERS = _words(
    """
    breaking update updated watch video videos photo photos exclusive live analysis opinion
    editorial correction related listen read byline note spoiler explainer recap review
    """
)
# A report's section labels, topics and not people or bodies: "Funding: The appeal is 22% met".
SECTION_LABELS = _words(
    """
    background context summary overview outlook situation surveillance funding response
    challenges highlights recommendations methodology assessment logistics coordination
    timeline steps points
    """
)
# Findings that open a sentence as its source: "In a Gallup poll, 52 percent ...".
FINDING_NOUNS = frozenset({"poll", "survey"})

# Verbs whose attribution is a denial; with describe/call/dismiss a dismissive label also denies.
DENY_VERBS = frozenset(
    {"deny", "dismiss", "reject", "refute", "dispute", "disavow", "rebut", "debunk", "contradict"}
)
# What one may reject or deny without denying a claim: "rejected the request", "denied permits".
REQUEST_NOUNS = _words(
    """
    request permit application offer bid appeal motion petition nomination invitation plea
    demand proposal entry admission visa license licence loan access
    """
)
LABEL_VERBS = frozenset(
    {"describe", "call", "dismiss", "label", "brand", "dub", "characterize", "rate"}
)
DISMISSIVE_WORDS = _words(
    """
    fake false groundless baseless untrue rumor rumors rumour rumours lie lies fabrication
    fabricated nonsense absurd propaganda unfounded ridiculous hoax fiction speculation
    inaccurate incorrect exaggerated misleading fantasy invented wrong bogus erroneous debunked
    """
)
# What there is none of when a claim is denied: "There is no evidence that ...", "has no basis".
EVIDENCE_NOUNS = frozenset({"evidence", "proof", "basis", "foundation", "truth", "indication"})
# Passives that pass on a belief nobody owns: "is thought to", "is understood to", "is said to".
HEARSAY_VERBS = frozenset(
    {
        "think",
        "believe",
        "understand",
        "say",
        "rumor",
        "rumour",
        "suppose",
        "expect",
        "predict",
        "tip",
    }
)
# What the evidence or a speaker does not do to a claim it denies: "our review does not support
# that figure", "we do not recognise that estimate", "the estimate is not based on any data".
UNSUPPORTING_VERBS = frozenset(
    {"support", "corroborate", "recognise", "recognize", "accept", "base"}
)
# What a claim is said not to be when it is denied: "the figure is not accurate".
TRUTHFUL_WORDS = frozenset({"accurate", "true", "correct", "credible", "valid"})
# Phrasal verbs that deny: "pushed back against the report", "brushed off the accusations".
DENY_PHRASALS = frozenset(
    {"push back", "brush off", "brush aside", "shrug off", "wave off", "wave away", "knock down"}
)
# Subjects that, called false, make the statement a denial: "said the claims were untrue".
DISPUTABLE_PRONOUNS = frozenset({"it", "they", "these", "those", "that", "this"})
# Besides claims and reports, what a denial may be of: "brushed off the figures".
DISPUTED_NOUNS = frozenset({"figure", "number", "estimate", "account", "story", "accusation"})

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
# Predicates and adverbs that hedge what was said: "the hit was likely to be modest".
HEDGE_WORDS = frozenset({"likely", "unlikely", "probable", "possible", "probably", "possibly"})
# Wrongs an accused denies by saying they did not do them: "Lee did not steal a dime".
WRONGDOING_VERBS = _words(
    """
    steal lie cheat defraud deceive mislead bribe embezzle launder falsify fabricate forge
    kill murder assault abuse harass rape hack collude
    """
)
# Those who speak for someone else: what they say that person never did denies it on their
# behalf ("his lawyers said he never saw the data").
REPRESENTATIVE_NOUNS = _words(
    """
    lawyer attorney counsel solicitor barrister spokesman spokeswoman spokesperson
    representative publicist agent
    """
)
# Verbs whose negated content pushes back against a claim: "insisted he had never seen it".
INSISTING_VERBS = frozenset({"insist", "maintain"})
# Verbs of belief and expectation: one who does not, or no longer, holds what follows denies
# it ("does not believe the figures", "no longer expects to finish by May").
BELIEF_VERBS = frozenset({"believe", "think"})  # not believing a claim rejects it
EXPECTATION_VERBS = frozenset({"expect", "anticipate", "foresee"})  # not expecting is a forecast
# Cues whose content is conditional by nature: a modal there warns rather than hedges.
WARNING_VERBS = frozenset({"warn", "caution", "threaten", "vow", "pledge", "promise", "fear"})
QUESTION_VERBS = frozenset({"ask", "question", "wonder", "query", "inquire"})
# Verbs of speaking a statement: "is expected to tell jurors that ..." hangs on the words.
SPEECH_VERBS = _words(
    "say tell testify argue claim announce declare state explain insist write report confirm"
)
# Verbs that may come before their speaker after a quote: "“Why now?” asked a resident."
INVERTING_VERBS = QUESTION_VERBS | _words(
    "say add reply answer respond shout write read tweet explain insist recall note exclaim"
)

# Dependency labels of a cue verb's children that carry what was said.
CONTENT_DEPS = frozenset({"ccomp", "xcomp", "dobj", "oprd", "acomp", "attr"})
# Signs that are part of a figure, though the tokenizer marks them as punctuation: "3.5%".
FIGURE_SIGNS = frozenset({"%", "‰", "°"})
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
