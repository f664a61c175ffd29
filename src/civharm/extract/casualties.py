"""Casualty figures in one sentence: who was counted, what happened to them, and how many.

A figure is a quantity (see ``quantities``) bound to a group noun ("civilians", "children",
"fighters") and an outcome ("killed", "wounded"), read from the words right around it:

    "at least 44 people were killed"        quantity, group, then the outcome
    "killing 12 people including 3 children" the outcome first; "including" makes a subgroup
    "the death toll rose to 44"             a toll phrase governs the quantity
    "two people were killed and five injured" the second figure borrows the group
    "one dead, two hurt"                    outcome words with no group

What is not counted: a figure under negation or a hypothetical ("could have killed"), a denial
("denied killing"), a number with no outcome word near it ("300,000 people ... its victims"), and
an unborn child ("a mother and her unborn child" is one killed: recorders count the born).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from civharm.extract.dates import MONTH_NAMES, WEEKDAY_NAMES, word_alternation
from civharm.extract.quantities import Quantity, find_quantities
from civharm.records import Casualty, Group, Outcome

# Group nouns, singular and plural; the first matching entry wins.
GROUP_WORDS: tuple[tuple[str, Group], ...] = (
    (
        r"civilians?|residents?|villagers?|shoppers?|worshipp?ers?|passers-by|displaced people|patients?"
        r"|students?|pupils?|family members|relatives"
        # "members of the same family", "6 members of Spring family", "three members of the Ruiz family"
        r"|members of (?:the same|one|a single|(?:the\s+|a\s+|an\s+)?(?:[\w'’-]+\s+){0,2}?)\s*family",
        Group.CIVILIANS,
    ),
    (
        r"children|child|kids|boys?|girls?|minors?|infants?|babies|baby|toddlers?|teen(?:ager)?s?|juveniles?",
        Group.CHILDREN,
    ),
    (r"women|woman|mothers?", Group.WOMEN),
    (r"men|man|fathers?", Group.MEN),
    (
        r"fighters?|militants?|rebels?|soldiers?|troops|combatants?|gunm[ae]n|jihadists?|insurgents?|servicemen"
        # attackers and suspects are not victims of their own attack ("the gunman was shot dead by police")
        r"|suspects?|shooters?|assailants?|attackers?|robbers?|intruders?|burglars?"
        r"|members of (?:the )?(?:islamic police|security forces|armed forces|[A-Z][\w-]+)",
        Group.FIGHTERS,
    ),
    (
        r"medics?|doctors?|nurses?|paramedics?|health workers?|medical staff|medical workers?|hospital staff"
        r"|rescue workers?|rescuers?|aid workers?|first responders?",
        Group.MEDICAL_STAFF,
    ),
    (
        r"people|persons?|individuals|adults|others|victims?|bodies|Syrians|Ukrainians|Yemenis|Palestinians|Sudanese"
        r"|(?:police )?officers?|deputies|deputy|troopers?",
        Group.UNKNOWN,
    ),
)
_GROUP_ALTERNATION = "|".join(f"(?:{words})" for words, _ in GROUP_WORDS)
# An age or initials may modify a noun like a word: "Two 16-year-old boys", "Four U.S. Marines".
_AGE_OR_INITIALS = r"\d+-(?:year|month|week)-old|(?-i:(?:[A-Z]\.){2,})"
# Up to three modifiers may stand between a number and its group's noun ("12 more Syrian civilians"), never a
# preposition that starts another phrase ("7 killed by gunman", "4 dead after gunman opens fire": the gunman is no
# group of the seven).
_MODIFIERS = (
    r"(?:(?:of\s+)?(?:the\s+)?(?:(?!(?:by|after|at|near|during|from|with)\b)"
    rf"(?:[a-z][\w-]*|{_AGE_OR_INITIALS})\s+){{0,3}}?)"
)
GROUP_AFTER = re.compile(rf"^\s*[”\"']?\s*{_MODIFIERS}(?P<group>{_GROUP_ALTERNATION})\b", re.IGNORECASE)
# Any other plural noun, with up to two modifiers: "three partygoers", "two young bandmates".
# A headline in title case capitalises them: "Child, Three Adults Injured".
OTHER_NOUN_AFTER = re.compile(
    rf"^\s+(?:(?!(?i:of|a|an|the|and|or|in|on|at|to|from)\b)(?:[A-Za-z][\w-]*|{_AGE_OR_INITIALS})\s+){{0,2}}?"
    r"(?!(?i:was|has|is|this|his|its|as|us|does|shootings|attacks|incidents|strikes|explosions|blasts|crashes"
    r"|fires|raids|bombings|homicides|murders|killings)\b)[A-Za-z][a-z-]*[a-rt-z]s\b"
)

# "shot and killed", "fatally shot", "shot dead", "shot to death", "pronounced dead": killed.
_SHOT_DEAD = (
    r"(?:fatally|mortally)\s+(?:shot|wounded)|shot,?\s+(?:and\s+)?killed|shot\s+(?:dead|to\s+death)"
    r"|pronounced\s+(?:dead|deceased)|fatally(?=\s*[.,;)]|\s*$)"
)
_KILLED = (
    rf"{_SHOT_DEAD}|killed|murdered|dead|died|dies|deaths?|fatalities|lost their lives|perished|slain|massacred"
    r"|pass(?:ed|es)\s+away"
)
# "a man was shot", "two people were struck": hit, and whether they lived is not said: killed or injured.
# "hit" and "struck" name harm only when people are hit (``HIT_WORDS``, see ``_read``).
_SHOT = r"shot|hit|struck"
HIT_WORDS = re.compile(r"\b(?:hit|hitting|struck|striking)\b", re.IGNORECASE)
# "was taken to a hospital with non-life-threatening injuries", "was hospitalized in critical condition": hurt.
# "was treated at a hospital and released" too; not "were taken to area hospitals": among many taken to
# hospitals, some often die later
_TAKEN_TO_HOSPITAL = (
    r"(?:(?:taken|transported|rushed|airlifted|flown)\s+to|treated\s+(?:at|in))\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?"
    r"hospital\b"
)
_NO_DEATH_AFTER = r"(?![^.;]*\b(?:died|dead|deceased|death|succumbed)\b)"
_HOSPITAL = (
    r"(?:taken|transported|rushed|airlifted|flown)\s+to\s+[^.;]{0,60}?\b(?:with|for(?:\s+treatment\s+of)?)\s+"
    r"(?:[\w-]+\s+){0,4}?(?:injur(?:y|ies)|wounds?)|hospitali[sz]ed|in\s+(?:critical|serious|stable|fair|grave)\s+condition"
    r"|treated\s+and\s+released"
    # "A two-year-old was airlifted to the hospital after ...", unless the sentence goes on to his death
    rf"|{_TAKEN_TO_HOSPITAL}{_NO_DEATH_AFTER}"
    # "four people dead and one in the hospital"
    rf"|in\s+(?:the\s+)?hospital\b{_NO_DEATH_AFTER}"
)
# Taken to hospital, and nothing said of injuries: someone first named so was hurt; but "he", "the man"
# are someone told of before, maybe as dead.
TAKEN_TO_HOSPITAL = re.compile(_TAKEN_TO_HOSPITAL, re.IGNORECASE)
DEFINITE = re.compile(r"(?:the|he|she|his|her|their)\b", re.IGNORECASE)
# "suffered non-life-threatening injuries", "suffered a gunshot wound", "recovering from bullet wounds", "shot and
# wounded": injured.
_SUFFERED = (
    r"(?:suffer(?:ed|ing|s)|sustain(?:ed|ing|s)|treated for|recover(?:ed|ing|s)?)\s+(?:from\s+)?(?:an?\s+)?"
    r"(?:[\w-]+,?\s+){0,3}?(?:injur(?:y|ies)|wounds?)"
)
_INJURED = (
    rf"shot\s+and\s+(?:wounded|injured)|{_SUFFERED}|{_HOSPITAL}|wounded|injured|hurt|injuries|maimed|grazed"
    r"|recover(?:ing|s)\s+after\s+being\s+(?:shot|hit|struck)"  # "a man is recovering after being shot"
)
_MISSING = r"missing|unaccounted for|buried under (?:the )?rubble"
_AUX = (
    # "three other teens survived but were also hit": alive, and hit
    r"(?:\s*(?:,\s*)?(?:who|that|were|was|have|has|had|been|are|is|being|reportedly|reported|also|all|each|later|found|both"
    r"|survived,?\s+(?:but|and)"
    r"|since|now|still|remain|remains|remained|were\s+said\s+to\s+have|are\s+feared|feared|confirmed|believed|thought|to\s+be|to\s+have)\b)*"
)
# "left three dead and injured another": a harm verb with an object of its own is not the figure's
_OBJECT = r"(?:another|others|one|two|three|four|five|six|seven|eight|nine|ten|\d+|a|an)\b"
# "a 9-month-old baby in Indiana died", "a man from Dayton, 34, was shot": where he is from, or his age.
_FROM_PLACE = (
    # "a man in northwest Atlanta", "a woman in rural Tennessee"
    r"(?:,?\s+(?:in|of|from)\s+(?:the\s+[a-z]+|(?:(?:north|south|east|west)(?:east|west)?(?:ern)?\s+|rural\s+|downtown\s+)?"
    r"(?-i:[A-Z][\w.'’-]*)(?:\s+(?-i:[A-Z][\w.'’-]*)){0,2}))?"
    r"(?:,\s*\d{1,3}\s*,)?"
)
OUTCOME_AFTER = re.compile(
    rf"^[”\"']?(?P<origin>{_FROM_PLACE}){_AUX}\s*[”\"']?\s*"
    r"(?:(?:accidentally|critically|seriously|badly|also|apparently|allegedly)\s+){0,2}"
    rf"(?P<outcome>(?:{_KILLED})(?:\s+(?:or|and)\s+(?:{_INJURED})(?!\s+{_OBJECT}))?|{_INJURED}|{_MISSING}|{_SHOT})\b",
    re.IGNORECASE,
)
_WHEN_BEFORE_OF = (
    r"(?:\s+(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:\s+(?:morning|afternoon|evening"
    r"|night))?|\s+(?:last|this|earlier this)\s+(?:week|weekend|month|year|night))?"
)
OUTCOME_BEFORE = re.compile(
    r"\b(?P<outcome>(?:(?:fatally\s+)?shot\s+and\s+kill(?:ed|ing)|fatally\s+shoot(?:ing|s)?|fatally\s+shot"
    r"|(?:fatally|mortally)\s+(?:wound(?:ed|ing)|injur(?:ed|ing))|shot|shooting|shoots|hit|hitting|struck|striking"
    r"|kill(?:ed|ing|s)?|murder(?:ed|ing|s)|massacr(?:ed|ing|es)|claim(?:ed|ing|s)? the li(?:ves|fe) of|left|leaving"
    r"|bodies of"
    # "the shooting death of 5-year-old Mya White", "charged in the murders of two men"
    # "the fatal shooting Saturday of a 5-year-old girl", "the shooting deaths last week of his wife and son":
    # when may stand before "of"
    rf"|(?:death|deaths|murder|murders|killing|killings|slaying|slayings|homicide){_WHEN_BEFORE_OF}\s+of"
    r"|injur(?:y|ies) to"
    # "the Monday morning shooting of a teenager": hit, fate not said by these words ("the shooting and wounding
    # of" says it)
    rf"|(?:(?:fatal|deadly)\s+)?(?:shooting(?:\s+and\s+wounding)?|wounding){_WHEN_BEFORE_OF}\s+of)"
    r"(?:\s+(?:or|and)\s+(?:wound(?:ed|ing)|injur(?:ed|ing)))?|wound(?:ed|ing|s)?|injur(?:ed|ing|es)?)"
    # "killing her 5 children", "wounding the other two": whose they were, or which, may stand between
    # "shot himself and his son": the one after the reflexive is the verb's object too
    # "killed her and three other people": the one before "and" does not stand in the way
    # ("left him and the victim at the hospital": left there, not harmed)
    r"\s+(?:(?:himself|herself|(?<!\bleft\s)(?<!\bleaving\s)(?:him|her))\s+and\s+)?"
    r"(?:(?:her|his|their|its)\s+|the\s+(?:other|remaining)\s+)?"
    r"(?:an estimated\s+|a total of\s+|as many as\s+|at least\s+|all\s+)?[“\"']?\s*$",
    re.IGNORECASE,
)
TOLL_BEFORE = re.compile(
    r"\b(?P<outcome>death toll|toll|number of (?:the )?dead|number of deaths|fatalities|casualt(?:y|ies) toll)"
    r"\b[^.;:]{0,40}?\b(?:to|at|of|reached|was|is|hit|stands at|stood at)\s*[“\"']?\s*$",
    re.IGNORECASE,
)
# "The death toll from Tuesday's air strike on a building in Aleppo rose to 44": a toll told at length.
TOLL_ROSE = re.compile(
    r"\b(?P<outcome>death toll|toll|number of (?:the )?dead)\b[^.;:]{0,160}?\b(?:rose|risen|rises|climbed|climbs"
    r"|increased|jumped|reached|stands at|stood at|hit)\s+(?:to\s+)?(?:at least\s+)?[“\"']?\s*$",
    re.IGNORECASE,
)
# "with twelve more awaiting identification": an addition to the figure just before it.
# "..., in addition to 5 members of the police": an addition even after a verb.
ADDITION = re.compile(r"\b(?:in addition to|as well as|besides)\s*$", re.IGNORECASE)
MORE_AFTER = re.compile(r"^\s+(?:more|additional)\b", re.IGNORECASE)
# "left them and three others dead": the people told before, and more.
THEM_AND_BEFORE = re.compile(r"\b(?:them|him|her)\s+and\s+$", re.IGNORECASE)
# What may stand between a figure and the "N more" that adds to it: a few words, or anything ending in
# a joining word ("31 people identified after Saturday's bombing of a market, with twelve more"); another
# clause's verb may not ("five hospitalized Monday evening, a night of music drew hundreds more").
MORE_JOIN = re.compile(
    r"^(?:\s+\w+){0,4}[\s,]*(?:with|and|while|plus|but)?\s*$|\b(?:with|and|while|plus)\s*$", re.IGNORECASE
)
# A person told with "the": someone told of before ("Smith and the man who died"), unlike ``DEFINITE``'s
# pronouns and possessives, which may name someone new ("Gonzalez and her grandfather").
DEFINITE_NOUN = re.compile(r"(?:the|this|that)\b", re.IGNORECASE)
# "The armed suspect was hit and wounded, and so was the woman": the same fate.
SO_WAS_BEFORE = re.compile(r"\band\s+so\s+(?:was|were)\s+$", re.IGNORECASE)
# A name opening a clause right before "and" and a person: "Maxwell and another teenager", "Gonzalez and her
# grandfather" (not "Police and a bystander").
NAME_AND_BEFORE = re.compile(
    r"(?:^|(?<=[.;:!?]\s)|(?<=\n)|(?<=,\s)|(?<=\band\s))[“\"']?"
    r"(?P<name>(?!(?:He|She|It|They|We|You|This|That|Police|Officers?|Deputies|Troopers|Agents|Authorities|Witnesses"
    r"|Residents|Neighbors|Neighbours|Family|Friends|Both|All|One|The|A|An|And|But|Then|Also)\b)"
    r"[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){0,2})\s+and\s+$"
)
# The same harm done again to others by one doer: "killed his girlfriend and then fatally shot three men".
THEN_AGAIN = re.compile(
    r"^\s*,?\s+and\s+then\s+(?:\w+\s+)?(?:fatally\s+shot|shot\s+and\s+killed|shot\s+and\s+wounded|killed|murdered"
    r"|wounded|injured|shot)\s+$",
    re.IGNORECASE,
)
SEMICOLON_LIST = re.compile(r"\s*;\s*(?:and\s+)?$", re.IGNORECASE)
JOINER = re.compile(
    # an apposition may stand between: "his fiancee, Jaime Salazar, 34, and their son"
    r"^(?:,\s*(?-i:[A-Z][\w'’-]+(?:\s+[A-Z][\w.'’-]+){0,2})(?:,\s*\d{1,3})?)?"
    # "Megan Short, Mark Short and the couple's three children": whose they are may stand before the figure
    r"[\s,”\"']*(?:and|as well as|along with|plus|in addition to|,)?\s*(?:her|his|their|the couple['’]s)?[\s“\"']*"
    r"(?:another\s+)?$",
    re.IGNORECASE,
)
# "Trinity Gay, the daughter of Tyson Gay": a person named again by what she is to someone.
APPOSITION = re.compile(r"\s*,\s*$")
NAME_WORD = re.compile(r"\b[A-Z][a-z'’-]+\b")
OF_AFTER = re.compile(r"\s+of\b")
# After the second of two people set side by side by a comma, a list goes on ("a man, a woman and a
# child"); an apposition does not ("The victim, 16-year-old Cade Booher, was shot").
# "Alex Ramirez, a neighbor and close friend, who was shot": two nouns of one person, the second bare.
ROLES_OF_ONE = re.compile(r"\s+and\s+(?!(?:an?|the|his|her|their|its|\d+)\b)[a-z][\w-]*(?:\s+[a-z][\w-]*)?\s*,")
LIST_GOES_ON = re.compile(
    r"\s*,?\s*(?:and|&|or|as well as|along with|plus)\b|\s*,\s*(?:an?|the|his|her|their|\d+-year-old)\b",
    re.IGNORECASE,
)
INCLUDING = re.compile(
    r"(?:including|included|among them|among whom|of whom|of them|among the dead(?: were)?|the dead included)"
    r"\s*[“\"']?\s*$",
    re.IGNORECASE,
)
# An age or an age group: "17", "their mid-teens", "early 20s".
_AGE = r"(?:(?:their|his|her|the)\s+)?(?:(?:early|mid|late)[- ])?[\w-]+"
# ", including four children," between a figure and its verb.
PARENTHETICAL = re.compile(
    r"^\s*,\s*(?:(?:ages?|aged)\s+\d+(?:\s*,\s*\d+)*\b[^,.;]{0,30}"  # "ages 18, 21 and 35"
    # a name: "His brother, C.J. Mikula-Conrad, was", "another man, 20-year-old Luis Nava of Ephrata, wounded"
    r"|(?:\d{1,3}-year-old\s+)?(?-i:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})(?:\s+of\s+(?-i:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?))?"
    r"|(?:including|among them|among whom|of whom|ages?|aged|between the ages of)\b[^,.;]{1,60}"
    r"|(?:both|all|also)\s+\d{1,3}|\d{1,3}(?:\s*,\s*\d{1,3})*,?\s+and\s+\d{1,3}"  # "both 24", "19 and 20"
    r"|one\s+\d{1,3}\s+and\s+the\s+other\s+\d{1,3}),"  # "Two teenagers, one 16 and the other 17, were"
    # "Four people -- including a child -- were injured": an aside between dashes
    r"|^\s*(?:--|—|–)\s*(?:including|among them|ages?|aged)\b[^.;—–]{1,60}?(?:--|—|–)"
    # "Three other people ranging from their mid-teens to early 20s were treated": ages without commas
    rf"|^\s+(?:ranging (?:in age )?from|between the ages of|ages?|aged)\s+{_AGE}\s+(?:to|and|through)\s+{_AGE}"
    # "three state troopers who entered the residence were wounded": what they did, then their fate
    r"|^\s+(?:who|that)\s+(?!(?:was|were|had|have|has|is|are)\b)\w+(?:\s+[\w'’-]+){0,5}?(?=\s+(?:was|were)\s)",
    re.IGNORECASE,
)
# "a double homicide": as many dead as the word says.
MULTIPLES = {"double": 2, "triple": 3, "quadruple": 4, "quintuple": 5}
MULTIPLE_KILLING = re.compile(
    rf"\b({'|'.join(MULTIPLES)})[- ](?:homicides?|murders?|killings?|slayings?|fatal shootings?)\b", re.IGNORECASE
)
# "a quadruple shooting": as many shot, dead or hurt, as the word says.
MULTIPLE_SHOOTING = re.compile(rf"\b({'|'.join(MULTIPLES)})[- ]shootings?\b", re.IGNORECASE)
# "an accidental shooting death", "a homicide": one dead, though no figure is given.
SINGLE_KILLING = re.compile(
    r"\ban?\s+(?:(?:accidental|fatal|apparent|deadly)\s+)?(?:shooting\s+death|homicide)\b"
    r"(?!\s+(?:charges?|suspects?|investigations?|cases?|trials?|detectives?|units?|investigators?))",
    re.IGNORECASE,
)
# The attacker's own death: "before turning the gun on himself", "then took his own life".
SELF_KILLING = re.compile(
    # "killed four classmates and himself": he is one more
    r"\b(?:turn(?:ed|ing|s)\s+the\s+gun\s+on\s+(?:himself|herself)|kill(?:ed|ing|s)\s+(?:[^.;:!?]{1,60}?\s+and\s+)?"
    r"(?:himself|herself)"
    r"|took\s+(?:his|her)\s+own\s+life"
    # "the suspect was found dead in his home of a self-inflicted gunshot wound": the attacker's, when the
    # sentence names one (a child who "died of a self-inflicted gunshot wound" is the victim)
    r"|(?:suspect|suspected|gunman|shooter|attacker|killer)\b[^.;:!?]{0,80}?\b(?:died|dead)\b[^.;:!?]{0,60}?"
    r"(?<!not )(?<!\bno )self[- ]inflicted)\b",
    re.IGNORECASE,
)
# "Child accidentally shoots, kills himself": no attacker's death, though the words are a suicide's.
ACCIDENT = re.compile(r"\baccident(?:al|ally)?\b", re.IGNORECASE)
# Words that make the figure not a claim of harm that happened.
NEGATED = re.compile(
    r"\b(?:no|zero|without)\s+(?:(?:immediate|reported|civilian)\s+)?"
    r"(?:casualties|deaths|injuries|one (?:was )?(?:killed|hurt|injured))"
    r"|\b(?:could|would|might|may)\s+(?:have\s+)?(?:killed|kill)\b"
    r"|\bden(?:y|ies|ied|ying)\s+(?:that\s+)?(?:\w+\s+){0,3}?(?:killing|killed|harming|targeting)\b"
    r"|\bnot\s+(?:been\s+)?(?:killed|injured|hurt)\b",
    re.IGNORECASE,
)
# A single person named by a noun phrase: "a woman", "her husband", "an 8-year-old boy".
PERSON = re.compile(
    # "the 13-year-old was dead": an age alone names a person too
    # "Three-year-old fatally shot", "a 15-month-old in the minivan was also struck"
    r"\b(?:(?:a|an|the|one)\s+)?(?:\d+|[a-z]+(?:-[a-z]+)?)-(?:year|month|week)-old(?=(?:\s+in\s+the\s+\w+)?,?\s+"
    r"(?:was|is|had|has|died|dies|passes|passed|shot|killed|hit|struck|wounded|injured|also|later|accidentally"
    r"|fatally)\b)"
    # "he was shot", "she died from her injuries": a pronoun whose fate the sentence tells
    r"|\b(?:He|She)(?=\s+(?:(?:was|had been|has been|is|remains|remained|later|also|then|eventually)\s+"
    r"(?:\w+\s+){0,2}?)?"
    r"(?:killed|dead|died|dies|shot|wounded|injured|hurt|hit|struck|suffered|sustained|pronounced|hospitali[sz]ed"
    r"|listed|grazed)\b)"
    # "when he and his 2 kids were found dead": he is one of those the verb tells of
    r"|\b(?:He|She)(?=\s+and\s+(?:his|her)\s)"
    # "three people dead and another injured": one more person
    r"|\b(?:another|one other|the other)"
    r"(?=\s+(?:(?:was|were|is|being)\s+)?(?:critically\s+|seriously\s+)?(?:injured|wounded|hurt)\b"
    r"|\s+(?:(?:was|is)\s+)?in\s+(?:critical|serious|stable|fair|grave)\s+condition\b)"
    # "5-year-old Noelle Shawver": an age before a name (not a title-case "15-Year-Old Boy Shot In ...")
    r"|\b\d+-(?:year|month|week)-old\s+(?!(?:boy|girl|man|woman|teen|child|toddler|baby|son|daughter|student)\b)"
    r"(?-i:[A-Z][a-z'’]+(?:\s+[A-Z]\.)?(?:\s+(?!(?i:shot|killed|dies|died|dead|wounded|injured|hurt)\b)[A-Z][a-z'’-]+){1,2})"
    # ("the baby's mother": whose she is may stand for the article)
    r"|(?:\b(?:a|an|one|her|his|their|the (?-i:[a-z]+)['’]s|the|another|a second|a third|(?-i:[A-Z][a-z]+)['’]s)\s+"
    # a headline's bare noun: "Teen suffers gunshot wound", "Pleasantville woman shot in foot"
    r"|(?:^|(?<=[.;:!?]\s)|(?<=\n))(?=(?-i:[A-Z]))|(?=\d+[- ](?:year|month|week))"
    # a headline's bare object: "shooting that killed teen", "Woman shoots husband"
    # (the verb in lower case: "SUSPECT KILLED Sheriff: 3 killed" runs a caption into a headline)
    r"|(?<=\b(?-i:[Kk]illed)\s)|(?<=\b(?-i:[Kk]ills)\s)|(?<=\b(?-i:[Ss]hoots)\s)|(?<=\b(?-i:[Ww]ounds)\s)"
    r"|(?<=\b(?-i:[Ii]njures)\s))"
    # modifiers: ages, adjectives, and names of places or schools ("a 15-year-old Caldwell County student")
    r"(?:(?:[\w-]+[- ](?:year|month|week|day)s?[- ]old|young|elderly|pregnant|old|little|teenage|unidentified"
    r"|unnamed|local|off-duty|male|female|adult|black|white|hispanic|latino|latina|asian|unarmed|innocent|area"
    r"|high school|middle school|elementary|college|other|fellow|veteran|retired|homeless|injured|wounded"
    r"|(?-i:[A-Z][\w.'’-]*))\s+){0,4}"
    # up to two more words of what he does: "a store clerk", "a bank robbery suspect"; not a verb ("Woman
    # shoots husband"), a preposition ("killed after sister shoots him") or a clause's next words ("The woman
    # killed was a teacher")
    r"(?:(?!(?:shoots|kills|wounds|injures|hits|shot|killed|wounded|injured|hit|after|before|by|in|at|on|with|for"
    r"|near|while|when|as|and|or|was|were|is|are|has|had|a|an|the|his|her|their|found|discovered|located|identified"
    r"|arrested|charged|one|two|three|four|five|six|seven|eight|nine|ten)\b)(?-i:[a-z]+)\s+){0,2}"
    r"(?P<noun>woman|man|child|girl|boy|baby|infant|toddler|teen(?:ager)?|mother|father|husband|wife|son|daughter"
    r"|doctor|nurse|paramedic|civilian|fighter|soldier|victim|suspect|gunman|shooter|assailant|attacker|robber"
    r"|officer|deputy|trooper|person|individual|student|resident|driver|clerk|employee|worker|passenger|bystander|pedestrian"
    r"|customer|neighbou?r|native|friend|brother|sister|cousin|nephew|niece|uncle|aunt|grand(?:mother|father|son|daughter)"
    r"|girlfriend|boyfriend|fianc[eé]e?|homeowner|owner|teacher|youth|male|female|juvenile|motorist|guard"
    r"|detective|investigator|agent|sergeant|sheriff|marshal|bouncer|cashier|partygoer|classmate|roommate|housemate"
    r"|step(?:father|mother|son|daughter|brother|sister)|partner|spouse|acquaintance|relative|musician|co-?worker"
    r"|colleague|companion|stranger|patron|coach|pastor|rapper|tenant|landlord|ex-(?:wife|husband|girlfriend|boyfriend)"
    r"|hunter|inmate|prisoner|guest|visitor|shopper|jogger|cyclist|player|adult"
    r"|(?:mother|father|brother|sister|son|daughter)-in-law)\b(?!-)"
    # "the shooting death of a 3-year-old", "charged with killing a 17-year-old": an age alone names the
    # person a harm noun is of, or a harm verb's object, with or without an article ("Brother accidentally shot
    # 12-year-old")
    # ("shooting a 2-year-old and a 16-year-old": the one after "and" too)
    r"|(?:(?<=\bof\s)|(?<=\bkilling\s)|(?<=\bkilled\s)|(?<=\bmurdering\s)|(?<=\bmurdered\s)|(?<=\bshooting\s)|(?<=\bshot\s)|(?<=\bwounding\s)"
    r"|(?<=\bwounded\s)|(?<=-old\sand\s))(?:(?:a|an)\s+)?(?:\d+|[a-z]+)-(?:year|month|week)-old\b(?!-)"
    # "killed three and wounded another", "wounding another Friday night", "killing one and wounding the other":
    # one more, the verb's object ("the other two" are a figure of their own)
    r"|(?:(?<=\binjured\s)|(?<=\bwounded\s)|(?<=\bwounding\s)|(?<=\binjuring\s))(?:another|the other)\b"
    r"(?!\s+(?:of|in|at|to|was|were|\d+|one|two|three|four|five|six|seven|eight|nine|ten|several)\b)"
    # "fired a handgun at Milner, killing him": the pronoun after the participle is the one harmed
    # ("killing her 5 children": "her" is whose, not whom)
    r"|(?:(?<=\bkilling\s)|(?<=\bwounding\s)|(?<=\binjuring\s)|(?<=\bkilled\s))(?:him\b|her\b(?=\s*(?:[.,;:!?)\"”]|$)"
    r"|\s+(?:and|in|on|at|with|before|after|as|while|when|during|outside|inside|near|to|from|by|for|early|late"
    r"|last|this|then|instantly|immediately)\b))",
    re.IGNORECASE,
)
# A named person whose fate the sentence tells: "Kenneth Lampkin, 16, was shot", "John Smith died".
# "Smith was pronounced dead", "LaPrida Shears, 25, of Tyler, was killed": one name, or a full name with
# age and home town; words that open sentences but name no one are not names.
NAMED = re.compile(
    r"\b(?!(?:He|She|It|They|We|You|This|That|These|Those|There|Police|Officers?|Authorities|Nobody|No|None|One"
    r"|Everyone|Everybody|Someone|Somebody|Anyone|Who|What|Which|All|Both|Each|Many|Some|Several|Others|Another"
    r"|Nothing|Everything|The|A|An|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Today|Tonight)\b)"
    # "of Evansville died": a home town, not a name; "the BMW was hit": capitals, not a name
    # "in southwestern Michigan were killed": a region's adjective makes a place of the capital
    # "in rural West Texas were all shot", "in northwest Atlanta": a place's words
    r"(?<!\bof )(?<!\bfrom )(?<!\bin )(?<!ern )(?<!\brural )(?<!\bdowntown )(?<![Ww]est )(?<![Ee]ast )"
    r"(?<!\b[Nn]orth )(?<!\b[Ss]outh )(?<!\b[Cc]entral )(?=[A-Z][\w'’-]*[a-z])"
    r"[A-Z][\w'’-]+(?:\s+(?:[A-Z]\.|[A-Z][\w'’-]+)){0,3}(?:,?\s+(?:Jr|Sr)\.|\s+I{2,3}\b)?"
    r"(?:,\s*\d{1,3},(?:\s+(?:of|from)\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,2},?)?"
    # "Jordan Shores of North Augusta was pronounced dead": a home town without an age
    r"|\s+(?:of|from)\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,2})?"
    # "Jesus Rios, a 17-year-old Latino male, died": who he was, told between commas
    r"(?:,\s+(?:a|an)\s+[^,.;]{1,60},)?"
    r"(?=\s+(?:was|had been|has been|is|were)\s+(?:\w+\s+){0,2}?(?:shot|killed|wounded|injured|pronounced|hit|struck)\b"
    r"|\s+(?:later\s+)?died\b)"
)
# "Melanie Virgen, 13, and Edgar Sanchez Rios, 16, were killed": the people listed with their ages before the
# named one the verb follows (``NAMED``) share its verb. A name here has a first and a last word.
AGED_NAME_BEFORE = re.compile(
    r"(?P<name>(?-i:[A-Z][\w'’-]+)(?:\s+(?-i:[A-Z]\.|[A-Z][\w'’-]+)){1,3},\s*\d{1,3})\s*[,;]\s*(?:and\s+)?"
    r"(?:(?:his|her|their)\s+)?(?:[a-z]+,?\s+)?$"
)
PERSON_GROUPS: dict[str, Group] = {
    "woman": Group.WOMEN,
    "mother": Group.WOMEN,
    "wife": Group.WOMEN,
    "grandmother": Group.WOMEN,
    "stepmother": Group.WOMEN,
    "daughter": Group.CHILDREN,
    "man": Group.MEN,
    "father": Group.MEN,
    "husband": Group.MEN,
    "stepfather": Group.MEN,
    "grandfather": Group.MEN,
    "son": Group.CHILDREN,
    "child": Group.CHILDREN,
    "girl": Group.CHILDREN,
    "boy": Group.CHILDREN,
    "baby": Group.CHILDREN,
    "infant": Group.CHILDREN,
    "doctor": Group.MEDICAL_STAFF,
    "nurse": Group.MEDICAL_STAFF,
    "paramedic": Group.MEDICAL_STAFF,
    "civilian": Group.CIVILIANS,
    "fighter": Group.FIGHTERS,
    "soldier": Group.FIGHTERS,
    "teen": Group.CHILDREN,
    "teenager": Group.CHILDREN,
    "toddler": Group.CHILDREN,
    "suspect": Group.FIGHTERS,
    "gunman": Group.FIGHTERS,
    "shooter": Group.FIGHTERS,
    "assailant": Group.FIGHTERS,
    "attacker": Group.FIGHTERS,
    "robber": Group.FIGHTERS,
    "victim": Group.UNKNOWN,
    "officer": Group.UNKNOWN,
    "deputy": Group.UNKNOWN,
    "trooper": Group.UNKNOWN,
}
SUBGROUPS = (Group.CHILDREN, Group.WOMEN, Group.MEN)
SIDES = (Group.FIGHTERS, Group.MEDICAL_STAFF)  # kept apart from civilians when figures are summed
# How far (characters) to look back for a verb that governs the quantity.
LOOKBACK_CHARS = 60


def _group_of(word: str) -> Group | None:
    for words, group in GROUP_WORDS:
        if re.fullmatch(words, word, re.IGNORECASE):
            return group
    return PERSON_GROUPS.get(word.lower())


def _outcome_of(words: str) -> Outcome:
    lowered = words.lower()
    has_killed = re.search(rf"\b(?:kill|{_KILLED}|claim|left|leaving|toll|number of|fatalities)", lowered)
    if re.search(r"\b(?<!non-)(?<!non)(?:fatal|fatally|mortally|deadly)\b", lowered):
        return Outcome.KILLED
    has_injured = re.search(r"wound|injur|hurt|maim|hospital|condition|treated|grazed|recover", lowered)
    if (
        not has_killed
        and not has_injured
        and re.search(r"\b(?:sho(?:t|ot|oting|ots)|hit|hitting|struck|striking)\b", lowered)
    ):
        return Outcome.KILLED_OR_INJURED
    if has_killed and has_injured:
        return Outcome.KILLED_OR_INJURED
    if has_injured:
        return Outcome.INJURED
    if re.search(_MISSING, lowered):
        return Outcome.MISSING
    return Outcome.KILLED


@dataclass(frozen=True)
class _Figure:
    quantity: Quantity
    end: int  # end of the whole phrase (number + group noun)
    group: Group | None
    outcome: Outcome | None
    subgroup: bool  # "including 3 children": part of the figure before it, not an addition
    person: bool = False  # "a woman": one person named by a noun phrase
    joined: bool = False  # tied to the figure before it by "and", a comma or "including"
    borrowed: bool = False  # its verb is the next figure's: "six children and two adults were shot"

    def but(self, **changes: object) -> _Figure:
        return replace(self, **changes)  # type: ignore[arg-type]


def _read(sentence: str, quantity: Quantity, others: list[Quantity], person: bool) -> _Figure:
    after = sentence[quantity.end :]
    before = sentence[max(0, quantity.start - LOOKBACK_CHARS) : quantity.start]
    group_match = GROUP_AFTER.match(after)
    if group_match and any(quantity.end < q.start < quantity.end + group_match.start("group") for q in others):
        group_match = None  # "a woman and her three children": the noun belongs to the next number
    between = after[: group_match.start("group")].strip() if group_match else ""
    if person and between and not between.startswith("of "):
        # "a girl sustained a minor wound": a person's noun comes right after, if at all, or after "of"
        # ("1-year-old son of correctional officer killed")
        group_match = None
    if group_match:
        group = _group_of(group_match.group("group"))
    else:
        # a person is whoever the noun says, never the group of the figure before ("a gunman ... a clerk")
        group = _person_group(quantity.words) if person else None
        if person and quantity.words.lower() in {"him", "her"} and ATTACKER_BEFORE.search(before):
            group = Group.FIGHTERS  # "officers exchanged gunfire with the suspect, killing him"
    phrase_end = quantity.end + (group_match.end() if group_match else 0)
    more = MORE_AFTER.match(after) if group_match is None else None
    if more:
        phrase_end += more.end()  # "and eight more were wounded": the verb after "more" is this figure's
    other_noun = False
    if group_match is None and not person and not more:
        # "three partygoers were killed": a plural noun not in the group lists still carries the verb
        noun = OTHER_NOUN_AFTER.match(after)
        if noun and OUTCOME_AFTER.match(after[noun.end() :]):
            phrase_end = quantity.end + noun.end()
            other_noun = True
    lead = OUTCOME_AFTER.match(sentence[phrase_end:])
    # "Robinson, 28, of St. Louis, was killed": a bare number with a home town is an age, not a count
    age = lead is not None and bool(lead.group("origin").strip()) and group_match is None and not person
    if lead and not age:
        phrase_end += lead.end("origin")  # "a baby in Indiana died": the place is part of the phrase
    rest = sentence[phrase_end:]
    aside = PARENTHETICAL.match(rest)
    outcome_match = OUTCOME_AFTER.match(rest) or (OUTCOME_AFTER.match(rest[aside.end() :]) if aside else None)
    outcome: Outcome | None = None
    if age:
        outcome_match = None
    if outcome_match and _active(
        outcome_match, rest[aside.end() :] if aside and not OUTCOME_AFTER.match(rest) else rest
    ):
        outcome_match = None  # "the gunman killed two people": he did the killing
    if (
        outcome_match
        and quantity.min > 1
        and SINGULAR_VERB.search(outcome_match.group(0))
        and not quantity.words.lower().endswith("couple")  # "an elderly couple was found dead": two
    ):
        outcome_match = None  # "Teen who shot 4, including 2 ATF agents, is killed by cops": the verb is his
    if outcome_match and lead and lead.group("origin").strip() and DEATH_NOUN.fullmatch(outcome_match.group("outcome")):
        outcome_match = None  # "a suspect in the shooting death of a boy", "a suspect in Newsom's death": his role
    if outcome_match and person and OBJECT_OF_BEFORE.search(before) and rest[:1] in {",", ")"}:
        outcome_match = None  # "a boy, shot as he ran from a gunman, has died": the clause closes, its verb is not his
    if outcome_match:
        outcome = _outcome_of(outcome_match.group("outcome"))
        verb_end = outcome_match.end()
        verb_words = outcome_match.group("outcome")

        def own_fate(pattern: re.Pattern[str]) -> bool:
            """Whether the fate ``pattern`` tells after the verb is still this figure's: a shot one's outcome
            only, and no other figure in between ("... and his brother died")."""
            # "suffered a gunshot wound to the chest and was dead": suffered, as shot, tells no fate yet
            open_fate = outcome is Outcome.KILLED_OR_INJURED or (
                outcome is Outcome.INJURED and SUFFERING.match(verb_words) is not None
            )
            told = pattern.match(rest, verb_end) if open_fate else None
            start = phrase_end + verb_end
            return told is not None and not any(start <= q.start < phrase_end + told.end() for q in others)

        if (
            own_fate(DIED_LATER)
            and not PASSIVE.search(outcome_match.group(0))
            and not PARTITIVE_BEFORE.search(before)  # "One of 5 shot in a bar dies": one died
        ):
            outcome = Outcome.KILLED  # "a boy shot Monday while riding in a car has died": the shot one died
        if own_fate(SHOT_THEN_HURT):
            outcome = Outcome.INJURED  # "was also shot and received non-life-threatening injuries": hurt, alive
        if own_fate(SHOT_THEN_DIED) and not PARTITIVE_BEFORE.search(before):
            outcome = Outcome.KILLED  # "One man was shot several times and pronounced dead": one verb, one fate
        if (
            outcome is Outcome.KILLED_OR_INJURED
            and RELATIVE_AFTER.match(outcome_match.group(0))
            and (governing := _governing(sentence, before, quantity))
            and (told := _outcome_of(governing.group("outcome"))) in {Outcome.KILLED, Outcome.INJURED}
        ):
            # "wounded two men, 19 and 20, who were shot": the clause says how; the verb before, the fate
            outcome = told
    elif (found := FOUND_THEN.match(rest)) and not any(phrase_end < q.start < phrase_end + found.end() for q in others):
        outcome, outcome_match = Outcome.KILLED, found  # "A man found in a car on Tuesday died from a gunshot wound"
    else:
        governing = _governing(sentence, before, quantity)
        if governing is None and (sent := SENT_BEFORE.search(before)) and TO_HOSPITAL_AFTER.match(rest):
            outcome, outcome_match = Outcome.INJURED, sent  # "an invasion that put three women into the hospital"
        elif governing:
            outcome = _outcome_of(governing.group("outcome"))
            outcome_match = governing
            if governing.group("outcome").lower() in {"left", "leaving"} and LEFT_HURT.match(rest):
                outcome = Outcome.INJURED  # "left two juveniles with non-life-threatening injuries"
            if outcome is Outcome.KILLED_OR_INJURED and TO_DEATH_AFTER.match(rest):
                outcome = Outcome.KILLED  # "shot two mothers and their daughters to death"
            if outcome is Outcome.KILLED_OR_INJURED and KILLED_AND_BEFORE.search(before, 0, governing.start()):
                outcome = Outcome.INJURED  # "killing a girl and shooting her mother": shot, set against the killed
    if (
        outcome is Outcome.INJURED
        and outcome_match is not None
        and SUFFERING.match(outcome_match.group("outcome"))
        and FOUND_BEFORE.search(before)
    ):
        outcome = Outcome.KILLED_OR_INJURED  # "officers found two men suffering from gunshot wounds": hit, fate untold
    if outcome_match and TAKEN_TO_HOSPITAL.fullmatch(outcome_match.group("outcome")) and DEFINITE.match(quantity.words):
        outcome = None  # "The man was taken to a hospital, where he died" in the next sentence: told already
    if (
        outcome_match
        and group is None
        and not person
        and not more  # "two victims were killed, and two more were hit": more of the people before
        and HIT_WORDS.fullmatch(outcome_match.group("outcome"))
    ):
        outcome = None  # "four rounds hit the house", "two cars were hit": only people hit are harmed
    if other_noun:
        group = Group.UNKNOWN  # "two adults": their own kind, not the kind of the figure before
    return _Figure(quantity, phrase_end, group, outcome, bool(INCLUDING.search(before)), person)


def _governing(sentence: str, before: str, quantity: Quantity) -> re.Match[str] | None:
    """The harm verb or toll before a figure that tells what happened to it ("killing two", "the toll rose to")."""
    governing = (
        OUTCOME_BEFORE.search(before) or TOLL_BEFORE.search(before) or TOLL_ROSE.search(sentence, 0, quantity.start)
    )
    if governing and governing.group("outcome").isupper() and any(c.islower() for c in quantity.words):
        return None  # "SUSPECT KILLED Hundreds gather to mourn": a shouted caption, then a headline
    if governing and _unrealised(before, governing):
        return None  # "planned to kill hundreds", "nearly killed his father-in-law": not done
    return governing


# "put three women into the hospital", "sent two people to area hospitals": hurt, as "left" them there is.
SENT_BEFORE = re.compile(r"\b(?P<outcome>put|puts|putting|sent|sends|sending)\s+$", re.IGNORECASE)
TO_HOSPITAL_AFTER = re.compile(
    r"^(?:\s+[\w-]+){0,2}?\s+(?:in|into|to)\s+(?:the\s+|a\s+|an\s+|area\s+|local\s+|nearby\s+)?hospitals?\b",
    re.IGNORECASE,
)
# A relative clause after a figure: "two men, who were shot".
RELATIVE_AFTER = re.compile(r"\s*,?\s*(?:who|that)\b", re.IGNORECASE)
# Found wounded, as police find people on arriving: hit, whether they live not yet told.
FOUND_BEFORE = re.compile(r"\b(?:found|discovered|located)\s+$", re.IGNORECASE)
SUFFERING = re.compile(r"(?:suffering|suffered|sustained|sustaining)\b", re.IGNORECASE)
# "A 14-year-old boy shot earlier this week ... has died", "Teen shot in the head dies": the participle
# names whom the clause's own verb tells of. With "was shot" the later verb may be anyone's.
DIED_LATER = re.compile(r"[^.;:!?]{0,120}?\b(?:(?:has|have|had)\s+(?:since\s+|now\s+)?died|dies)\b", re.IGNORECASE)
# A harm verb after these tells what was missed, not done; so does an infinitive ("planned to kill hundreds",
# "trying to kill two others"; not ``DONE_BEFORE``; "pleaded guilty to killing" is a preposition and a deed).
MISSED_BEFORE = re.compile(r"\b(?:nearly|almost|narrowly)\s+$", re.IGNORECASE)
INFINITIVE_BEFORE = re.compile(r"\bto\s+$", re.IGNORECASE)
# ... unless what comes before says it was done: "went on to kill", "managed to wound", "led a man to kill".
DONE_BEFORE = re.compile(
    r"\b(?:went|goes|going|go)\s+on\s+to\s+$|\b(?:managed|lead|leads|led|drove|drives|caused|causes|prompted)"
    r"\s+(?:[\w-]+\s+){0,2}?to\s+$",
    re.IGNORECASE,
)
# A verb in the singular, which no figure of two or more is the subject of.
SINGULAR_VERB = re.compile(r"\b(?:is|was|has)\b(?![^.;]*\b(?:are|were|have)\b)", re.IGNORECASE)
# A harm told by a noun ("death"), which after "in the shooting" or "in Newsom's" is what a role is in.
DEATH_NOUN = re.compile(r"deaths?", re.IGNORECASE)
# A preposition right before a person: the object of an aside, not the subject of the verb after it.
OBJECT_OF_BEFORE = re.compile(r"\b(?:from|by|with|at|toward|towards|against)\s+$", re.IGNORECASE)
BASE_VERB = re.compile(r"kill|shoot|wound|injure|hurt|hit|strike", re.IGNORECASE)
# Whom "killing him" is about when the clause names an attacker just before.
# ("fired at the woman, killing her": an article brings in someone else, whom "her" is)
ATTACKER_BEFORE = re.compile(
    r"\b(?:suspect|gunman|shooter|attacker|assailant|robber|intruder)\b"
    r"(?:(?!\b(?:the|a|an|his|her|their)\b)[^.;]){0,30},\s*\w+\s*$",
    re.IGNORECASE,
)
# "was shot and died at the scene", "was hit in the torso, taken to hospital and pronounced dead": the same
# subject's next verb tells the fate ("and his brother died" has a subject of its own).
SHOT_THEN_DIED = re.compile(
    r"[^.;:!?]{0,80}?\b(?:and|but)\s+(?:(?:was|later|then|eventually|subsequently|soon)\s+)*"
    r"(?:pronounced\s+dead|died|dead|succumbed|killed|passed\s+away|did\s+not\s+survive|didn['’]t\s+survive)\b",
    re.IGNORECASE,
)
SHOT_THEN_HURT = re.compile(
    # "The seven others who were shot are all expected to be okay"
    r"\s*,?\s*(?:are|were|is|was)\s+(?:all\s+|both\s+)?expected\s+to\s+(?:be\s+(?:okay|ok|fine|all\s+right)|survive"
    r"|recover)\b"
    r"|[^.;:!?]{0,80}?\b(?:and|but)\s+(?:(?:was|is|later|then)\s+)*(?:(?:received|suffered|sustained|treated\s+for)"
    r"\s+(?:[\w-]+\s+){0,3}?(?:injur(?:y|ies)|wounds?)|(?:(?:is|was|are|were)\s+expected\s+to\s+)?survived?"
    r"|injured|wounded|hurt)\b",  # "were also hit and injured"
    re.IGNORECASE,
)
FOUND_THEN = re.compile(
    r"\s+(?:who\s+was\s+)?(?:found|discovered)\b[^.;:!?]{0,60}?\s(?P<outcome>(?:(?:has|had)\s+)?died|dies)\b",
    re.IGNORECASE,
)
PARTITIVE_OF = re.compile(r"\s+of\s+(?:the\s+|those\s+|these\s+)?", re.IGNORECASE)
# What the whole of a partitive did: "two of the four victims had died", "One of 5 shot in a bar dies", "four of
# the five victims were shot to death".
PARTITIVE_DEATH = re.compile(
    r"\s*(?:(?:shot|wounded|injured|hurt)\b[^.;:!?,]{0,40}?\s+)?(?:(?:has|have|had)\s+(?:since\s+|now\s+)?)?"
    r"(?:later\s+)?(?:died|dies|succumbed)\b|\s*(?:were|was|have\s+been|had\s+been)\s+"
    r"(?:(?:\w+\s+)?killed|fatally\s+(?:shot|wounded)|shot\s+(?:and\s+killed|to\s+death|dead))\b",
    re.IGNORECASE,
)
PARTITIVE_BEFORE = re.compile(r"\bof\s+(?:the\s+)?$", re.IGNORECASE)
PASSIVE = re.compile(r"\b(?:was|were|is|are|been|being)\b", re.IGNORECASE)
# "accused of killing a teenage girl and shooting her mother": a shot one told right after a killed one,
# by the same subject, is the one who lived (had she died, "killing both").
KILLED_AND_BEFORE = re.compile(r"\b(?:kill(?:ed|ing|s)|murder(?:ed|ing|s))\b[^.;:!?]{1,50}\band\s+$", re.IGNORECASE)
# "shot two women to death", "shot two mothers and their daughters to death": the object's fate after it.
TO_DEATH_AFTER = re.compile(r"^(?:\s+and\s+(?:[\w'’-]+\s+){1,3}?)?\s*to\s+death\b", re.IGNORECASE)
# "left a boy in the hospital", "leaving two people with gunshot wounds", "left a girl abandoned in critical
# condition": what "left" leaves them is hurt. "left three men and three women injured": the hurt words after
# the list serve each figure in it, and so do they in "left her daughter, Brown's sister and her husband with
# gunshot wounds".
LEFT_HURT = re.compile(
    # "left three of his cousins seriously wounded": whose they are may follow the figure
    r"^(?:\s+of\s+(?:the|his|her|their)\s+(?:[\w-]+\s+){0,2}?[\w-]+s(?=\s))?"
    r"(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:(?!(?:dead|killed|and|with|in)\b)[\w'’-]+\s*){1,4}?)*?"
    r"\s*(?:[a-z]+ed\s+)?(?:with\s+(?:[\w-]+\s+){0,4}?(?:injuries|wounds?)|in\s+(?:the\s+)?hospital|in\s+surgery"
    r"|in\s+(?:[\w-]+\s+){0,2}condition|paralyzed|(?:seriously\s+|critically\s+|badly\s+)?(?:wounded|injured|hurt)"
    r"|fighting\s+for\s+(?:their|his|her)\s+lives?)\b",
    re.IGNORECASE,
)
# An object right after a bare verb makes the figure before it the doer: "gunmen killed 12 people".
# "A teenager shot and killed Tuesday": a day or month after the verb says when, not whom.
_WHEN = (
    rf"(?:{word_alternation([*WEEKDAY_NAMES, *MONTH_NAMES])}|Christmas|Thanksgiving|Easter|Halloween|New Year"
    r"|Police|Authorities|Officers)"
)
OBJECT_AFTER = re.compile(
    rf"^\s+(?:at least\s+|as many as\s+|more than\s+|all\s+|both\s+)?"
    rf"(?:a|an|the|his|her|their|him|them|himself|herself|another|one|two|three|four|five|six|seven|eight|nine|ten"
    rf"|several|dozens|scores|hundreds|\d+|(?!{_WHEN}\b)[A-Z][a-z]+)\b"
)


# "shooting her parents", "his grandparents were found dead", "a couple and their two children": two people by
# one noun (not "a couple of hours", "the couple's children").
KIN_PAIR = re.compile(
    r"\b(?:her|his|their|the|my|our)\s+(?:[a-z]+\s+)?(?:grand)?parents\b"
    r"|\b(?:a|an|the)\s+(?:(?:young|elderly|married|older)\s+)?couple\b(?!\s+of\b|['’])",
    re.IGNORECASE,
)
# "a man and woman were found dead": the second noun has no article of its own, and is a second person;
# "his mother, stepfather, and grandmother": so is each noun of a list.
_PAIR_NOUN = (
    r"(?:(?:young|elderly|teenage|\d+-year-old)\s+)?(?:woman|man|boy|girl|child|teen(?:ager)?|wife|husband|son"
    r"|daughter|mother|father|brother|sister|grandmother|grandfather|step(?:father|mother|son|daughter)|baby|toddler)"
    r"\b(?!-)"
    r"(?!\s+of\b)"  # "a 14-year-old boy, and son of a police officer": the same boy
)
PAIR_AFTER = re.compile(rf"(?:\s*,\s*(?={_PAIR_NOUN}(?:\s*,|\s+and\b))|,?\s+and\s+){_PAIR_NOUN}", re.IGNORECASE)
# A headline's bare nouns set side by side: "Man, woman found dead", "Mother, baby shot" (the first a single word
# opening a line, so no article: see ``_persons``).
HEADLINE_PAIR_AFTER = re.compile(rf"\s*,\s*{_PAIR_NOUN}", re.IGNORECASE)
LINE_START = re.compile(r"(?:^|\n)$")
# "Giddings shot Sgt. Lee Jundt", "accused of killing John Smith", "the death of Benetria Robinson": a full
# name as the object of a harm verb or noun; but
# "the shooting Tuesday" says when, and "the shooting" is a noun.
OBJECT_NAME = re.compile(
    # lower case: a title-case headline has no names
    r"\b(?P<verb>shot|killed|murdered|wounded|shooting|killing|murdering"
    r"|(?:deaths?|murders?|slayings?|shootings?|shooting and wounding|woundings?|bodies) of)\s+"
    rf"(?P<name>(?:(?:Sgt|Officer|Deputy|Trooper|Detective|Dr|Mr|Mrs|Ms|Cpl|Lt|Capt)\.?\s+)?(?!{_WHEN}\b)"
    r"[A-Z][a-z'’-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z'’-]+){1,2}(?:,?\s+(?:Jr|Sr)\.|\s+I{2,3}\b)?(?P<age>,\s*\d{1,3}\b)?)"
)
NEXT_NAME = re.compile(
    r"(?P<joint>,\s*(?:and\s+)?|,?\s+and\s+)"
    r"(?P<name>[A-Z][a-z'’-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z'’-]+){1,2}(?P<age>,\s*\d{1,3}\b)?)"
)
ARTICLE_BEFORE = re.compile(r"\b(?:the|a|an|this|that|\w+['’]s)\s+$", re.IGNORECASE)
AGE_AFTER_NAME = re.compile(r"[A-Za-z][a-z'’-]+\.?,\s*$")
# "Dennie Reeves, 66 and Ginger Reeves, 64 were found dead": the last of a list of names told with ages.
# "Powers, 30; Burnett, 21; and Jerry Trivon Coleman, 31 all died" too.
AGE_LIST_BEFORE = re.compile(
    r"[A-Za-z][a-z'’-]+,\s*\d{1,3}(?:,?\s+and|;(?:\s+and)?)\s+(?:[A-Z][\w'’-]*\.?\s+){0,3}[A-Z][\w'’-]*,\s*$"
)
# "ages 14 to 52", "ages 18, 21 and 35": every number of the list is an age; so is "Justin Aiken and Cody
# Bouphavong, both 21, were killed", "Another teen, also 15, was shot" and "Bournes, who was 59, had shot his wife".
EACH_AGE_AFTER = re.compile(r"\s+\d{1,3}\s+and\s+the\s+other\s+\d{1,3}\b")
AGES_BEFORE = re.compile(
    r"\b(?:ages?|aged)\s+(?:of\s+)?(?:between\s+)?(?:\d+(?:\s*,\s*|\s+)(?:and\s+|to\s+)?)*$|,\s*(?:both|all|also)\s+$"
    r"|\bwho\s+(?:was|is)\s+$|\bone\s+\d{1,3}\s+and\s+the\s+other\s+$",
    re.IGNORECASE,
)
# "wounded two men, 19 and 20, who were shot": the last number of a list of ages after the people they are of.
AGES_AFTER_NOUN = re.compile(r"[A-Za-z][a-z'’-]+,\s*\d{1,3}(?:\s*,\s*\d{1,3})*,?\s+and\s+$")
# "Weapon was a single shot 223", "a 12 gauge": a gun's calibre or kind, not people shot.
WEAPON_BEFORE = re.compile(r"\b(?:single[- ]shot|bolt[- ]action|semi[- ]automatic|caliber|calibre|gauge)\s+$", re.I)
UNBORN = re.compile(r"\bunborn\b", re.IGNORECASE)
FAMILY_OF_BEFORE = re.compile(
    r"\b(?:father|mother|parent|dad|mom|grand(?:father|mother|parent))\s+of\s+$", re.IGNORECASE
)
# "upwards of 50 rounds were shot", "hit three times", "one of the family dogs": what was fired, how often,
# or animals, not who was hit.
AMMUNITION_AFTER = re.compile(
    r"^\s+(?:of\s+(?:the|his|her|their)\s+)?(?:[a-z][\w-]*\s+){0,2}?"
    r"(?:rounds|shots|bullets|shells|casings|gunshots|holes|times|dogs?|cats?|pets?|animals?|horses?)\b",
    re.IGNORECASE,
)


# Between a figure and its own active verb: nothing, a relative pronoun or an adverb ("two officers who shot
# a homeowner", "the officers accidentally shot Christopher Thompkins").
ACTIVE_GAP = re.compile(
    r"\s*(?:,?\s*(?:who|that)\s+)?(?:(?:accidentally|also|then|allegedly|reportedly|apparently)\s+){0,2}", re.IGNORECASE
)


# A relative told without whose ("Man, 11-Year-Old Daughter Dead"): a second person, not the first renamed
# ("Jane Doe, his wife," is one).
BARE_KIN = re.compile(
    r"(?i)(?!(?:his|her|their|the|a|an)\b)(?:[\w-]+\s+){0,2}(?:daughter|son|wife|husband|mother|father|brother|sister"
    r"|grandmother|grandfather|granddaughter|grandson|niece|nephew|cousin|uncle|aunt)\b"
)
# Words a title-case headline capitalises after its verb that are no object: "Five Shot During Party",
# "Teen Killed In Crash" (while "Gunman Kills Two", "Boy Kills 16-Year-Old Girl" have one).
TITLE_NO_OBJECTS = frozenset(
    {
        "in", "at", "on", "during", "after", "before", "near", "outside", "inside", "while", "for", "by", "from",
        "into", "over", "following", "since", "amid", "with", "without", "when", "overnight", "early", "late",
        "last", "this", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    }
)  # fmt: skip
REFLEXIVE = re.compile(r"\s+(?:himself|herself|themselves)\b", re.IGNORECASE)
ACCIDENTALLY = re.compile(r"\baccidentally\b", re.IGNORECASE)


def _unrealised(before: str, governing: re.Match[str]) -> bool:
    """Whether the verb governing a figure tells a harm meant or missed (``MISSED_BEFORE``)."""
    head = before[: governing.start("outcome")]
    if MISSED_BEFORE.search(head):
        return True
    return (
        BASE_VERB.fullmatch(governing.group("outcome")) is not None
        and INFINITIVE_BEFORE.search(head) is not None
        and DONE_BEFORE.search(head) is None
    )


def _active(match: re.Match[str], rest: str) -> bool:
    """True when the outcome verb is active, its subject the figure ("gunmen killed 12 people"). "He killed
    himself" is too (the attacker's own death, ``SELF_KILLING``); "a girl accidentally shot and killed
    herself" is not: she is the victim; nor are "Toddler shot himself", "he injured himself": he is the one hit."""
    verb = match.group("outcome").lower()
    bare = ACTIVE_GAP.fullmatch(rest[: match.start("outcome")]) is not None
    obj = OBJECT_AFTER.match(rest[match.end() :])
    if obj and match.group("outcome")[:1].isupper() and obj.group(0).split()[-1].lower() in TITLE_NO_OBJECTS:
        obj = None  # "Five Shot During Party At Banquet Hall": in a title-case headline capitals mark no name
    return (
        bare
        and verb.split()[-1] in {"killed", "murdered", "massacred", "shot", "wounded", "injured", "hit", "struck"}
        and obj is not None
        and not (
            REFLEXIVE.match(rest, match.end())
            and (ACCIDENTALLY.search(rest, 0, match.start("outcome")) or verb.split()[-1] not in {"killed", "murdered"})
        )
    )


