"""Attack words, their alleged perpetrators and their targets, sentence by sentence.

The perpetrator comes only from attributive language next to the attack word:
"Russian air strikes", "a suspected Russian strike", "strikes by the coalition",
"jets believed to be Russian". A hedge ("suspected", "believed to be") is kept as such.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from civharm.extract.actors import ActorKind, belligerent, find_actors
from civharm.records import AttackType

# Most specific first: "drone strike" before "strike".
ATTACK_PATTERNS: tuple[tuple[AttackType, str], ...] = (
    (AttackType.DRONE_STRIKE, r"drone(?:\s+|-)(?:strikes?|attacks?)|drones?|UAVs?|unmanned aerial vehicles?"),
    (AttackType.MISSILE, r"(?:cruise |ballistic |guided )?missiles?(?: strikes?| attacks?)?"),
    (
        AttackType.SHELLING,
        r"shell(?:ing|ed|s)|artillery(?: fire)?|mortars?(?: fire| rounds?)?|rocket fire"
        r"|rockets?|multiple rocket launchers?|Grad",
    ),
    (
        AttackType.AIR_STRIKE,
        r"air[\s-]?strikes?|air ?raids?|air attacks?|aerial (?:bombardment|bombing|attacks?|strikes?)"
        r"|(?:war|fighter[\s-]?)?planes?|warplanes?|(?:fighter[\s-]?)?jets?|bombers?|helicopters?"
        r"|barrel[\s-]bombs?|cluster (?:bombs?|munitions)|air force|bombing raids?|raids?"
        r"|bombardments?|bombing|bombed|bombs?|strikes?|struck",
    ),
    (AttackType.BOMBING, r"car[\s-]bombs?|suicide (?:bomb(?:ing|er)s?|attacks?)|explosions?|blasts?|IEDs?"),
    (
        AttackType.SHOOTING,
        r"shootings?|shot (?:dead|and killed|and wounded|to death)|gunfire|open(?:ed|ing|s)? fire|gunm[ae]n|shooters?"
        # "a man was shot", "fatally shot", "gunshot wounds", "shots fired": gun violence in local news
        r"|(?:was|were|been|being|fatally|accidentally|mortally|critically)\s+shot|gunshots?|shots? (?:were )?fired"
        r"|shootouts?|shot (?:in the|multiple|several|once|twice)|gunned down|drive-bys?|stray bullets?|gunfights?"
        r"|gun ?battles?|(?<!photo )(?<!bamboo )shoots\b(?! up\b)"
        # "struck by a bullet", "grazed by bullets"; "the gun discharged", "the rifle went off"
        r"|bullets?(?!-proof|\s+(?:points?|trains?|journals?|lists?))"
        r"|(?:gun|weapon|firearm|rifle|pistol|handgun|shotgun|revolver)\s+(?:accidentally\s+)?"
        r"(?:discharged|went off|fired)"
        # a headline's passive without its "was": "Man shot outside store", "Two shot near park"; not "a shot
        # at the title", "a flu shot on Monday"
        r"|(?<!\ba )(?<!\bthe )(?<!\bone )(?<!\bflu )(?<!\bmug )(?<!\bbooster )shot(?= (?:outside|inside|near|at|on|in"
        r"|after|during|while|early|late|overnight)\b)"
        # the active verb with its victim: "a man shot his wife", "shot and wounded two people"
        r"|shot(?= (?:and (?:killed|wounded|injured) )?(?:his|her|their|a|an|two|three|four|five|six|\d+) \w)",
    ),
    (AttackType.GROUND_ATTACK, r"ground (?:attacks?|assaults?|offensives?)|ambush(?:ed)?"),
    # one violent attack named without its weapon: "an apparent murder-suicide", "a double homicide"
    (
        AttackType.OTHER,
        r"murder[\s-]suicides?|(?:double|triple|quadruple) (?:murders?|homicides?|slayings?|killings?)|massacres?"
        r"|killing spree|mass (?:killings?|murders?)|rampage|slayings?"
        # a killing told as a deed someone is accused of: "accused of killing a father and son", "murdered by"
        r"|murdered|(?:(?<=of )|(?<=with ))(?:killing|murdering)|(?:the )?killings? of"
        r"|homicides?(?! (?:detectives?|units?|division|investigators?|squad|charges?|counts?|cases?))",
    ),
)
ATTACK = re.compile("|".join(f"(?P<t{i}>\\b(?:{p})\\b)" for i, (_, p) in enumerate(ATTACK_PATTERNS)), re.IGNORECASE)
# "strike" and "raid" are also words for labour action and police operations; require company.
WEAK_WORDS = re.compile(r"^(?:strikes?|struck|raids?|bombs?|planes?|jets?|rockets?)$", re.IGNORECASE)

TARGET_PATTERNS: tuple[tuple[str, str], ...] = (
    (
        "home",
        r"homes?|houses?|residential (?:areas?|buildings?|neighbou?rhoods?|blocks?|districts?)"
        r"|apartment (?:blocks?|buildings?)|dwellings?",
    ),
    ("mosque", r"mosques?"),
    ("church", r"churche?s?"),
    ("market", r"market(?:place)?s?|bazaars?|souks?"),
    (
        "medical facility",
        r"hospitals?|clinics?|medical (?:facilit(?:y|ies)|cent(?:re|er)s?|points?)"
        r"|health (?:cent(?:re|er)s?|facilit(?:y|ies))|field hospitals?|ambulances?",
    ),
    ("school", r"schools?|kindergartens?|universit(?:y|ies)|colleges?"),
    ("bakery", r"baker(?:y|ies)|bread queues?"),
    ("camp for displaced people", r"(?:displacement|refugee|IDP) camps?|camps? for (?:the )?displaced"),
    ("water facility", r"water (?:stations?|plants?|facilit(?:y|ies)|pumping stations?)"),
    ("power facility", r"power (?:stations?|plants?)|electricity (?:stations?|infrastructure)"),
    ("fuel market", r"fuel (?:market|depot|station)s?"),
    ("shelter", r"shelters?"),
    ("vehicle", r"cars?|buses|bus|vehicles?|convoys?"),
)
TARGET = re.compile("|".join(f"(?P<g{i}>\\b(?:{p})\\b)" for i, (_, p) in enumerate(TARGET_PATTERNS)), re.IGNORECASE)

HEDGES = re.compile(
    r"\b(?:suspected|alleged(?:ly)?|apparent(?:ly)?|presumed|purported(?:ly)?|believed|thought|likely|reportedly"
    r"|probably|possibly|unidentified)\b",
    re.IGNORECASE,
)
BY_AFTER = re.compile(
    r"^\s*(?:carried out |conducted |launched |dropped |fired )?(?:by|from)\s+(?:the\s+)?$", re.IGNORECASE
)
BELIEVED_AFTER = re.compile(
    r"^\s*(?:,\s*)?(?:believed|thought|said|suspected|presumed)\s+to\s+(?:be|have been)\s+$", re.IGNORECASE
)
# Characters between an actor adjective and the attack word it qualifies ("Russian fighter jet").
ADJACENT_GAP = re.compile(
    r"^[\s-]*(?:(?:military|air force|air|naval|army|government|regime|coalition|warplanes'|forces'|[a-z]+-led)\s+)*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class AttackWord:
    start: int
    end: int
    attack_type: AttackType


@dataclass(frozen=True)
class Perpetrator:
    name: str
    hedged: bool
    start: int
    end: int


def find_attack_words(sentence: str) -> list[AttackWord]:
    found: list[AttackWord] = []
    for match in ATTACK.finditer(sentence):
        index = next(int(k[1:]) for k, v in match.groupdict().items() if v is not None)
        found.append(AttackWord(match.start(), match.end(), ATTACK_PATTERNS[index][0]))
    return found


def is_attack_sentence(sentence: str, words: list[AttackWord]) -> bool:
    """True when the sentence describes an attack, not just a "strike" in another sense."""
    strong = [w for w in words if not WEAK_WORDS.match(sentence[w.start : w.end])]
    if strong:
        return True
    return (
        bool(words)
        and re.search(r"\b(?:kill|wound|injur|hit|destroy|dead|target)", sentence, re.IGNORECASE) is not None
    )


# "A drone strike", "the air raid": one attack named in the singular.
ONE_ATTACK_BEFORE = re.compile(r"\b(?:a|an|the|this|that)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
# "fatally shooting four people ... during a robbery at an Ohio home in 2015": one crime, named by its kind.
ONE_CRIME = re.compile(
    r"\b(?:during|in|at|after)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:robbery|home invasion|carjacking|burglary"
    r"|break-in|dispute|argument|fight|altercation|standoff|ambush)\b",
    re.IGNORECASE,
)


def names_one_attack(sentence: str, words: list[AttackWord]) -> bool:
    """True when the sentence names a single attack ("A drone strike killed three men earlier this month"):
    its figures are that attack's, even when the sentence dates it only by a month or week."""
    return ONE_CRIME.search(sentence) is not None or any(
        not sentence[w.start : w.end].lower().endswith("s") and ONE_ATTACK_BEFORE.search(sentence[: w.start])
        for w in words
        if not WEAK_WORDS.match(sentence[w.start : w.end]) or sentence[w.start : w.end].lower() == "strike"
    )


