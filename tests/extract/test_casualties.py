"""The casualty grammar: each phrase a user reads in reports, and what it must count."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from civharm.extract.casualties import find_casualties
from civharm.records import Group, Outcome

K, INJ, KI = Outcome.KILLED, Outcome.INJURED, Outcome.KILLED_OR_INJURED
C, F, U, CH, W, M = Group.CIVILIANS, Group.FIGHTERS, Group.UNKNOWN, Group.CHILDREN, Group.WOMEN, Group.MEN


def figures(sentence: str) -> list[tuple[Group, Outcome, int, int | None]]:
    return [(c.group, c.outcome, c.min, c.max) for c in find_casualties(sentence)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The strike killed 12 people including 3 children.", [(U, K, 12, 12), (CH, K, 3, 3)]),
        ("A woman and her three children were killed.", [(C, K, 4, 4)]),
        ("The death toll rose to 44.", [(U, K, 44, 44)]),
        ("Bodies of 31 people identified, with twelve more awaiting identification.", [(U, K, 43, 43)]),
        ("Police said 12 were killed on Monday and 20 more on Tuesday.", [(U, K, 32, 32)]),
        (
            "The bodies of 31 people were identified after Saturday's bombing of a market, with twelve more awaiting "
            "identification.",
            [(U, K, 43, 43)],
        ),
        # "her parents" are two people; parents who watch or are told are no casualties
        ("He faces charges for killing a two-year-old girl and shooting her parents.", [(CH, K, 1, 1), (U, INJ, 2, 2)]),
        ("His elderly parents were found dead in their home.", [(U, K, 2, 2)]),
        ("Police told her parents about the shooting.", []),
        # recorders count the born: the unborn child is told, not counted
        ("He is charged in the shooting death of a 15-year-old mother and her unborn child.", [(C, K, 1, 1)]),
        ("The three people and an unborn baby killed inside the home died in a domestic dispute.", [(C, K, 3, 3)]),
        # taken to or treated at hospitals, with no death told after: hurt
        ("Three other people were treated at a hospital and released.", [(U, INJ, 3, 3)]),
        ("A man was treated at a local hospital and released.", [(M, INJ, 1, 1)]),
        ("The victim was pronounced deceased at the scene.", [(U, K, 1, 1)]),
        # a total told with the unborn inside it counts one fewer born
        ("He opened fire on a cookout, killing six people, including an unborn child.", [(U, K, 5, 5)]),
        ("Five people, including an unborn child, were killed.", [(U, K, 4, 4)]),
        # a role, then the name of whoever holds it, is one person though a list goes on
        ("He is accused of injuring his wife, 31-year-old Lesly Paredes and 36-year-old Maria Paz.", [(C, INJ, 2, 2)]),
        ("His wife, 31-year-old Lesly Paredes, and his son were shot.", [(C, KI, 2, 2)]),
        ("His wife, his son and his daughter were shot.", [(C, KI, 3, 3)]),
        ("5-year-old passes away after accidental shooting", [(U, K, 1, 1)]),
        ("The three other teens survived but were also hit and injured by gunfire.", [(CH, INJ, 3, 3)]),
        ("A man was shot and his brother was wounded.", [(M, KI, 1, 1), (U, INJ, 1, 1)]),
        (
            "A 6-year-old child was shot five times and killed, his father was critically injured.",
            [(CH, K, 1, 1), (M, INJ, 1, 1)],
        ),
        # a shouted caption run into a headline: its verb governs nothing after it
        ("OFFICERS SHOT, SUSPECT KILLED Hundreds gather to mourn slain officers", []),
        ("SUSPECT KILLED Sheriff: 3 killed in shooting at Michigan courthouse", [(U, K, 3, 3)]),
        ("GUNMAN KILLED 3 PEOPLE", [(U, K, 3, 3)]),
        # a region's adjective makes a place of the capital after it, not a person
        ("Two bailiffs at a courthouse in southwestern Michigan were killed following a shooting.", []),
        # a gun's calibre is no count of people shot
        ("Weapon was a single shot 223, according to the Sheriff's Department.", []),
        # a list of names with ages: the last age is no count
        ("Nicholas Powers, 30; Demario Burnett, 21; and Jerry Coleman, 31 all died of gunshot wounds.", []),
        # another clause's "hundreds more" are no victims
        (
            "Gunfire left five protesters hospitalized Monday, and a night of music and discussion drew "
            "hundreds more to the precinct.",
            [(U, INJ, 5, 5)],
        ),
        ("At least 18 civilians, including four children, were killed.", [(C, K, 18, None), (CH, K, 4, 4)]),
        ("As many as 60 people died.", [(U, K, 1, 60)]),
        ("Dozens were wounded.", [(U, INJ, 24, None)]),
        ("The raid killed or wounded 60.", [(U, KI, 60, 60)]),
        ("Two people were killed and five injured.", [(U, K, 2, 2), (U, INJ, 5, 5)]),
        ("One dead, two hurt.", [(U, K, 1, 1), (U, INJ, 2, 2)]),
        ("at least 60 people were killed and wounded in the attack", [(U, KI, 60, None)]),
        (
            "had killed “at least 200 civilians and around a dozen fighters” up to Nov. 29.",
            [(C, K, 200, None), (F, K, 11, 13)],
        ),
        (
            "Warplanes killed 16 civilians and the dead included 8 children and 5 women.",
            [(C, K, 16, 16), (CH, K, 8, 8), (W, K, 5, 5)],
        ),
        (
            "At least 44 people were killed and scores wounded on Sunday.",
            [(U, K, 44, None), (U, INJ, 40, None)],
        ),
    ],
)
def test_casualty_grammar(sentence: str, expected: list[tuple[Group, Outcome, int, int | None]]) -> None:
    assert figures(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "No casualties were reported.",
        "The strike could have killed dozens.",
        "Russia denied killing any civilians.",
        "Around 300,000 people are estimated to have become its victims.",
        "The conflict has been going on for almost five years.",
        "Five warplanes took off from the base in 2015.",
    ],
)
def test_not_a_casualty_figure(sentence: str) -> None:
    assert figures(sentence) == []


def test_spans_and_words_point_into_the_report_text() -> None:
    text = "Intro sentence. The strike killed at least 12 civilians."
    offset = text.index("The strike")
    [casualty] = find_casualties(text[offset:], offset, source="activists")
    assert text[casualty.start : casualty.end] == casualty.words == "at least 12 civilians"
    assert casualty.source == "activists"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # gun-violence phrasing of local news
        ("A man was shot and killed Sunday night.", [(Group.MEN, K, 1, 1)]),
        ("A teen was fatally shot on Friday.", [(CH, K, 1, 1)]),
        ("Two people were shot, one fatally.", [(U, KI, 2, 2), (U, K, 1, 1)]),
        ("Police said the victim suffered non-life-threatening injuries.", [(U, INJ, 1, 1)]),
        # found wounded: hit, whether he lives not yet told
        ("Officers found a man suffering from a gunshot wound.", [(Group.MEN, KI, 1, 1)]),
        ("Officers discovered four male victims who had sustained gunshot wounds.", [(U, KI, 4, 4)]),
        (
            "Upon arriving, officers discovered four adult male victims who had sustained gunshot wounds.",
            [(U, KI, 4, 4)],
        ),
        ("Two men were suffering from gunshot wounds.", [(M, INJ, 2, 2)]),
        ("Kenneth Lampkin, 16, was shot and killed Saturday.", [(U, K, 1, 1)]),
        ("The 13-year-old was dead on the scene.", [(U, K, 1, 1)]),
        ("He died two days later.", [(U, K, 1, 1)]),
        ("Six people, ages 14 to 52, were shot.", [(U, KI, 6, 6)]),
        ("Three men, ages 18, 21 and 35, were wounded.", [(Group.MEN, INJ, 3, 3)]),
        # ages told bare after the people they are of: neither "31" people nor a verb lost
        ("Police said two women, 24 and 31, were shot.", [(Group.WOMEN, KI, 2, 2)]),
        ("Three teens, 15, 16 and 17, were wounded.", [(CH, INJ, 3, 3)]),
        ("Two men, both 24, were killed.", [(M, K, 2, 2)]),
        ("Two teenagers, one 16 and the other 17, were injured.", [(CH, INJ, 2, 2)]),
        # ... or told bare between the people and the verb
        ("Three other people ranging from their mid-teens to early 20s were treated at a hospital.", [(U, INJ, 3, 3)]),
        ("Two teens ranging in age from 15 to 17 were shot.", [(CH, KI, 2, 2)]),
        # a name between the people and their fate
        (
            "Police found a man dead and another man, 20-year-old Luis Nava of Ephrata, wounded.",
            [(M, K, 1, 1), (M, INJ, 1, 1)],
        ),
        # the verb before tells the fate; a clause after only how ("who were shot")
        ("An attack about noon wounded two men, 19 and 20, who were shot in the street.", [(M, INJ, 2, 2)]),
        ("Police found two men who were shot in the head.", [(M, KI, 2, 2)]),
        ("A man is recovering from gunshot wounds.", [(M, INJ, 1, 1)]),
        ("A teen is recovering after being shot.", [(CH, INJ, 1, 1)]),
        # sent to hospital: hurt; sent elsewhere: nothing
        ("A home invasion put three women into the hospital.", [(W, INJ, 3, 3)]),
        ("The shooting sent two people to area hospitals.", [(U, INJ, 2, 2)]),
        ("He sent two men to the store.", []),
        # a name after "the shooting of": shot; "and wounding": hurt
        ("He was charged in the shooting of Armond Batey, 16.", [(U, KI, 1, 1)]),
        (
            "He faces charges in the slaying of Collin Doyle, 17, and the shooting and wounding of Armond Batey, 16.",
            [(U, K, 1, 1), (U, INJ, 1, 1)],
        ),
        ("His 16-year-old brother, C.J. Mikula-Conrad, was critically injured.", [(U, INJ, 1, 1)]),
        ("He was wanted in the death of Alex Ramirez, a neighbor and close friend, who was shot.", [(U, K, 1, 1)]),
        ("A man was treated and released.", [(Group.MEN, INJ, 1, 1)]),
        ("Three people were killed and eight more were wounded.", [(U, K, 3, 3), (U, INJ, 8, 8)]),
        ("Two people were killed, and two more died in hospital.", [(U, K, 4, 4)]),
        ("He killed his father and brother in a rampage that left them and three others dead.", [(U, K, 5, 5)]),
        ("He accidentally shot and killed his teenage brother and his housemate.", [(C, K, 2, 2)]),
        ("The baby's mother, grandmother and a family friend were critically wounded.", [(C, INJ, 3, 3)]),
        # an age between the number and its noun
        ("Two 16-year-old boys were fatally shot Tuesday afternoon.", [(CH, K, 2, 2)]),
        ("Three 20-year-old men were wounded.", [(M, INJ, 3, 3)]),
        ("Four U.S. Marines were killed Thursday by the gunman.", [(U, K, 4, 4)]),
        # what they did between the people and their fate
        ("Additionally, three state troopers who entered the residence were wounded.", [(U, INJ, 3, 3)]),
        ("Two people who live nearby were killed.", [(U, K, 2, 2)]),
        ("The shooting left 18-year-old Anthony D. Ray dead and three others injured.", [(U, K, 1, 1), (U, INJ, 3, 3)]),
        # the same harm done again to others by one doer adds them
        ("He first shot and killed his girlfriend and then fatally shot three men.", [(C, K, 4, 4)]),
        ("He killed his wife and then shot himself.", [(W, K, 1, 1), (F, KI, 1, 1)]),
        # in hospital, still or without a verb: hurt
        ("We have four people dead and one in the hospital, the sheriff said.", [(U, K, 4, 4), (U, INJ, 1, 1)]),
        ("Two remain hospitalized.", [(U, INJ, 2, 2)]),
        ("One man is dead and another in critical condition.", [(M, K, 1, 1), (U, INJ, 1, 1)]),
        # a couple is two
        ("A couple and their two small children were found shot to death.", [(C, K, 4, 4)]),
        ("An elderly couple was found dead in their home.", [(U, K, 2, 2)]),
        ("He waited a couple of hours before police said a man was shot.", [(M, KI, 1, 1)]),
        # a headline's bare nouns side by side
        ("Man, woman found dead inside home", [(C, K, 2, 2)]),
        ("Man, baby found dead inside home in St. Clair County", [(C, K, 2, 2)]),
        # a part told after its whole's verb shares its fate, not the next figure's
        ("Five people died, including the gunman, and two were wounded.", [(U, K, 5, 5), (F, K, 1, 1), (U, INJ, 2, 2)]),
        ("Upwards of 50 rounds were shot, and two people were hurt.", [(U, INJ, 2, 2)]),
        # who is counted: the gunman is the doer, and a suspect shot by police is not a victim
        # ... and his own death is counted apart, as an attacker's
        ("The gunman killed two people before turning the gun on himself.", [(U, K, 2, 2), (F, K, 1, 1)]),
        ("The suspect was shot and killed by police.", [(F, K, 1, 1)]),
        ("Gunmen killed 12 people in the village.", [(U, K, 12, 12)]),
        # a headline's "by gunman" or "after gunman" is the doer, not the group of the figure before
        ("Family members among 7 slain by Missouri gunman", [(U, K, 7, 7)]),
        ("4 dead after gunman opens fire at party", [(U, K, 4, 4)]),
        # a later "no one else" does not cancel the figure before it
        ("One man was killed and no one else was injured.", [(Group.MEN, K, 1, 1)]),
        # not casualties
        ("He was shot 3 times in the chest.", [(U, KI, 1, 1)]),  # one man hit, not three
        ("Joseph Robinson Jr. was arrested Sunday.", []),
        # gaps found on gva-dev
        ("A teenager shot and killed Tuesday in Birmingham was identified.", [(CH, K, 1, 1)]),
        ("A 15-year-old Caldwell County High School student is dead.", [(C, K, 1, 1)]),
        ("A man and his daughter were found dead in the home.", [(C, K, 2, 2)]),
        ("Two men were charged in the shooting death of 5-year-old Noelle Shawver.", [(U, K, 1, 1)]),
        ("He fatally shot his fiancee, Jaime Salazar, 34, and their 2-year-old son.", [(C, K, 2, 2)]),
        ("A man shot and killed a 4-month-old baby.", [(CH, K, 1, 1)]),
        ("Police are investigating a double homicide.", [(U, K, 2, 2)]),
        ("A man was charged in a quadruple shooting that left one woman dead.", [(W, K, 1, 1), (U, KI, 4, 4)]),
        ("The shooting left three people dead and another injured.", [(U, K, 3, 3), (U, INJ, 1, 1)]),
        ("The death toll from Tuesday's air strike on a residential building in Aleppo rose to 44.", [(U, K, 44, 44)]),
        ("No casualties were reported.", []),
        ("The rocket could have killed dozens of children.", []),
        ("Russia denied killing any civilians.", []),
    ],
)
def test_more_grammar(sentence: str, expected: list[tuple[Group, Outcome, int, int | None]]) -> None:
    assert figures(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # "hit" and "struck" harm people, not houses; "was hit" says nothing of whether he lived
        ("A man was hit in the leg.", [(M, KI, 1, 1)]),
        ("Two people were struck by gunfire.", [(U, KI, 2, 2)]),
        ("A bullet struck the girl in the chest.", [(CH, KI, 1, 1)]),
        ("Four rounds hit the house.", []),
        ("The gunman hit two people.", [(U, KI, 2, 2)]),
        # hospital words are injuries
        (
            "The victim was transported to Nash General Hospital for treatment of non-life threatening injuries.",
            [(U, INJ, 1, 1)],
        ),
        ("A 13-year-old girl was hospitalized in critical condition.", [(CH, INJ, 1, 1)]),
        ("The veteran detective suffered a non life threatening injury.", [(U, INJ, 1, 1)]),
        ("Teen suffers gunshot wound", [(CH, INJ, 1, 1)]),
        # people named only by name, role, age or pronoun
        ("Smith was pronounced dead at the scene.", [(U, K, 1, 1)]),
        ("LaPrida Shears, 25, of Tyler, was killed in the crossfire.", [(U, K, 1, 1)]),
        ("Lavell Smith, a 33-year-old black man, was shot and killed Sunday.", [(M, K, 1, 1)]),
        ("Jesus Rios, a 17-year-old Latino male, died Sunday after being shot.", [(U, K, 1, 1)]),
        ("A 9-month-old baby in Indiana died Thursday.", [(CH, K, 1, 1)]),
        ("Dalton area boy, 8, dies from accidental gunshot wound", [(CH, K, 1, 1)]),
        ("Three-year-old fatally shot in Anchorage", [(U, K, 1, 1)]),
        ("Pleasantville woman shot in foot", [(W, KI, 1, 1)]),
        ("She was taken to a hospital, where she died from her injuries.", [(U, K, 1, 1)]),
        ("Police are investigating the Monday morning wounding of a teenager.", [(CH, INJ, 1, 1)]),
        ("Three partygoers were killed.", [(U, K, 3, 3)]),
        ("A gunman shot and wounded a store clerk.", [(U, INJ, 1, 1)]),
        ("Police found the car used in the fatal shooting of a 1-year-old girl.", [(CH, K, 1, 1)]),
        # a person named again by what she is to someone; an age and home town are not a count
        (
            "Police made an arrest in the fatal shooting of 15-year-old Trinity Gay, the daughter of a sprinter.",
            [(U, K, 1, 1)],
        ),
        ("Robinson, 28, of St. Louis, was killed.", [(U, K, 1, 1)]),
        ("Relatives said Terry Robinson Jr., 28, of St. Louis, was killed.", [(U, K, 1, 1)]),
        # a death the words imply without a figure
        ("Deputies are investigating an accidental shooting death near Cadott.", [(U, K, 1, 1)]),
        ("He faces a homicide charge.", []),
        # what "left" leaves them decides: dead, or hurt
        ("The shooting left two juveniles with non-life-threatening injuries.", [(CH, INJ, 2, 2)]),
        ("A shooting that left a 16-year-old boy in the hospital.", [(CH, INJ, 1, 1)]),
        ("The blast left 12 people dead.", [(U, K, 12, 12)]),
        # a person who "killed herself" is the one dead, not an attacker besides her
        ("A 6-year-old girl accidentally shot and killed herself.", [(CH, K, 1, 1)]),
        ("A man killed his wife and then killed himself.", [(W, K, 1, 1), (F, K, 1, 1)]),
        # a person set beside her name or what she is, by a comma, is one person; a list goes on
        ("The victim, 16-year-old Cade Booher, was shot and killed.", [(U, K, 1, 1)]),
        ("The boy, an Oakland resident, was shot.", [(CH, KI, 1, 1)]),
        ("A man, a woman and a child were killed.", [(C, K, 3, 3)]),
        # ages and charge counts are no counts of people
        ("Truly saddened by the death of 3 yr old.", []),
        ("He faces two counts of aggravated assault.", []),
        ("Justin Aiken and Cody Bouphavong, both 21, were killed.", []),
        ("Bournes, who was 59, had shot his wife.", [(W, KI, 1, 1)]),
        ("Dennie Reeves, 66 and Ginger Reeves, 64 were found dead inside a home.", []),
        # a participle names whom the clause's own later death tells of; "one of 5" is one
        ("A 14-year-old boy shot earlier this week while riding in a car has died.", [(CH, K, 1, 1)]),
        ("Teen shot in the head dies", [(CH, K, 1, 1)]),
        ("One of 5 shot in a billiards bar dies of injuries", [(U, K, 1, 1), (U, KI, 5, 5)]),
        ("Police say four of the five victims were shot to death.", [(U, K, 4, 4), (U, KI, 5, 5)]),
        # the bodies of named people, and whose the others are
        ("Police found the bodies of Megan Short and her three children.", [(C, K, 4, 4)]),
        (
            "They found the bodies of 33-year-old Megan Short, 40-year-old Mark Short and the couple's three children.",
            [(C, K, 5, 5)],
        ),
        # the part of a whole that died: of the four shot, two died
        ("Police said two of the four shooting victims had died.", [(U, K, 2, 2), (U, KI, 4, 4)]),
        ("Three of the 12 people killed were children.", [(U, K, 12, 12)]),
        ("One of the 12 people who died was a child.", [(U, K, 12, 12)]),
        # a second noun without its own article is a second person; an age alone after "death of"
        ("The shooting left a man and woman dead.", [(C, K, 2, 2)]),  # a pair of two groups: civilians
        ("A man and his son were killed.", [(C, K, 2, 2)]),
        ("He was charged after the shooting death of a 3-year-old in Meridian.", [(U, K, 1, 1)]),
        ("He will be charged after the deadly shooting of a 19-year-old Thursday.", [(U, K, 1, 1)]),
        # a found person's later death; a full name as the object of the verb; hospital words
        ("A man found in a car on Tuesday died from an accidental gunshot wound.", [(M, K, 1, 1)]),
        ("Police confirmed Giddings shot Sgt. Lee Jundt after a traffic stop.", [(U, KI, 1, 1)]),
        ("He is accused of killing John Smith.", [(U, K, 1, 1)]),
        ("Police said the shooting Tuesday Morning was bad.", []),
        ("A two-year-old was airlifted to the hospital after shooting himself.", [(U, INJ, 1, 1)]),
        ("She was taken to the hospital, where she died.", [(U, K, 1, 1)]),
        ("The man was taken to a hospital.", []),  # told of before, maybe as dead
        # subjects of one verb are summed, but never across the sides that are counted apart
        ("Deputies went to a home where six children and two adults were fatally shot.", [(C, K, 8, 8)]),
        ("Five soldiers and two civilians were killed.", [(F, K, 5, 5), (C, K, 2, 2)]),
        ("Two doctors and three nurses were killed.", [(Group.MEDICAL_STAFF, K, 5, 5)]),
        ("The bullet killed her and injured one of the family dogs.", [(U, K, 1, 1)]),  # her, not the dog
        ("Four other people, three women and one man, were taken to a hospital with injuries.", [(U, INJ, 4, 4)]),
        ("Two people, a man and a woman, were shot.", [(U, KI, 2, 2)]),
        ("A girl was shot when two cars were hit by gunfire.", [(CH, KI, 1, 1)]),
        # the doers of a relative clause or after an adverb; one told again in apposition; attacks are no people
        ("Two police officers who shot and killed a homeowner returned to work.", [(U, K, 1, 1)]),
        ("The officers accidentally shot Christopher Thompkins, 57, at his home.", [(U, KI, 1, 1)]),
        ("One of the victims, a female, has died, according to police.", [(U, K, 1, 1)]),
        ("Police said he shot her before he killed himself.", [(F, K, 1, 1)]),
        ("Roman M. Kellough, 15, of Evansville died of a self-inflicted gunshot wound.", [(U, K, 1, 1)]),
        ("A girl sitting in the front seat of the BMW was hit in the back by a bullet.", []),
        ("He is accused of shooting Brian Banes and Delandis Clark multiple times.", [(C, KI, 2, 2)]),
        ("A 16-year-old boy has been charged with killing a 17-year-old in Ford Heights.", [(U, K, 1, 1)]),
        (
            "It resulted in the death of Benetria Robinson and injuries to five other people.",
            [(U, K, 1, 1), (U, INJ, 5, 5)],
        ),
        ("Police are investigating two Friday night shootings that killed one person.", [(U, K, 1, 1)]),
        ("The shooting left a man paralyzed.", [(M, INJ, 1, 1)]),
        ("The gunman then shot Donavon Worker, 24. Worker is expected to survive.", [(U, KI, 1, 1)]),
        ("A 7-year-old girl was grazed by a bullet.", [(CH, INJ, 1, 1)]),
        ("The victim suffered serious, but non-life-threatening injuries.", [(U, INJ, 1, 1)]),
        ("He remains hospitalized in stable condition.", [(U, INJ, 1, 1)]),
        ("A man is accused of shooting his co-worker in the face.", [(U, KI, 1, 1)]),
        ("A man was shot Sunday and the woman who drove him has died of a heart attack.", [(M, KI, 1, 1)]),
        # what "left" leaves them, past a participle; an aside between dashes; all of a number
        ("A hail of bullets left a 2-year-old girl abandoned in critical condition.", [(CH, INJ, 1, 1)]),
        ("The attack left the toddler in surgery.", [(CH, INJ, 1, 1)]),
        ("Four people -- including a child -- were injured.", [(U, INJ, 4, 4), (CH, INJ, 1, 1)]),
        ("The gunmen killed all 12 passengers.", [(U, K, 12, 12)]),
        ("Child, Three Adults Injured in DeKalb Shooting", [(C, INJ, 4, 4)]),
        ("Image 3 of 4 A child was shot in East Oakland Thursday.", [(CH, KI, 1, 1)]),  # "4 A child" no noun
        ("An individual was shot in the stomach.", [(U, KI, 1, 1)]),
        ("Police identified the four people killed Christmas Eve.", [(U, K, 4, 4)]),
        # a suspect no harm is told of lends the figures after him no group; holes and children are no counts
        ("Third Suspect Arrested in Shooting That Killed 1 and Injured 4", [(U, K, 1, 1), (U, INJ, 4, 4)]),
        ("The main suspect left five bullet holes in a police helicopter.", []),
        ("Holder, a father of two, was shot and killed.", [(M, K, 1, 1)]),  # Holder, not two killed
        ("The three people killed inside the home early Sunday died in a dispute.", [(U, K, 3, 3)]),
        # "another" as the object of a harm verb is one more person; the verb is its own, not the figure's
        ("A shooting left three dead and injured another early Sunday.", [(U, K, 3, 3), (U, INJ, 1, 1)]),
        ("He is accused of fatally shooting three people and wounding another Friday.", [(U, K, 3, 3), (U, INJ, 1, 1)]),
        ("Four people were killed and another being injured.", [(U, K, 4, 4), (U, INJ, 1, 1)]),
        ("Two people were killed and injured in the blast.", [(U, KI, 2, 2)]),
        # the same subject's next verb tells the fate; a pronoun after "killing" is the one killed
        ("A man was shot several times and pronounced dead inside the store.", [(M, K, 1, 1)]),
        ("A man was shot and died at the scene.", [(M, K, 1, 1)]),
        ("A man was shot and his brother died later.", [(M, KI, 1, 1), (U, K, 1, 1)]),
        (
            "A man, identified as 20-year-old Nikobra Stringer, was also shot and received minor injuries.",
            [(U, INJ, 1, 1)],
        ),
        ("A man was shot in the leg but survived.", [(M, INJ, 1, 1)]),
        # the attacker's own death by his hand, told as a finding; a wound "not self-inflicted" is none
        ("The suspect was found dead in his home of a self-inflicted gunshot wound.", [(F, K, 1, 1)]),
        (
            "A man suspected of killing five people was found dead of a self-inflicted wound.",
            [(U, K, 5, 5), (F, K, 1, 1)],
        ),
        ("Police said the wound was not self-inflicted and the man died.", [(M, K, 1, 1)]),
        ("Jackson then fired a handgun at Milner, killing him.", [(U, K, 1, 1)]),
        ("Officers exchanged gunfire with the suspect, killing him.", [(F, K, 1, 1)]),
        # meant or missed, not done
        ("The shooter planned to kill hundreds with his stockpile.", []),
        ("Police bullets nearly killed his father-in-law.", []),
        ("He went on to kill three people.", [(U, K, 3, 3)]),
        ("A fight over taxes led a man to kill 4 people.", [(U, K, 4, 4)]),
        ("He pleaded not guilty to trying to kill two others.", []),
        ("Four of the five people shot, died as a result of their injuries.", [(U, KI, 5, 5)]),  # not five dead
        ("A turkey hunter was shot and killed Sunday by another hunter.", [(U, K, 1, 1)]),
        ("He shot and killed his wife, two young children and his mother-in-law.", [(C, K, 4, 4)]),
        ("The shooting claimed the life of 47-year-old Michael Matthews.", [(U, K, 1, 1)]),
        # "murdered" kills; "the deaths of" names, with ages, joined by a comma and "and"
        ("The woman was murdered in her home.", [(W, K, 1, 1)]),
        ("He was charged with murdering a 13-year-old and his father.", [(C, K, 2, 2)]),
        ("They acted in concert in the deaths of Deziyah Davis, 9, and Denise Couplin, 52.", [(C, K, 2, 2)]),
        ("He is charged with murder.", []),
        ("Three others sustained non-fatal bullet wounds.", [(U, INJ, 3, 3)]),
        ("Police questioned a man after a 2-year-old girl sustained a minor gunshot wound.", [(CH, INJ, 1, 1)]),
        ("1-year-old son of correctional officer killed after sister shoots him", [(U, K, 1, 1)]),
        # a headline's bare object, and its verb is no job ("Woman shoots husband" is no "shoots husband")
        ("Sheriff investigating shooting that killed teen", [(CH, K, 1, 1)]),
        ("Woman shoots husband during argument", [(Group.MEN, KI, 1, 1)]),
        ("Shooting kills man, injures woman in Dayton", [(Group.MEN, K, 1, 1), (W, INJ, 1, 1)]),
        ("An adult and a child were killed.", [(C, K, 2, 2)]),
        ("Police say the homeowner is the gunman who murdered all three.", [(U, K, 3, 3)]),
        ("A father shot and killed his 12- and 10-year-old sons.", []),  # ages, not twelve killed
        # "both" before people in the plural is two; "her" before a noun is whose, not whom
        ("Police say both victims were in stable condition.", [(U, INJ, 2, 2)]),
        ("Both men were pronounced dead at the scene.", [(Group.MEN, K, 2, 2)]),
        ("Both suspects were arrested.", []),
        ("Texas Mother Charged with Killing Her 5 Children", [(CH, K, 5, 5)]),
        ("The suspect fired at the woman, killing her.", [(U, K, 1, 1)]),
        # words that open a sentence are not names
        ("Nobody was hurt.", []),
        ("Police said Smith shot Jones.", []),
        # people listed with their ages share the verb after the last; a role and a name are one person
        ("Melanie Virgen, 13, and Edgar Sanchez Rios, 16, were shot and killed.", [(C, K, 2, 2)]),
        ("Brenda Adams, 40, and her son Mark, 18, were killed.", [(C, K, 2, 2)]),
        ("Police Chief John Smith said Mark Jones, 18, was killed.", [(U, K, 1, 1)]),
        # a shot one told right after a killed one, by the same subject, lived
        ("He killed his wife and shot his daughter.", [(W, K, 1, 1), (CH, INJ, 1, 1)]),
        ("A man was killed and two others shot.", [(Group.MEN, K, 1, 1), (U, KI, 2, 2)]),
        (
            "He shot his partner and their two children before setting the house on fire and killing himself.",
            [(C, KI, 3, 3), (Group.FIGHTERS, K, 1, 1)],
        ),
        ("Child accidentally shoots, kills himself", []),
        ("Another teen, also 15, was shot in the foot.", [(CH, KI, 1, 1)]),  # an age: one teen shot, not fifteen
        # whose daughter she is names no second person; "left" waits for the fate told after the list
        ("Tyson Gay's 15-year-old daughter Trinity is shot dead in Kentucky", [(CH, K, 1, 1)]),
        ("A shooting left three men and three women injured.", [(Group.MEN, INJ, 3, 3), (W, INJ, 3, 3)]),
        ("Police say he shot two mothers and their daughters to death.", [(W, K, 2, 2)]),
        # the people a death is of, listed with their ages
        (
            "He was charged in the deaths of Walter Lee Barfield, 23, William Gonzalez, 32, and Brandon Ladson, 31.",
            [(C, K, 3, 3)],
        ),
        ("He was charged with killing Brian Banes, Police Chief Tom Smith said.", [(U, K, 1, 1)]),
        # a family's members are civilians, whatever the family is called; a group's are fighters
        ("6 members of Spring family shot to death in domestic dispute", [(C, K, 6, 6)]),
        ("Three members of the Ruiz family were killed.", [(C, K, 3, 3)]),
        ("Five members of Hezbollah were killed.", [(Group.FIGHTERS, K, 5, 5)]),
        # a title-case headline's capitals mark no name: no object after its verb, no name after an age
        ("Five Shot During Party At Kankakee Banquet Hall", [(U, KI, 5, 5)]),
        ("Gunman Kills Two At Party", [(U, K, 2, 2)]),
        ("15-Year-Old Boy Shot In Hermosa Neighborhood", [(CH, KI, 1, 1)]),
        ("Man, 11-Year-Old Daughter Dead In Apparent Murder-Suicide", [(C, K, 2, 2)]),  # a relative is a second
        # one who shot himself is the one hit; two adverbs may stand before the verb
        ("Police: Toddler Shot Himself in Montoursville", [(CH, KI, 1, 1)]),
        ("Girl, 4, apparently shot herself in the hand, police report", [(CH, KI, 1, 1)]),
        ("Police said a man was allegedly accidentally shot in his lower body.", [(Group.MEN, KI, 1, 1)]),
        ("Brother accidentally shot 12-year-old, police say", [(U, KI, 1, 1)]),
        ("16-year-old bank robbery suspect shot by Ridgeland police", [(Group.FIGHTERS, KI, 1, 1)]),
        ("The woman killed was a teacher.", [(W, K, 1, 1)]),
        # a verb in the singular is no figure's of two or more
        ("Teen who shot 4, including 2 ATF agents, is killed by cops", [(U, KI, 4, 4), (U, KI, 2, 2)]),
        # a role in a death is no death of one's own
        ("Police searched for a suspect in the shooting death of a teenage boy.", [(CH, K, 1, 1)]),
        ("He was not named a suspect in Newsom's death.", []),
        # "the other" after a harm verb is one more; "the other two" are a figure of their own
        (
            "A man opened fire on two officers, killing one and severely wounding the other.",
            [(U, K, 1, 1), (U, INJ, 1, 1)],
        ),
        (
            "He shot three people, killing one and wounding the other two.",
            [(U, KI, 3, 3), (U, K, 1, 1), (U, INJ, 2, 2)],
        ),
        ("Two men were shot; one died and the other was wounded.", [(M, KI, 2, 2), (U, K, 1, 1), (U, INJ, 1, 1)]),
        # one who shot himself and another: two, by one verb; "injured himself" is hurt, not a doer's deed
        ("A man accidentally shot and wounded himself and his 10-year-old son.", [(C, INJ, 2, 2)]),
        ("A man was arrested after he injured himself and a juvenile Saturday night.", [(C, INJ, 2, 2)]),
        ("KC man accused of accidentally shooting himself and 1-year-old daughter", [(C, KI, 2, 2)]),
        ("The gunman shot himself and his wife.", [(F, KI, 1, 1), (W, KI, 1, 1)]),
        # one who hurt himself, whom no figure names, is one hit; an attacker when he harmed others first
        ("Two hostages came out of the store and said Thompson shot himself.", [(U, KI, 1, 1)]),
        ("Spirit fatally shot himself, Schultz said.", [(U, K, 1, 1)]),
        ("The 8-year-old boy who fatally shot himself did so with a stolen gun.", [(CH, K, 1, 1)]),
        ("A three-year-old died hours after police say he found a gun and shot himself.", [(U, K, 1, 1)]),
        ("A woman was wounded when her husband shot himself.", [(W, INJ, 1, 1), (M, KI, 1, 1)]),
        ("A woman was wounded before Thompson shot himself.", [(W, INJ, 1, 1), (U, KI, 1, 1)]),
        # "killed four classmates and himself": he is one more, an attacker
        ("A student who killed four classmates and himself in the fall was named.", [(U, K, 4, 4), (F, K, 1, 1)]),
        # the shot one "did not survive"; a day between "shooting" and "of"; a place's words are no name
        ("Jordan Ebner was shot multiple times and did not survive.", [(U, K, 1, 1)]),
        ("An arrest was made in the accidental fatal shooting Saturday of a 5-year-old girl.", [(CH, K, 1, 1)]),
        ("A man and his two children found dead in rural West Texas were all shot.", [(C, K, 3, 3)]),
        ("A man in northwest Atlanta was shot.", [(M, KI, 1, 1)]),
        ("15 year-old Jordan Shores of North Augusta was pronounced dead.", [(U, K, 1, 1)]),
        ("Gun in father's lap when he and his 2 kids were found dead near Lubbock", [(C, K, 3, 3)]),
        ("He and his brother were arrested.", []),
        # a name opening the clause before "and" and a person is one more of them
        ("Maxwell and another teenager were shot.", [(C, KI, 2, 2)]),
        ("Gonzalez and her 67-year-old grandfather were wounded.", [(C, INJ, 2, 2)]),
        ("Police and a bystander were shot.", [(U, KI, 1, 1)]),
        ("Smith and the man who died took part in the shooting together.", [(M, K, 1, 1)]),
        ("Sproaps and Partlow were pronounced dead at the scene.", [(C, K, 2, 2)]),
        ("Kenney and Williams were each shot once in the chest.", [(C, KI, 2, 2)]),
        (
            "The suspect, Lee Brandenburg, and his female victim were each shot in the leg.",
            [(F, KI, 1, 1), (U, KI, 1, 1)],
        ),
        ("Police said one unknown adult victim was pronounced dead at the scene.", [(U, K, 1, 1)]),
        # a breakdown after a comma is no more people; "fighting for their lives" is hurt; suffered, then dead
        ("Two others, a 26-year-old man and 39-year-old man, were also shot, but survived.", [(U, INJ, 2, 2)]),
        ("Two men and two women were shot.", [(C, KI, 4, 4)]),
        ("2 adults, 2 children killed in Stokes County murder-suicide", [(C, K, 4, 4)]),
        # a list of relatives without articles; an age after "and"; the shot ones expected to be okay
        ("Denton shot and killed his mother, stepfather, and grandmother.", [(C, K, 3, 3)]),
        ("His mother and grandmother were killed.", [(W, K, 2, 2)]),
        ("A reward is offered in the killing of a 14-year-old boy, and son of a police officer.", [(CH, K, 1, 1)]),
        ("He was charged with shooting a 2-year-old and a 16-year-old on Christmas.", [(C, KI, 2, 2)]),
        ("The seven others who were shot are all expected to be okay.", [(U, INJ, 7, 7)]),
        ("Two men were shot and are expected to survive.", [(M, INJ, 2, 2)]),
        # nothing between two people is no joint; "another" is an object of the verb
        (
            "A woman who shot another woman was indicted for killing a child the victim was holding.",
            [(W, KI, 1, 1), (CH, K, 1, 1)],
        ),
        (
            "He turned the gun on himself, leaving his girlfriend and child fighting for their lives.",
            [(C, INJ, 2, 2), (F, K, 1, 1)],
        ),
        (
            "The 7-year-old boy suffered a gunshot wound to the chest and was dead when deputies arrived.",
            [(CH, K, 1, 1)],
        ),
        # adults are people; names listed with semicolons share the verb
        ("2 adults, six children dead in Gilchrist shootings", [(C, K, 8, 8)]),
        ("Omar P. Jarman, 35; Shontay N. Young, 34; and Danielle B. Lucero, 26, died in the shooting.", [(C, K, 3, 3)]),
        # "and so was": the same fate, one more on the same side
        (
            "The armed suspect was hit and wounded, and so was the woman he was carjacking.",
            [(F, INJ, 1, 1), (W, INJ, 1, 1)],
        ),
        ("Two men were killed, and so was a woman.", [(C, K, 3, 3)]),
        # "killed her and three other people": four; "massacred"; "his father and brother"; "and then himself"
        (
            "He killed her and three other people before fatally shooting himself, an investigator said.",
            [(C, K, 4, 4), (F, K, 1, 1)],
        ),
        ("Joy turned into terror when a man massacred 49 people.", [(U, K, 49, 49)]),
        ("The driver said Payne left him and the victim once they arrived at the hospital.", []),
        ("Zawahri allegedly killed his father and brother.", [(M, K, 2, 2)]),
        ("A man suspected in the shooting deaths last week of his wife and son died.", [(C, K, 2, 2)]),
        ("A former employee shoots 4 co-workers and then himself.", [(U, KI, 4, 4), (F, KI, 1, 1)]),
        # "two more were hit": more of the people before, with a verb of their own
        (
            "Police say two victims were killed, and two more were hit with multiple bullets.",
            [(U, K, 2, 2), (U, KI, 2, 2)],
        ),
        ("Four rounds hit the house and two more hit a car.", []),
        ("It killed a man and left three of his cousins seriously wounded.", [(M, K, 1, 1), (U, INJ, 3, 3)]),
        (
            "The violence that killed Theresa Brown also left her 6-year-old daughter, Brown's sister and her husband "
            "with gunshot wounds.",
            [(U, K, 1, 1), (C, INJ, 3, 3)],
        ),
        (
            "The gunman killed one and injured three before shooting himself.",
            [(U, K, 1, 1), (U, INJ, 3, 3), (F, KI, 1, 1)],
        ),
    ],
)
def test_local_news_grammar(sentence: str, expected: list[tuple[Group, Outcome, int, int | None]]) -> None:
    assert figures(sentence) == expected


def test_the_object_of_an_asides_preposition_is_not_the_subject_after_it() -> None:
    found = figures("The boy, shot in the head as he ran from a gunman, has died.")
    assert all(group is not Group.FIGHTERS for group, *_ in found)


def test_conflicting_sources_stay_separate_claims() -> None:
    first = find_casualties("The strike killed 30 people, rescue workers said.", 0, "rescue workers")
    second = find_casualties("The Observatory said 18 people were killed.", 60, "Syrian Observatory for Human Rights")
    assert [(c.min, c.source) for c in first + second] == [
        (30, "rescue workers"),
        (18, "Syrian Observatory for Human Rights"),
    ]


# Words the casualty grammar reads, so that random sentences exercise its rules and not only plain text.
_WORDS = st.sampled_from(
    [
        "a", "the", "man", "woman", "Smith", "John", "Lee", "Jr.", ",", "25", "three", "people", "were", "was",
        "shot", "hit", "struck", "killed", "died", "and", "one", "fatally", "injured", "in", "of", "Tyler",
        "taken", "to", "hospital", "with", "injuries", "he", "she", "15-year-old", "boy", "a homicide", "another",
        "partygoers", "the daughter", "suffered", "critical condition", "at least", "dozens", "including",
    ]
)  # fmt: skip


@settings(deadline=None)  # a property, not a timing: a loaded CI machine must not fail it
@given(st.lists(_WORDS, max_size=16).map(" ".join), st.integers(0, 1000))
def test_figures_are_honest_spans_of_any_sentence(sentence: str, offset: int) -> None:
    for casualty in find_casualties(sentence, offset):
        assert sentence[casualty.start - offset : casualty.end - offset] == casualty.words
        assert casualty.min >= 0
        assert casualty.max is None or casualty.max >= casualty.min