# "both victims were in stable condition", "both of the men died": two, when a plural noun of people follows.
BOTH = re.compile(
    rf"\bboth\s+(?:of\s+)?(?:the\s+|his\s+|her\s+|their\s+)?(?:[a-z][\w-]*\s+)?(?P<group>{_GROUP_ALTERNATION})\b",
    re.IGNORECASE,
)
PLURAL_WITHOUT_S = frozenset({"men", "women", "children", "people", "troops", "police"})


def _person_group(words: str) -> Group:
    """A person's group by the noun that names them: the last word ("a 15-year-old boy"), or the noun of
    what is told of them between commas ("Lavell Smith, a 33-year-old black man,"); a pair's, when both
    nouns are of one group ("his wife and son" are civilians)."""
    pairs = list(PAIR_AFTER.finditer(words)) or list(HEADLINE_PAIR_AFTER.finditer(words))
    if pairs and pairs[0].start() > 0:
        first = _person_group(words[: pairs[0].start()])
        groups = {first} | {_group_of(p.group(0).split()[-1]) or first for p in pairs}
        return first if len(groups) == 1 else Group.CIVILIANS
    last = _group_of(words.split()[-1].strip(",;:"))
    if last is not None:
        return last
    told = [m.group("noun") for m in PERSON.finditer(words) if m.group("noun")]
    return (_group_of(told[-1]) if told else None) or Group.UNKNOWN


