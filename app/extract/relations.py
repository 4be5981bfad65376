"""Relations by pattern, one sentence at a time. The sentence is rewritten as a template
in which each mention is a slot `⟨index:Type⟩`; patterns over the template name the
slots they join. A pattern that needs a thing the article does not name as a mention
(the agreement in "signed an agreement", the post in "Panama's foreign minister X", what
was said) proposes a new mention over the words that stand for it."""

import re
from collections.abc import Iterator
from dataclasses import dataclass

from app.extract.mentions import Found
from app.extract.spans import Article, Sentence


def slot(*types: str) -> str:
    return rf"⟨(\d+):(?:{'|'.join(types)})⟩"


ACTOR = slot("Country", "Organization", "Person")
BODY = slot("Country", "Organization")
PERSON = slot("Person")
ROLE_WORDS = (r"(?:minister|secretary|president|spokesperson|spokesman|spokeswoman|director|"
              r"ambassador|commissioner|chief|governor|head|envoy|adviser|advisor)")
SAY = (r"said|says|stated|states|vowed|vows|told|tells|announced|announces|warned|warns|pledged|"
       r"pledges|promised|promises|argued|argues|added|insisted|insists|accused|accuses|claimed|"
       r"claims|stressed|stresses|emphasized|emphasised")
KIND = {"vow": ("vow", "pledg", "promis"), "accusation": ("accus",),
        "emphasis": ("stress", "emphasi", "insist")}


@dataclass(frozen=True)
class FoundRelation:
    subject: int
    type: str
    object: int
    sentence: Sentence
    mode: str = "asserted"
    attributed_to: int | None = None


@dataclass
class Template:
    """A sentence with its mentions as slots; `origin` maps template offsets to the text."""

    text: str
    origin: list[int]

    def span(self, start: int, end: int) -> tuple[int, int]:
        return self.origin[start], self.origin[end - 1] + 1


def template(article: Article, sentence: Sentence, mentions: list[Found]) -> Template:
    parts: list[str] = []
    origin: list[int] = []
    at = sentence.start
    inside = [(i, m) for i, m in enumerate(mentions)
              if m.start >= sentence.start and m.end <= sentence.end]
    for index, m in inside:
        parts.append(article.text[at:m.start].translate(str.maketrans("’", "'")))
        origin.extend(range(at, m.start))
        mark = f"⟨{index}:{m.type}⟩"
        parts.append(mark)
        origin.extend([m.start] * (len(mark) - 1) + [m.end - 1])
        at = m.end
    parts.append(article.text[at:sentence.end])
    origin.extend(range(at, sentence.end))
    return Template("".join(parts), origin)


class Sentenced:
    """The relations of one sentence, and the new mentions they need."""

    def __init__(self, article: Article, sentence: Sentence, mentions: list[Found]) -> None:
        self.article, self.sentence, self.mentions = article, sentence, mentions
        self.tpl = template(article, sentence, mentions)
        self.found: list[FoundRelation] = []

    def add(self, subject: str | int, type_: str, obj: str | int, mode: str = "asserted",
            attributed_to: int | None = None) -> None:
        self.found.append(FoundRelation(int(subject), type_, int(obj), self.sentence, mode,
                                        attributed_to))

    def new(self, start: int, end: int, type_: str, name: str, **properties: str) -> int:
        """A new mention over template span [start, end), cut before any slot inside it."""
        cut = self.tpl.text.find("⟨", start, end)
        start, end = self.tpl.span(start, cut if cut > start else end)
        words = self.article.text[start:end].rstrip(" ,.;:")
        self.mentions.append(Found(start, start + len(words), type_, " ".join(name.split()), "rule",
                                   properties=properties))
        return len(self.mentions) - 1

    def name(self, index: str | int) -> str:
        return self.mentions[int(index)].name

    def of_type(self, type_: str) -> int | None:
        return next((int(m.group(1)) for m in re.finditer(slot(type_), self.tpl.text)), None)


def _signed(s: Sentenced) -> None:
    pattern = (rf"{ACTOR}(?:,? (?:and|with) {ACTOR})? (?:\w+ ){{0,2}}?(?:signed|inked|concluded|"
               rf"reached|struck) (an?|the|a new) ((?:[\w-]+ ){{0,3}}?(?:agreement|accord|deal|pact|"
               rf"memorandum))(?: with {ACTOR})?")
    for m in re.finditer(pattern, s.tpl.text):
        parties = [p for p in (m.group(1), m.group(2), m.group(5)) if p]
        agreement = s.of_type("Agreement")
        if agreement is None:
            names = " and ".join(s.name(p) for p in parties)
            agreement = s.new(m.start(4), m.end(4), "Agreement", f"Agreement between {names}",
                              stage="signed")
        for party in parties:
            s.add(party, "SIGNED", agreement)
            if s.mentions[int(party)].type != "Person":
                s.add(party, "PARTY_TO", agreement)


