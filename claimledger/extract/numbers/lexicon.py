"""Word tables for quantities: number words, scales, currencies, units, bounds and cues."""

from __future__ import annotations

# Cardinal words: value of each, combined by `words.words_value`.
SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12,
}
SCALES = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7,  # South Asian scales
}
# Abbreviated scales written after a figure ("$2.5bn", "1.5m", "$13.6M", "5k").
SCALE_ABBREV = {
    "k": 1e3, "K": 1e3, "m": 1e6, "M": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "b": 1e9,
    "B": 1e9, "bln": 1e9, "tn": 1e12, "trn": 1e12, "T": 1e12,
}
# "tens of thousands", "dozens of", "hundreds": the plural is an order of magnitude.
VAGUE_PLURALS = {
    "tens": 10, "dozens": 12, "scores": 20, "hundreds": 1e2, "thousands": 1e3,
    "millions": 1e6, "billions": 1e9, "trillions": 1e12,
}
FRACTION = "fraction"  # the unit of a share written in words ("a third of", "two-thirds")
FRACTIONS = {"half": 0.5, "third": 1 / 3, "thirds": 1 / 3, "quarter": 0.25, "quarters": 0.25,
             "fifth": 0.2, "fifths": 0.2, "tenth": 0.1, "tenths": 0.1}
MULTIPLIERS = {"double": 2, "twice": 2, "triple": 3, "treble": 3, "quadruple": 4, "tenfold": 10}

# Currencies as ISO codes: symbols and prefixes before the figure (the ASCII forms
# "PS" and "Y=" are how unidecode renders "£" and "¥").
CURRENCY_PREFIX = {
    "$": "USD", "us$": "USD", "usd": "USD", "€": "EUR", "eur": "EUR", "£": "GBP", "ps": "GBP",
    "gbp": "GBP", "¥": "JPY", "y=": "JPY", "jpy": "JPY", "a$": "AUD", "au$": "AUD",
    "$a": "AUD", "aud": "AUD", "c$": "CAD", "ca$": "CAD", "cad": "CAD", "hk$": "HKD",
    "hkd": "HKD", "nz$": "NZD", "s$": "SGD", "rs": "INR", "rs.": "INR", "₹": "INR",
    "inr": "INR", "₩": "KRW", "krw": "KRW", "₽": "RUB", "rub": "RUB", "₪": "ILS", "nis": "ILS",
    "chf": "CHF", "cny": "CNY", "rmb": "CNY", "r$": "BRL", "rm": "MYR", "₴": "UAH",
    "uah": "UAH", "$us": "USD",
}
# Letter prefixes written in title case that still name a currency ("Rs 500 crore"); other
# title-case words before a figure ("Us", "Eur") are ordinary words.
TITLE_CASE_CURRENCY = {"Rs"}
# Country qualifiers in front of "$": "US $58.24", "HK $5.4m".
DOLLAR_QUALIFIER = {"us": "USD", "a": "AUD", "au": "AUD", "c": "CAD", "ca": "CAD",
                    "hk": "HKD", "nz": "NZD", "s": "SGD"}
# Currency names written after the figure, by lemma; two-word names first.
CURRENCY_NAMES = {
    "australian dollar": "AUD", "canadian dollar": "CAD", "hong kong dollar": "HKD",
    "new zealand dollar": "NZD", "singapore dollar": "SGD", "us dollar": "USD",
    "u.s. dollar": "USD", "danish crown": "DKK", "danish krone": "DKK", "swedish krona": "SEK",
    "norwegian krone": "NOK", "swiss franc": "CHF", "south african rand": "ZAR",
    "dollar": "USD", "buck": "USD", "euro": "EUR", "pound": "GBP", "sterling": "GBP",
    "yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "shekel": "ILS", "ringgit": "MYR",
    "rupee": "INR", "won": "KRW", "ruble": "RUB", "rouble": "RUB", "hryvnia": "UAH",
    "peso": "MXN", "rand": "ZAR", "franc": "CHF", "lira": "TRY", "real": "BRL",
    "krone": "DKK", "krona": "SEK", "cent": "cent", "pence": "penny", "penny": "penny",
}
CURRENCY_CODES = {v for v in CURRENCY_PREFIX.values()} | set(CURRENCY_NAMES.values())