def _named_after_role(role: _Figure, named: _Figure) -> bool:
    """ "his wife, 31-year-old Lesly Paredes and 36-year-old Maria Paredes-Paz": a role told without a
    name, then a name, is the same person named, though a list goes on after it."""
    # "His wife" opening a sentence is still no name; "Tyson Gay's daughter Trinity": whose she is is no name of hers
    told = re.sub(r"^.*['’]s\s+", "", role.quantity.words)[1:]
    # "her daughter, Brown's sister and her husband": whose someone is names another, not her
    name = re.sub(r"^.*['’]s\s+", "", named.quantity.words)
    return role.person and not any(c.isupper() for c in told) and NAME_WORD.search(name) is not None


def _both(sentence: str) -> list[Quantity]:
    """ "Both" before people in the plural, as a quantity of two."""
    return [
        Quantity(2, 2, m.start(), m.start() + 4, m.group(0)[:4])
        for m in BOTH.finditer(sentence)
        if m.group("group").lower().endswith("s") or m.group("group").lower() in PLURAL_WITHOUT_S
    ]


def _persons(sentence: str) -> list[Quantity]:
    """People named by noun phrases, as quantities of one ("a man and woman": two)."""
    found: list[Quantity] = []
    for m in PERSON.finditer(sentence):
        end, n = m.end(), 1
        bare = LINE_START.search(sentence, 0, m.start()) is not None and " " not in m.group(0).strip()
        while pair := PAIR_AFTER.match(sentence, end) or (bare and HEADLINE_PAIR_AFTER.match(sentence, end)):
            end, n = pair.end(), n + 1
        if n > 1:
            found.append(Quantity(n, n, m.start(), end, sentence[m.start() : end]))
        elif UNBORN.search(m.group(0)):
            # "a mother and her unborn child": recorders count the born; the words still carry the verb
            found.append(Quantity(0, 0, m.start(), m.end(), m.group(0)))
        else:
            found.append(Quantity(1, 1, m.start(), m.end(), m.group(0)))
    found.extend(Quantity(2, 2, m.start(), m.end(), m.group(0)) for m in KIN_PAIR.finditer(sentence))
    for person in list(found):
        # "Maxwell and another teenager were shot": the name before "and" is one more of them ("Smith and the
        # man who died": one told of before, with whom Smith may have been)
        if not DEFINITE_NOUN.match(person.words) and (before := NAME_AND_BEFORE.search(sentence, 0, person.start)):
            found.append(Quantity(1, 1, before.start("name"), before.end("name"), before.group("name")))
    named = []
    for m in NAMED.finditer(sentence):
        named.append(m.span())
        if before := NAME_AND_BEFORE.search(sentence, 0, m.start()):
            named.append(before.span("name"))  # "Sproaps and Partlow were pronounced dead"
        start = m.start()
        while listed := AGED_NAME_BEFORE.search(sentence, 0, start):
            named.append(listed.span("name"))
            start = listed.start()
    for m in OBJECT_NAME.finditer(sentence):
        if not (m.group("verb") in {"shooting", "killing"} and ARTICLE_BEFORE.search(sentence, 0, m.start())):
            named.append(m.span("name"))
            # "accused of shooting Brian Banes and Delandis Clark", "in the deaths of Walter Lee Barfield, 23,
            # William Gonzalez, 32, and Brandon White Ladson, 31": a list goes on after "and" or after an age
            end, aged = m.end(), m.group("age") is not None
            while (also := NEXT_NAME.match(sentence, end)) and (aged or "and" in also.group("joint")):
                named.append(also.span("name"))
                end, aged = also.end(), also.group("age") is not None
    for start, end in sorted(named):
        # "Jesus Rios, a 17-year-old Latino male, died": the person told between commas is the named one
        found = [q for q in found if not (start < q.start and q.end <= end)]
        if not any(q.start < end and start < q.end for q in found):
            found.append(Quantity(1, 1, start, end, sentence[start:end]))
    return found


