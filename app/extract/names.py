"""New names by rule: runs of capitalised words in a sentence, typed by the words in them.

"Foreign Affairs Minister Javier Martínez-Acha" is a post and a person; "National Migration
Service" an organisation by its head word; "Necoclí" after "in" a place; a run of two to
four name words a person. A lone capitalised word that starts a sentence is not a name.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass

from app.extract.spans import Sentence

# Words that make a run an organisation ("organisation heads").
ORG_HEADS = frozenset("""ministry department council institute center centre office protection
agency service commission news times press media radio television committee organization
organisation administration bureau court
police army navy guard patrol program programme fund bank university union party authority
authorities coalition foundation network alliance parliament congress senate assembly
government cabinet force forces secretariat embassy consulate directorate""".split())
# Offices: a run ending in one of these (then a name) holds a post.
ROLES = frozenset("""minister secretary president president-elect vice-president spokesperson
spokesman spokeswoman director ambassador commissioner chief governor mayor senator
representative administrator chancellor envoy adviser advisor czar coordinator attorney
general deputy undersecretary official""".split())
PLACE_HEADS = frozenset("""gap city river hemisphere province state region island islands mountains sea
bay canal border jungle valley department county district coast peninsula strait""".split())
EVENT_HEADS = frozenset("""summit conference forum meeting inauguration election elections talks
visit ceremony""".split())
CONNECTORS = frozenset("of the for and de del la y on".split())
# Capitalised words that are not names on their own.
NOT_NAMES = frozenset("""the a an in on at of for and but or as if it its this that these those
he she they we i you his her their our there here when while after before since during
under with without from by to however meanwhile also many some most more few several
monday tuesday wednesday thursday friday saturday sunday january february march april may
june july august september october november december mr mrs ms dr""".split())
PLACE_PREPOSITIONS = frozenset("in into from to near through across toward towards via at".split())
WORD = re.compile(r"[^\W\d_][\w'’.-]*")


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str

    @property
    def lower(self) -> str:
        return self.text.lower().rstrip(".")

    @property
    def capital(self) -> bool:
        return self.text[:1].isupper()


@dataclass(frozen=True)
class RuleName:
    start: int
    end: int
    type: str
    role: bool = False  # a post's words ("Foreign Affairs Minister")


def tokens(text: str, sentence: Sentence) -> list[Token]:
    found = []
    for m in WORD.finditer(text, sentence.start, sentence.end):
        word = re.sub(r"(?:['’]s?|\.)$", "", m.group()) if not _dotted(m.group()) else m.group()
        if word:
            found.append(Token(m.start(), m.start() + len(word), word))
    return found


def _dotted(word: str) -> bool:
    return bool(re.fullmatch(r"(?:[A-Za-z]\.){2,}", word))  # U.S., U.N.


def runs(text: str, toks: list[Token]) -> Iterator[list[Token]]:
    """Runs of capitalised tokens joined by white space (connectors allowed inside)."""
    run: list[Token] = []
    for tok in toks:
        joined = bool(run) and text[run[-1].end:tok.start].strip() == ""
        name_word = tok.capital and tok.lower not in NOT_NAMES
        if joined and (name_word or tok.lower in CONNECTORS):
            run.append(tok)
            continue
        yield from _closed(run)
        run = [tok] if name_word else []
    yield from _closed(run)


def _closed(run: list[Token]) -> Iterator[list[Token]]:
    """A finished run without trailing connectors; "Panama and Colombia" is two runs
    (an organisation's name may hold "and": "Customs and Border Protection")."""
    while run and run[-1].lower in CONNECTORS:
        run = run[:-1]
    if not run:
        return
    ands = [i for i, t in enumerate(run) if t.lower in ("and", "y")]
    if ands and not ORG_HEADS & {t.lower for t in run}:
        yield from _closed(run[:ands[0]])
        yield from _closed(run[ands[0] + 1:])
        return
    yield run


def classify(toks: list[Token], run: list[Token], first: bool) -> Iterator[RuleName]:
    """The names a run holds; `first`: the run starts its sentence."""
    words = [t.lower for t in run]
    roles = [i for i, w in enumerate(words) if w in ROLES]
    if roles and roles[-1] < len(run) - 1:
        cut = _post_end(run, roles[-1] + 1)
        if cut >= 2:  # a lone title ("President") is no post of its own
            yield RuleName(run[0].start, run[cut - 1].end, "Post", role=True)
        if cut == len(run) - 1:  # "President Biden": after a title, a surname is a person
            yield RuleName(run[cut].start, run[cut].end, "Person")
        else:
            yield from classify(toks, run[cut:], False)
        return
    kind = _kind(toks, run, words, first)
    joins = [i for i, w in enumerate(words) if w in CONNECTORS]
    if kind == "Person" and joins:  # "Jose Raul Mulino of Panama": no name holds "of"
        yield from classify(toks, run[:joins[0]], first)
        yield from classify(toks, run[joins[0] + 1:], False)
    elif kind:
        yield RuleName(run[0].start, run[-1].end, kind)


def _post_end(run: list[Token], cut: int) -> int:
    """Where the office ends: after its role word, or, when "of" or "for" follows it
    ("Secretary of State Antony Blinken"), before the last two words (the name)."""
    if run[cut].lower in ("of", "for") and len(run) - cut > 3:
        return len(run) - 2
    return cut


def _kind(toks: list[Token], run: list[Token], words: list[str], first: bool) -> str | None:
    if ORG_HEADS & set(words):
        return "Organization"
    if words[-1] in PLACE_HEADS and len(run) > 1:
        return "Place"
    if EVENT_HEADS & set(words) and len(run) > 1:
        return "Event"
    if len(run) == 1:
        return _single(toks, run[0], first)
    return "Person" if len(run) <= 4 and all(t.capital for t in run) else None


def _single(toks: list[Token], tok: Token, first: bool) -> str | None:
    if tok.text.isupper() and 2 <= len(tok.text) <= 6 and tok.text.isalpha():
        return "Organization"  # an acronym: IOM, CBP
    index = toks.index(tok)
    before = toks[index - 1].lower if index else ""
    if not first and before in PLACE_PREPOSITIONS:
        return "Place"
    return None


def person_after_role(toks: list[Token], run: list[Token]) -> bool:
    """A lowercase office just before the run ("spokesperson Adrienne Watson")."""
    index = toks.index(run[0])
    return index > 0 and toks[index - 1].lower in ROLES