PERCENT = "percent"
# Units that say how much, never of what: a share's figure is the level or change of a noun.
SHARE_UNITS = {PERCENT, "percentage point", "basis point"}
# Measurement units after the figure: surface (lower case unless case matters) -> name.
UNITS = {
    "%": PERCENT, "percent": PERCENT, "per cent": PERCENT, "pc": PERCENT, "pct": PERCENT,
    "percentage point": "percentage point", "percentage points": "percentage point",
    "basis point": "basis point", "basis points": "basis point", "bps": "basis point",
    "bp": "basis point",
    "mile": "mile", "miles": "mile", "mi": "mile", "km": "kilometre", "kms": "kilometre",
    "kilometre": "kilometre", "kilometres": "kilometre", "kilometer": "kilometre",
    "kilometers": "kilometre", "metre": "metre", "metres": "metre", "meter": "metre",
    "meters": "metre", "cm": "centimetre", "centimetres": "centimetre",
    "centimeters": "centimetre", "mm": "millimetre", "millimetres": "millimetre",
    "millimeter": "millimetre", "millimeters": "millimetre", "μm": "micrometre",
    "micrometre": "micrometre", "micrometer": "micrometre", "nm": "nanometre",
    "nanometre": "nanometre", "nanometer": "nanometre", "nanometers": "nanometre",
    "foot": "foot", "feet": "foot", "ft": "foot", "inch": "inch", "inches": "inch",
    "yard": "yard", "yards": "yard", "yd": "yard", "acre": "acre", "acres": "acre",
    "hectare": "hectare", "hectares": "hectare", "ha": "hectare",
    "square mile": "square mile", "square miles": "square mile", "sq mi": "square mile",
    "square kilometre": "square kilometre", "square kilometres": "square kilometre",
    "square kilometer": "square kilometre", "square kilometers": "square kilometre",
    "sq km": "square kilometre", "km2": "square kilometre", "square metre": "square metre",
    "square metres": "square metre", "square meter": "square metre",
    "square meters": "square metre", "sq m": "square metre", "m2": "square metre",
    "square foot": "square foot", "square feet": "square foot", "sq ft": "square foot",
    "cubic feet": "cubic foot", "cubic foot": "cubic foot", "cubic metres": "cubic metre",
    "cubic meters": "cubic metre",
    "m": "metre", "kg": "kilogram", "kilogram": "kilogram", "kilograms": "kilogram", "kilo": "kilogram",
    "kilos": "kilogram", "g": "gram", "gram": "gram", "grams": "gram", "mg": "milligram",
    "milligram": "milligram", "milligrams": "milligram", "lb": "pound-mass",
    "lbs": "pound-mass", "oz": "ounce", "ounce": "ounce", "ounces": "ounce",
    "tonne": "metric ton", "tonnes": "metric ton", "ton": "ton", "tons": "ton",
    "litre": "litre", "litres": "litre", "liter": "litre", "liters": "litre", "l": "litre",
    "ml": "millilitre", "millilitre": "millilitre", "milliliter": "millilitre",
    "gallon": "gallon", "gallons": "gallon", "barrel": "barrel", "barrels": "barrel",
    "pint": "pint", "pints": "pint", "quart": "quart",
    "mph": "mile per hour", "miles per hour": "mile per hour", "miles an hour": "mile per hour",
    "km/h": "kilometre per hour", "kph": "kilometre per hour", "km/hr": "kilometre per hour",
    "kmh": "kilometre per hour", "kilometres per hour": "kilometre per hour",
    "kilometers per hour": "kilometre per hour", "mpg": "mile per gallon",
    "miles per gallon": "mile per gallon", "rpm": "revolutions per minute",
    "knots": "knot", "knot": "knot",
    "°c": "celsius", "celsius": "celsius", "degrees celsius": "celsius", "c": "celsius",
    "°f": "fahrenheit", "fahrenheit": "fahrenheit", "degrees fahrenheit": "fahrenheit",
    "f": "fahrenheit", "degree": "degree", "degrees": "degree", "°": "degree",
    "hp": "horsepower", "horsepower": "horsepower", "bhp": "brake horsepower",
    "ps": "horsepower", "w": "watt", "watt": "watt", "watts": "watt", "kw": "kilowatt",
    "kilowatt": "kilowatt", "kilowatts": "kilowatt", "mw": "megawatt", "megawatt": "megawatt",
    "megawatts": "megawatt", "gw": "gigawatt", "gigawatt": "gigawatt", "gigawatts": "gigawatt",
    "kwh": "kilowatt hour", "mwh": "megawatt hour", "gwh": "gigawatt hour",
    "twh": "terawatt hour", "mah": "milliampere-hour", "v": "volt", "volts": "volt",
    "kv": "kilovolt", "hz": "hertz", "khz": "kilohertz", "mhz": "megahertz",
    "ghz": "gigahertz", "nm torque": "newton metre", "lb-ft": "foot pound-force",
    "pound-feet": "pound-foot", "kb": "kilobyte", "mb": "megabyte", "gb": "gigabyte",
    "tb": "terabyte", "mbps": "megabit per second", "gbps": "gigabit per second",
    "ppm": "part per million", "ppb": "parts-per-billion", "db": "decibel",
    "decibel": "decibel", "decibels": "decibel", "gpa": "gigapascal",
    "gigapascals": "gigapascal", "mpa": "megapascal", "kcal": "kilocalorie",
    "calories": "calorie", "min": "minute", "mins": "minute", "sec": "second",
    "secs": "second", "hrs": "hour", "hr": "hour", "ms": "millisecond", "″": "inch",
    "′": "foot", "p": "penny", "in": "inch", "mp": "megapixel", "megapixel": "megapixel",
    "megapixels": "megapixel",
}
# Units whose case tells them apart from ordinary words ("Nm", "PS" after a figure).
CASED_UNITS = {"Nm": "newton metre", "GPa": "gigapascal", "W": "watt", "V": "volt"}
# Abbreviations too ambiguous to read as units unless glued to the figure ("5.2l", "45g").
GLUED_ONLY = {"m", "p", "l", "g", "c", "f", "w", "v", "ps", "ms", "min", "mi", "ha", "bp", "db",
              "nm", "in"}