def _posts(s: Sentenced) -> None:
    post = slot("Post")
    for m in re.finditer(rf"{BODY}'s {post} {PERSON}|{PERSON}, (?:the |a )?{BODY}'s {post}", s.tpl.text):
        body, held, person = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (
            m.group(5), m.group(6), m.group(4))
        s.add(person, "HOLDS_POST", held)
        s.add(held, "POST_IN", body)
    for m in re.finditer(rf"(?<!'s ){post},? {PERSON}|{PERSON}, (?:the )?{post}", s.tpl.text):
        held, person = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        s.add(person, "HOLDS_POST", held)
    role = rf"((?:[A-Za-z-]+ ){{0,3}}?{ROLE_WORDS})"
    for m in re.finditer(rf"{BODY}(?:'s)? {role},? {PERSON}", s.tpl.text):
        title = s.article.text[slice(*s.tpl.span(m.start(2), m.end(2)))]
        held = s.new(m.start(2), m.end(2), "Post", f"{title[:1].upper()}{title[1:]} of {s.name(m.group(1))}")
        s.add(m.group(3), "HOLDS_POST", held)
        s.add(held, "POST_IN", m.group(1))


def _stated(s: Sentenced) -> tuple[int, int] | None:
    """What a speaker said: a Statement over the verb, its words as the statement's text."""
    m = re.search(rf"{ACTOR}(?:,? (?:who|which) [^,]{{1,80}},|, [^,]{{1,60}},)? ({SAY})\b,?(?: that)?\s*(.*)",
                  s.tpl.text)
    if not m or m.group(3).count(" ") < 2:
        return None
    said = " ".join(s.article.text[s.tpl.span(m.start(3), m.end(3))[0]:s.sentence.end].split())
    said = said.rstrip(" .\"”")
    verb = m.group(2)
    kind = next((k for k, stems in KIND.items() if verb.startswith(stems)), "statement")
    speaker = int(m.group(1))
    statement = s.new(m.start(2), m.end(2), "Statement", f"{s.name(speaker)} {verb}: {said}"[:200],
                      kind=kind, text=said)
    s.add(speaker, "STATED", statement, "attributed", speaker)
    return speaker, s.mentions[statement].start


def _funds(s: Sentenced) -> None:
    target = slot("Agreement", "Policy", "Organization")
    verbs = r"funds|funded|is funding|will fund|pays for|paid for|will pay for|finances|financed|will finance"
    for m in re.finditer(rf"{BODY} (?:\w+ ){{0,2}}?(?:{verbs}) (?:[\w'-]+ ){{0,6}}?{target}", s.tpl.text):
        s.add(m.group(1), "FUNDS", m.group(2))
    agreement = s.of_type("Agreement") or s.of_type("Policy")
    for m in re.finditer(rf"using {BODY} (?:funds|money)", s.tpl.text):
        if agreement is not None:
            s.add(m.group(1), "FUNDS", agreement)


def _attended(s: Sentenced) -> None:
    event_words = r"(?:inauguration|summit|conference|meeting|ceremony|talks|forum|swearing-in)"
    pattern = (rf"{ACTOR},?(?: who)? (?:\w+ ){{0,2}}?attended (?:{slot('Event')}|"
               rf"(?:the |a )?((?:[\w-]+ ){{0,2}}?{event_words}))")
    for m in re.finditer(pattern, s.tpl.text):
        if m.group(2):
            s.add(m.group(1), "ATTENDED", m.group(2))
            continue
        stop = re.compile(r"[,;.]|$").search(s.tpl.text, m.end(3))
        words = s.article.text[slice(*s.tpl.span(m.start(3), stop.start() if stop else m.end(3)))]
        s.add(m.group(1), "ATTENDED", s.new(m.start(3), m.end(3), "Event", _title(words)))


def _title(words: str) -> str:
    words = words.rstrip(" .")
    return words[:1].upper() + words[1:]


def _visas(s: Sentenced) -> None:
    verbs = (r"imposed|imposes|impose|suspended|suspends|suspend|lifted|lifts|introduced|"
             r"reinstated|reinstates|required|requires|dropped|waived|ended|tightened")
    pattern = (rf"{ACTOR} (?:has |have |had |will |would )?(?:\w+ )?({verbs}) (?:new |the )?"
               rf"(visa (?:requirements?|rules?|restrictions?|exemptions?|waivers?))(?: (?:for|on) "
               rf"{slot('Country', 'Organization')})?")
    for m in re.finditer(pattern, s.tpl.text):
        whom = f" for {s.name(m.group(4))}" if m.group(4) else ""
        policy = s.of_type("Policy") or s.new(m.start(3), m.end(3), "Policy",
                                               f"{s.name(m.group(1))} visa requirement{whom}",
                                               instrument="visa_rule")
        s.add(m.group(1), "ISSUED", policy)
        if m.group(4):
            s.add(policy, "AFFECTS", m.group(4))


RULES = (_signed, _posts, _funds, _attended, _visas)


def sentence_relations(article: Article, sentence: Sentence,
                       mentions: list[Found]) -> Iterator[FoundRelation]:
    """The sentence's relations; what follows "X said" is X's claim, attributed to X."""
    s = Sentenced(article, sentence, mentions)
    said = _stated(s)
    for rule in RULES:
        rule(s)
    for rel in s.found:
        if said and rel.type != "STATED" and min(s.mentions[rel.subject].start,
                                                 s.mentions[rel.object].start) > said[1]:
            rel = FoundRelation(rel.subject, rel.type, rel.object, sentence, "attributed", said[0])
        yield rel