def _figures(sentence: str) -> list[_Figure]:
    """Every number phrase read for group and outcome, with outcomes shared along "and" chains."""
    persons = _persons(sentence)
    quantities = sorted(find_quantities(sentence) + persons + _both(sentence), key=lambda q: q.start)
    figures: list[_Figure] = []
    shot: set[int] = set()  # where the wholes whose part died start: they were shot, dead or alive
    for quantity in quantities:
        if any(f.quantity.start <= quantity.start < f.end for f in figures):
            continue  # already read as part of the phrase before
        before = sentence[max(0, quantity.start - 30) : quantity.start]
        if AGES_BEFORE.search(before) or (quantity.words.isdigit() and AGES_AFTER_NOUN.search(before)):
            continue  # "six people, ages 14 to 52", "two men, 19 and 20": ages, not people
        if quantity.words.lower() == "one" and EACH_AGE_AFTER.match(sentence, quantity.end):
            continue  # "Two teenagers, one 16 and the other 17, were injured": the ages of the two
        if FAMILY_OF_BEFORE.search(before):
            continue  # "Anthony Holder, a father of two, was shot": his children, not the harmed
        if quantity not in persons and (
            AMMUNITION_AFTER.match(sentence[quantity.end :]) or WEAPON_BEFORE.search(before)
        ):
            continue
        if (
            quantity not in persons
            and AGE_AFTER_NAME.search(before)
            and (
                re.match(r"\s*(?:[,);]|and\b)", sentence[quantity.end :])
                or AGE_LIST_BEFORE.search(sentence[max(0, quantity.start - 80) : quantity.start])
            )
        ):
            continue  # "his fiancee, Jaime Salazar, 34, and ...", "Dennie Reeves, 66 and Ginger Reeves, 64 were": ages
        figure = _read(sentence, quantity, quantities, quantity in persons)
        whole = _partitive_whole(sentence, quantity, quantities)
        if whole is not None:
            read = _read(sentence, whole, quantities, whole in persons)
            if read.outcome is not None and PARTITIVE_DEATH.match(sentence, read.end):
                # "two of the four shooting victims had died": two killed, of four shot
                figure = figure.but(end=quantity.end, outcome=Outcome.KILLED, group=figure.group or read.group)
                shot.add(whole.start)
        if quantity.start in shot:
            figure = figure.but(outcome=Outcome.KILLED_OR_INJURED)
        if figures:
            between = sentence[figures[-1].end : quantity.start]
            if figure.person and APPOSITION.match(between) and OF_AFTER.match(sentence, figure.end):
                continue  # "Trinity Gay, the daughter of a sprinter": the same person again
            if figure.person and (
                (
                    (figures[-1].person or figures[-1].quantity.max == 1)
                    and APPOSITION.match(between)
                    and not BARE_KIN.match(figure.quantity.words)  # "Man, 11-Year-Old Daughter Dead": two
                    and (
                        not LIST_GOES_ON.match(sentence, figure.end)
                        or ROLES_OF_ONE.match(sentence, figure.end)
                        or _named_after_role(figures[-1], figure)
                    )
                )
                or (not between.strip() and _named_after_role(figures[-1], figure))
            ):
                # "The victim, 16-year-old Cade Booher, was shot", "her son Mark, 18": one person, told by the
                # verb after the name
                previous = figures[-1]
                figures[-1] = previous.but(end=figure.end, outcome=previous.outcome or figure.outcome)
                continue
            figure = figure.but(joined=figure.subgroup or _joined(figures[-1], figure, between))
            if figure.outcome is None and MORE_AFTER.match(sentence[quantity.end :]) and MORE_JOIN.search(between):
                figure = figure.but(outcome=figures[-1].outcome, group=figures[-1].group)
            if figure.outcome is None and figure.person and SO_WAS_BEFORE.search(between):
                # "the suspect was wounded, and so was the woman"; "two men were killed, and so was a woman": three
                figure = figure.but(outcome=figures[-1].outcome, joined=figures[-1].group is not Group.FIGHTERS)
        figures.append(figure)
    # "39 civilians including 5 children and 7 women were killed": the verb at the end serves all.
    for i in range(len(figures) - 2, -1, -1):
        following = figures[i + 1]
        if (
            figures[i].outcome is None
            and figures[i].group is not None
            and following.joined
            and following.outcome is not None
            # "Six people were killed, including the suspect, and four were injured": a part's fate is its whole's
            and not (figures[i].subgroup and i > 0 and figures[i - 1].outcome is not None)
        ):
            figures[i] = figures[i].but(outcome=following.outcome, borrowed=True)
    for i in range(1, len(figures)):
        previous, figure = figures[i - 1], figures[i]
        if figure.outcome is None and figure.joined:
            figure = figure.but(outcome=previous.outcome)
        if figure.outcome is not None and figure.group is None:
            # "two people were killed and five injured"; but "... one child; 200 injured" are not all children,
            # and "Third Suspect Arrested in Shooting That Killed 1" did not kill a suspect: a person no harm
            # is told of lends no group
            same_kind = figure.outcome is previous.outcome or previous.group not in SUBGROUPS
            harmed = previous.outcome is not None and not previous.subgroup  # "including the gunman, and two"
            figure = figure.but(group=previous.group if same_kind and harmed else Group.UNKNOWN)
        figures[i] = figure
    return [f for f in figures if f.outcome is not None]