def attack_type(sentence: str, words: list[AttackWord]) -> AttackType:
    """The most specific type named: a drone or missile beats the generic air strike words."""
    order = [t for t, _ in ATTACK_PATTERNS]
    return min((w.attack_type for w in words), key=order.index) if words else AttackType.OTHER


def find_perpetrators(sentence: str, words: list[AttackWord]) -> list[Perpetrator]:
    """Belligerents that the sentence's attack words are attributed to."""
    found: list[Perpetrator] = []
    for match in find_actors(sentence):
        party = belligerent(match.actor)
        if party is None or (match.actor.kind is ActorKind.MINISTRY and match.actor.party is None):
            continue
        for word in words:
            before_gap = sentence[match.end : word.start]
            after_gap = sentence[word.end : match.start]
            attributive = (match.end <= word.start and ADJACENT_GAP.match(before_gap) is not None) or (
                word.end <= match.start and (BY_AFTER.match(after_gap) or BELIEVED_AFTER.match(after_gap))
            )
            if attributive:
                window = sentence[max(0, min(match.start, word.start) - 25) : max(match.end, word.end)]
                hedged = HEDGES.search(window) is not None
                found.append(Perpetrator(party, hedged, match.start, match.end))
                break
    return found


def find_targets(sentence: str) -> list[str]:
    found: list[str] = []
    for match in TARGET.finditer(sentence):
        index = next(int(k[1:]) for k, v in match.groupdict().items() if v is not None)
        name = TARGET_PATTERNS[index][0]
        if name not in found:
            found.append(name)
    return found