# Bounds before the figure, longest first when matched: hedge text -> change.
HEDGES = {
    "at least": ">", "more than": ">", "over": ">", "well over": ">", "just over": ">",
    "above": ">", "upwards of": ">", "in excess of": ">", "greater than": ">",
    "no fewer than": ">", "no less than": ">", "north of": ">", "higher than": ">",
    "exceeding": ">", "over than": ">", "at a minimum": ">",
    "less than": "<", "fewer than": "<", "under": "<", "just under": "<", "below": "<",
    "up to": "<", "at most": "<", "no more than": "<", "as much as": "<", "sub": "<",
    "not more than": "<", "a maximum of": "<", "lower than": "<", "shy of": "<",
    "as high as": "<", "as low as": ">",
    "about": "~", "around": "~", "roughly": "~", "approximately": "~", "nearly": "~",
    "almost": "~", "some": "~", "close to": "~", "closer to": "~", "nearer to": "~",
    "barely": "~", "an estimated": "~", "estimated": "~",
    "approx.": "~", "circa": "~", "about a": "~", "around a": "~", "~": "~", "≈": "~",
    "an average of": "~", "on average": "~", "just about": "~", "or so": "~",
    "as many as": "=", "as few as": "=", "exactly": "=", "just": "=", "only": "=",
}
# Bounds that stress a size when what they bound happened ("As many as 300 people were on
# board") and bound it when it may yet be ("as many as 8 million records could be involved").
POSSIBLE_BOUNDS = {"as many as": "<", "as few as": ">"}
# Verbs of passing, as written, whose object is a floor passed: "gusts could exceed 50 mph",
# "sales topped $2 billion" (the verb, not "the top three seeds").
PASSING_VERBS = frozenset(
    {"exceed", "exceeds", "exceeded", "exceeding", "surpass", "surpasses", "surpassed",
     "surpassing", "top", "tops", "topped", "topping", "outstrip", "outstrips", "outstripped",
     "outstripping"}
)
# ... of which these bounds are not reached: "more than 3,000" is '> 3,000' in a report,
# "at least 3,000" '≥ 3,000'.
STRICT_HEDGES = frozenset(
    {"more than", "over", "well over", "just over", "fewer than", "less than", "under",
     "just under", "below", "above"}
) | PASSING_VERBS
# Bounds written after the figure ("3,000 or more", "10 plus").
POST_HEDGES = {"or more": ">", "or so": "~", "plus": ">", "or fewer": "<", "or less": "<",
               "-plus": ">", "- plus": ">", "+": ">"}