def _joined(previous: _Figure, figure: _Figure, between: str) -> bool:
    """Whether a figure is tied to the one before it by the words between: "and", a comma, "as well as"
    (nothing between is no joint: "killing a child the victim was holding" is one child)."""
    if between.strip() and (JOINER.match(between) is not None or ADDITION.search(between) is not None):
        return True
    if (
        THEN_AGAIN.match(between)
        and previous.outcome is figure.outcome is not None
        and Group.FIGHTERS not in (previous.group, figure.group)
    ):
        return True  # "first shot and killed his girlfriend and then fatally shot three men": four
    if not (figure.person and previous.person):
        return False
    # "Omar Jarman, 35; Shontay Young, 34; and Danielle Lucero, 26, died": people listed with semicolons;
    # "A man accidentally shot and wounded himself and his son": he, and his son, by one verb (not "The
    # gunman shot himself and his wife": the two are on two sides)
    return SEMICOLON_LIST.match(between) is not None or (
        previous.group is not Group.FIGHTERS and SELF_AND_BEFORE.search(between) is not None
    )


def _partitive_whole(sentence: str, part: Quantity, quantities: list[Quantity]) -> Quantity | None:
    """The whole of "two of the four victims": the quantity right after "of (the)"."""
    gap = PARTITIVE_OF.match(sentence, part.end)
    return next((q for q in quantities if gap and q.start == gap.end()), None)


def _same_side(figures: list[_Figure]) -> bool:
    """ "Five soldiers and two civilians were killed" stay two figures: who is counted matters most."""
    groups = {f.group for f in figures}
    return len(groups) == 1 or not groups & set(SIDES)


def _merge_persons(figures: list[_Figure]) -> list[list[_Figure]]:
    """Runs like "a woman and her three children", or "six children and two adults were shot" (subjects of
    one verb), count as one figure of their sum; "39 civilians, including 5 children and 7 women" do not."""
    runs: list[list[_Figure]] = []
    for figure in figures:
        last = runs[-1] if runs else None
        if (
            last
            and figure.joined
            and not figure.subgroup
            and not last[0].subgroup
            and figure.outcome is last[-1].outcome  # "one man dead and another injured" are two figures
            and (figure.person or any(f.person for f in last) or last[-1].borrowed)
            and _same_side([*last, figure])  # "The suspect, Lee Brandenburg, and his victim were each shot": two sides
        ):
            last.append(figure)
        else:
            runs.append([figure])
    return runs


def find_casualties(sentence: str, offset: int = 0, source: str | None = None) -> list[Casualty]:
    """Casualty figures in one sentence; spans are shifted by ``offset`` into the report text."""
    if NEGATED.search(sentence):
        return []
    casualties: list[Casualty] = []
    for run in _merge_persons(_figures(sentence)):
        if run[0].quantity.min == sum(f.quantity.min for f in run[1:]) and (
            len(run) > 2
            or (
                run[0].quantity.min > 1
                and all(f.person for f in run[1:])  # not "2 adults, 2 children killed": a list
                and APPOSITION.match(sentence, run[0].end, run[1].quantity.start) is not None
            )
        ):
            # "Four other people, three women and one man, were taken", "Two others, a 26-year-old man and
            # 39-year-old man, were also shot": a breakdown, not more
            run = run[:1]
        first, last = run[0], run[-1]
        low = sum(f.quantity.min for f in run)
        high = None if any(f.quantity.max is None for f in run) else sum(f.quantity.max or 0 for f in run)
        group = first.group or Group.UNKNOWN
        if len(run) > 1:
            groups = {f.group for f in run}
            group = next((side for side in SIDES if groups == {side}), Group.CIVILIANS)
        start, end = first.quantity.start, last.end
        more = MORE_AFTER.match(sentence[last.quantity.end :])
        besides = THEM_AND_BEFORE.search(sentence, 0, start)
        if (more or besides) and casualties and not first.subgroup and casualties[-1].outcome is last.outcome:
            # "bodies of 31 people identified, with twelve more awaiting identification": 43; "killing his father
            # and brother ... the rampage that left them and three others dead": 5
            previous = casualties.pop()
            start, end = previous.start - offset, last.quantity.end + more.end() if more else end
            low += previous.min
            high = None if previous.max is None or high is None else previous.max + high
            group = previous.group if more or previous.group is group else Group.UNKNOWN
        assert last.outcome is not None
        if high == 0:  # only the unborn
            if first.subgroup and casualties and casualties[-1].outcome is last.outcome and casualties[-1].min > 0:
                # "killing six people, including an unborn child": the six count the unborn, recorders the born
                whole = casualties[-1]
                less = {"min": whole.min - 1, "max": None if whole.max is None else whole.max - 1}
                casualties[-1] = whole.model_copy(update=less)
            continue
        casualties.append(
            Casualty(
                start=start + offset,
                end=end + offset,
                group=group,
                outcome=last.outcome,
                min=low,
                max=high,
                words=sentence[start:end],
                source=source,
            )
        )
    implied = _implied(sentence, offset, source)
    casualties += [c for c in implied if not _own_subject_counted(sentence, offset, c, casualties)]
    self_harmed = _self_harmed(sentence, offset, source, casualties)  # may join one of ``casualties``
    return casualties + self_harmed