# Bounds that are also prepositions: before a lone "one" they take an object ("haggling over
# one number", "under one roof"), they bound nothing.
PREPOSITION_BOUNDS = {"over", "under", "above", "below"}
# Verbs that with "up" make a rise, so "up to" after them is the level reached ("might go up to
# $350 billion"), not a ceiling ("create up to 400 jobs").
RISING_WITH_UP = {"go", "move", "shoot", "creep", "tick", "edge", "inch", "climb", "jump",
                  "ratchet", "push"}
# A comparative right after a figure makes it an increment: "three more bodies", "$5 less".
INCREMENT_WORDS = {"more": "up", "fewer": "down", "less": "down"}
# ... and a comparative before "than": "35 higher than the 96 reported", "$2 lower than".
COMPARED_INCREMENTS = {"higher": "up", "greater": "up", "larger": "up", "bigger": "up",
                       "lower": "down", "smaller": "down"}

# Verbs and adverbs of a rise or fall, by lemma.
UP_WORDS = {
    "rise", "increase", "grow", "gain", "climb", "jump", "surge", "soar", "advance", "up",
    "add", "boost", "rally", "higher", "spike", "swell", "expand", "double",
    "triple", "inch", "edge", "leap", "rebound", "improve", "accelerate",
}
DOWN_WORDS = {
    "fall", "drop", "decline", "decrease", "lose", "plunge", "slip", "slide", "down",
    "shed", "cut", "reduce", "sink", "tumble", "plummet", "dip", "lower", "shrink", "ease",
    "slump", "retreat", "contract", "slow", "crash", "dive", "fell", "weaken", "trim",
}

# Verbs whose subject gives a figure rather than being what it counts ("Police said 40,000").
REPORTING_VERBS = {"say", "estimate", "put", "report", "count", "tally", "give", "cite", "claim",
                   "quote", "announce", "confirm", "state", "tell", "add"}

# Status cues, by lemma, searched in the figure's clause.
CASUALTY_WORDS = {
    "kill", "killed", "dead", "death", "die", "wound", "wounded", "injure", "injured",
    "casualty", "fatality", "victim", "lose", "loss", "injury",
}
# Casualty cues that as often count money or jobs lost ("investors lost $5 million").
LOSS_WORDS = {"lose", "loss"}
PLEDGE_WORDS = {"pledge", "promise", "commit", "vow", "offer", "agree"}
# Verbs of giving: a pledge while the giving is to come ("will provide"), past once done
# ("provided €2.8 billion in 2024").
GIVING_WORDS = {"provide", "donate", "contribute", "disburse"}
TARGET_WORDS = {"target", "aim", "goal", "plan", "seek", "intend", "objective", "ambition",
                "hope"}
# Modals of a commitment: with a deadline ("will cut emissions by 70% by 2035") a target.
FUTURE_MODALS = {"will", "shall", "'ll"}
PAST_WORDS = {"previous", "earlier", "prior", "former", "initial", "original", "old"}
TOTAL_WORDS = {"total", "all", "overall", "cumulative", "altogether"}
# Time nouns that make a figure a rate: "a month", "per day".
RATE_NOUNS = {"second", "minute", "hour", "day", "week", "month", "quarter", "year",
              "annum", "decade", "night"}

# Words opening a time phrase after a figure, which dates it ("41 yesterday", "79 last night").
WHEN_WORDS = {"yesterday", "today", "tonight", "tomorrow", "overnight"}
WHEN_OPENERS = {"last", "next", "this"}

# Nouns of an age written "N-year-old".
AGE_NOUNS = {"year", "month", "week", "day"}

MONTHS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec",
}
WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