# "after shooting himself", "Thompson shot himself", "accused of accidentally shooting himself and his
# daughter": one hurt by his own shot, whom no figure names.
SELF_HARM = re.compile(
    r"\b(?P<fatally>fatally\s+)?(?P<verb>shot|shoots|shooting|wounded|wounds|wounding|injured|injures|injuring)"
    # "shoots 4 co-workers and then himself": he is one more
    r"\s+(?:[^.;:!?]{1,60}?\s+and\s+(?:then\s+)?)?(?:himself|herself)\b",
    re.IGNORECASE,
)
# "himself and his son": the next one the verb harmed.
AFTER_SELF = re.compile(r"\s+and\s+$", re.IGNORECASE)
# "A man accidentally shot and wounded himself and his son": the subject and the one after the reflexive.
SELF_AND_BEFORE = re.compile(r"\b(?:himself|herself)\s+and\s+$", re.IGNORECASE)


# Harm words before a figure: it is someone's object, not the subject a participle after it is told of.
HARM_BEFORE = re.compile(r"\b(?:kill|shoot|shot|wound|injur|hurt|hit|struck|strik|murder)\w*", re.IGNORECASE)


def _self_told(sentence: str, offset: int, harm: re.Match[str], casualty: Casualty) -> bool:
    """Whether a figure already counts the one who hurt himself: "Toddler shot himself" (the figure right
    before the verb), "he injured himself and a juvenile" (one figure of both), "A two-year-old was airlifted
    to the hospital after shooting himself", "A three-year-old died hours after police say he found a gun and
    shot himself" (one person, the subject: no harm word before it, and not of the other sex)."""
    start, end = casualty.start - offset, casualty.end - offset
    if start <= harm.start() < end:
        return True
    if end > harm.start():
        return False
    if SELF_SUBJECT_GAP.fullmatch(sentence[end : harm.start()]):
        return True
    other_sex = Group.WOMEN if harm.group(0).lower().endswith("himself") else Group.MEN
    return casualty.max == 1 and casualty.group is not other_sex and HARM_BEFORE.search(sentence, 0, start) is None


def _self_harmed(sentence: str, offset: int, source: str | None, casualties: list[Casualty]) -> list[Casualty]:
    """The one who shot or hurt himself, when no figure before the verb is he ("Toddler shot himself" counts
    the toddler already). He is an attacker when the sentence tells others harmed by someone, and no accident
    ("killed one and injured three before shooting himself"). A figure right after "himself and" is replaced
    in ``casualties`` by one of both ("shooting himself and his daughter": two)."""
    found: list[Casualty] = []
    for m in SELF_HARM.finditer(sentence):
        if any(_self_told(sentence, offset, m, c) for c in casualties):
            continue
        verb = m.group("verb").lower()
        outcome = (
            Outcome.KILLED
            if m.group("fatally")
            else Outcome.KILLED_OR_INJURED
            if verb in {"shot", "shoots", "shooting"}
            else Outcome.INJURED
        )
        also = next(
            (
                c
                for c in casualties
                if c.outcome is outcome and AFTER_SELF.fullmatch(sentence, m.end(), c.start - offset) is not None
            ),
            None,
        )
        if also is not None:
            # "accused of shooting himself and his daughter": two, by one verb
            casualties[casualties.index(also)] = also.model_copy(
                update={
                    "start": m.start() + offset,
                    "group": Group.CIVILIANS,  # he and whoever he hit: as "a man and his son" are
                    "min": also.min + 1,
                    "max": None if also.max is None else also.max + 1,
                    "words": sentence[m.start() : also.end - offset],
                }
            )
            continue
        attacker = ACCIDENT.search(sentence) is None and any(
            c.start - offset < m.end() and HARM_BEFORE.search(sentence, 0, c.start - offset) for c in casualties
        )
        found.append(_told(m, offset, Group.FIGHTERS if attacker else Group.UNKNOWN, outcome, 1, source))
    return found


# Between a person and "killed herself" only adverbs and the verb before it: she is the one who died.
SELF_SUBJECT_GAP = re.compile(
    r"[\s,]*(?:(?:who|that)\s+)?(?:(?:\w+ly|then|also|later)\s+){0,2}(?:(?:fatally\s+)?shot\s+and\s+)?",
    re.IGNORECASE,
)


def _own_subject_counted(sentence: str, offset: int, implied: Casualty, casualties: list[Casualty]) -> bool:
    """ "A 6-year-old girl accidentally shot and killed herself": the girl, already counted killed, is who
    the reflexive means, not an attacker besides her."""
    return (
        implied.group is Group.FIGHTERS
        and any(
            c.outcome is Outcome.KILLED
            and c.min == 1  # one person: a group's figure is no subject of "killed himself"
            and (
                c.start <= implied.start < c.end  # "The suspect was found dead ...": the words name him
                or (
                    c.end <= implied.start
                    and SELF_SUBJECT_GAP.fullmatch(sentence[c.end - offset : implied.start - offset]) is not None
                )
            )
            for c in casualties
        )
    )


def _implied(sentence: str, offset: int, source: str | None) -> list[Casualty]:
    """Harm the words imply without a figure: "a double homicide", "a quadruple shooting", "then turned the gun
    on himself"."""
    found: list[Casualty] = []
    for pattern, group, outcome in (
        (MULTIPLE_KILLING, Group.UNKNOWN, Outcome.KILLED),
        (MULTIPLE_SHOOTING, Group.UNKNOWN, Outcome.KILLED_OR_INJURED),
        (SINGLE_KILLING, Group.UNKNOWN, Outcome.KILLED),
        (SELF_KILLING, Group.FIGHTERS, Outcome.KILLED),
    ):
        for m in pattern.finditer(sentence):
            if pattern is SELF_KILLING and ACCIDENT.search(sentence, 0, m.start()):
                continue  # "Child accidentally shoots, kills himself": no attacker, the victim told already
            n = MULTIPLES.get(m.group(1).lower(), 1) if m.groups() else 1
            found.append(_told(m, offset, group, outcome, n, source))
    return found


def _told(words: re.Match[str], offset: int, group: Group, outcome: Outcome, n: int, source: str | None) -> Casualty:
    """A figure of ``n`` the matched words imply."""
    return Casualty(
        start=words.start() + offset,
        end=words.end() + offset,
        group=group,
        outcome=outcome,
        min=n,
        max=n,
        words=words.group(0),
        source=source,
    )
