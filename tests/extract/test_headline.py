"""The report's main incident: its victims, place and date, as benchmarks and summaries read them."""

import datetime as dt

import pytest

from civharm.bench.gva import Doc, to_report
from civharm.extract.gazetteer import Gazetteer
from civharm.extract.headline import headline, masthead_span
from civharm.extract.pipeline import extract_report


def _head(text: str, published: str, gazetteer: Gazetteer):  # type: ignore[no-untyped-def]
    doc = Doc("d", "i", text.split("\n")[0], dt.date.fromisoformat(published), text.split("\n", 1)[1])
    return headline(extract_report(to_report(doc), gazetteer), gazetteer)


def test_shot_then_died_is_one_killed_not_also_injured(gazetteer: Gazetteer) -> None:
    head = _head(
        "Man dies after Tulsa shooting\nA man was shot Sunday in Tulsa, Oklahoma. He died two days later.",
        "2015-03-04",
        gazetteer,
    )
    assert (head.killed, head.injured) == (1, 0)
    assert head.place is not None and head.place.name == "Tulsa" and head.place.admin1 == "Oklahoma"
    assert head.date == dt.date(2015, 3, 1)


@pytest.mark.parametrize(
    "text",
    [
        "Boy dies after shooting\nOfficers found a 3-year-old boy suffering from a gunshot wound to the chest in "
        "New Orleans, Louisiana. The boy was taken to a hospital where he later died.",
        "Teen dies\nThe victim who suffered the gunshot wound in Clearwater, South Carolina, on Monday has died.",
    ],
)
def test_the_wounded_told_to_have_died_are_the_dead_not_also_injured(text: str, gazetteer: Gazetteer) -> None:
    head = _head(text, "2015-03-04", gazetteer)
    assert (head.killed, head.injured) == (1, 0)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        (
            "One dead, one hurt\nA 16-year-old has died after a shooting in Stockton, California. "
            "A second 16-year-old was taken to the hospital with non-life-threatening injuries.",
            1,
            1,
        ),
        # the wounded of whom one "was already deceased": the other lives
        (
            "Mother charged\nA woman was charged with the murder of her daughter after a double shooting in"
            " Charlotte, North Carolina. Officers found both the mother and daughter suffering from gunshot wounds."
            " The daughter was already deceased when medics arrived.",
            1,
            1,
        ),
        # people "also shot" besides the dead are hit besides them
        (
            "Teen killed at party\nPolice found 16-year-old Rolando Gonzalez dead from a gunshot wound in Coachella,"
            " California. A woman and two other men were also shot.",
            1,
            3,
        ),
        # the death told after the shooter's suicide is his own
        (
            "Teen suspect dies\nThe boy suspected of killing a teenage girl and shooting her mother in Ellicott City,"
            " Maryland, before turning the gun on himself has died, police said.",
            1,
            1,
        ),
    ],
)
def test_a_second_wounded_who_survives_stays_injured(
    text: str, killed: int, injured: int, gazetteer: Gazetteer
) -> None:
    head = _head(text, "2015-03-04", gazetteer)
    assert (head.killed, head.injured) == (killed, injured)


def test_hit_minus_killed_are_injured(gazetteer: Gazetteer) -> None:
    head = _head("Shooting\nTwo people were shot, one fatally, in Dayton, Ohio, on Saturday.", "2015-07-06", gazetteer)
    assert (head.killed, head.injured) == (1, 1)


@pytest.mark.parametrize(
    ("title", "killed", "injured"),
    [
        ("Student killed in restaurant parking lot", 1, 0),
        ("Police searching for man wanted in death of teen", 1, 0),
        ("Suspects in killing of Garland student due in court", 1, 0),
        # an attempt is no death, and a title without one leaves the shot man among the hurt
        ("Man charged with attempted murder in Garland shooting", 0, 1),
        ("Man shot in Garland parking lot", 0, 1),
    ],
)
def test_one_shot_in_a_story_whose_title_tells_a_death_is_the_dead(
    title: str, killed: int, injured: int, gazetteer: Gazetteer
) -> None:
    body = "Garland police arrested a teen they say shot a student outside a restaurant Thursday afternoon."
    head = _head(f"{title}\n{body}", "2017-01-06", gazetteer)
    assert (head.killed, head.injured) == (killed, injured)


@pytest.mark.parametrize(
    ("text", "killed", "attackers"),
    [
        # a page that gives no figure under a title that tells a death: at least one died
        ("Teen gunshot death appears accidental\nSubscribe for full access to this story.", 1, 0),
        ("Medford man charged in shooting death sent to state hospital\nA judge ruled on Friday.", 1, 0),
        # the title's death is the attacker's, told already: no victim is added
        ("Off-duty deputy kills robbery suspect\nThe suspect was shot and killed inside the store.", 0, 1),
        # ... and so when the page tells him hit, without a word of his death
        ("Robbery suspect shot and killed by officer\nPolice did not say where Hayes was hit by the bullets.", 0, 1),
        # a title without a death adds none
        ("Judge sets bond in Garland case\nA judge ruled on Friday.", 0, 0),
    ],
)
def test_a_title_that_tells_a_death_over_a_page_without_figures(
    text: str, killed: int, attackers: int, gazetteer: Gazetteer
) -> None:
    head = _head(text, "2017-01-06", gazetteer)
    assert (head.killed, head.attackers_killed) == (killed, attackers)


def test_a_suspect_killed_by_police_is_not_a_victim(gazetteer: Gazetteer) -> None:
    head = _head(
        "Clerk wounded\nA gunman shot and wounded a store clerk in Toledo, Ohio, on Monday. "
        "The suspect was shot and killed by police.",
        "2016-01-19",
        gazetteer,
    )
    assert head.killed == 0


def test_a_foreign_namesake_is_not_the_scene(gazetteer: Gazetteer) -> None:
    head = _head(
        "Girl shot\nDeputies were called to Letchworth Drive in Snow Hill, North Carolina, after a girl was "
        "shot and killed on Wednesday. Greene County deputies said it was an accident.",
        "2014-01-31",
        gazetteer,
    )
    assert head.place is not None and head.place.country == "US"
    assert head.killed == 1


def test_the_story_told_first_is_the_reports_own_not_a_bigger_one_below(gazetteer: Gazetteer) -> None:
    head = _head(
        "Man shot in Tulsa\nA man was shot and wounded Sunday in Tulsa, Oklahoma.\n\nMore stories\n"
        "Three people were killed in a shooting in Dallas, Texas, on Friday.",
        "2015-03-04",
        gazetteer,
    )
    assert (head.killed, head.injured) == (0, 1)
    assert head.place is not None and head.place.name == "Tulsa"


def test_with_no_town_named_the_county_is_the_answer(gazetteer: Gazetteer) -> None:
    head = _head(
        "Boy charged\nA boy was charged with killing a 3-year-old with a handgun on Monday, Wayne County,"
        " Michigan prosecutors said.",
        "2015-03-04",
        gazetteer,
    )
    assert head.place is not None and (head.place.feature, head.place.admin1) == ("admin2", "Michigan")


@pytest.mark.parametrize(
    ("text", "killed", "attackers"),
    [
        # apart from the victims
        (
            "Murder-suicide\nA man shot and killed his wife in Toledo, Ohio, on Friday before turning the gun on"
            " himself.",
            1,
            1,
        ),
        # inside a total, however often he is told of again
        (
            "Standoff\nA standoff in Toledo, Ohio, on Friday left five people dead, including the gunman."
            " Police said the gunman stepped outside and killed himself.",
            5,
            0,
        ),
        # a total told with "including gunman" counts him, however his death is told again
        (
            "Four dead, including gunman, in Kansas workplace shooting\nThe sheriff said a suspect was shot and"
            " killed by deputies in Hesston, Kansas.",
            4,
            0,
        ),
        # a bare total that is the others told and him
        (
            "5 dead after officer kills family\nPolice say an officer shot and killed his wife, two young children"
            " and his mother-in-law in Spanish Fork, Utah, before killing himself.",
            5,
            0,
        ),
        # the dead of a murder-suicide told as one total include the one who killed himself
        (
            "2 adults, 1 child dead in Murray murder-suicide\nA man is suspected of shooting a woman and a child to"
            " death before turning the gun on himself Sunday, police in Murray, Utah, said.",
            3,
            0,
        ),
    ],
)
def test_the_attackers_own_death_is_counted_apart_and_only_once(
    text: str, killed: int, attackers: int, gazetteer: Gazetteer
) -> None:
    head = _head(text, "2016-01-16", gazetteer)
    assert (head.killed, head.attackers_killed) == (killed, attackers)


def test_a_state_qualifier_wins_over_a_namesake_town_elsewhere(gazetteer: Gazetteer) -> None:
    head = _head(
        "Girl shot\nA 10-year-old girl was fatally shot by her brother in Fountain, Fla., on Sunday.",
        "2015-06-08",
        gazetteer,
    )
    assert head.place is not None and head.place.admin1 == "Florida"


@pytest.mark.parametrize(
    ("text", "published", "town"),
    [
        # a state named in an agency picks the namesake town
        (
            "Three dead\nTwo children and a man were found shot to death in a Springfield apartment on Monday. "
            "The Missouri State Highway Patrol assisted the Springfield police.",
            "2015-03-17",
            ("Springfield", "Missouri"),
        ),
        # a town outside the dateline's state is a namesake, not the scene
        (
            "Boy shot to death in Gresham\nCHICAGO (WXYZ) — A 15-year-old boy was shot to death Friday night in "
            "Gresham, police said.",
            "2017-01-04",
            ("CHICAGO", "Illinois"),
        ),
        # a page title's site name places the story only when nothing else does
        (
            "Three dead in shooting - KSLA News 12 Shreveport, Louisiana News Weather & Sports\n"
            "Three people were shot and killed Friday in New Orleans, police said.",
            "2016-03-05",
            ("New Orleans", "Louisiana"),
        ),
        (
            "Five teens shot after basketball game - WMC Action News 5 - Memphis, Tennessee\n"
            "Five teens were shot Friday night as they left a gym around the corner, police said.",
            "2016-03-05",
            ("Memphis", "Tennessee"),
        ),
        # the dateline's country wins over a neighbourhood the gazetteer knows only abroad, however often named
        (
            "Man shot in Gentilly\nNEW ORLEANS (WWL) -- A man was shot Sunday night in Gentilly, police said. "
            "Gentilly residents said the Gentilly shooting was the second this month.",
            "2016-03-07",
            ("NEW ORLEANS", "Louisiana"),
        ),
        # counties share no GeoNames id: the one resolved, not its first namesake, sets the state
        (
            "Club owner killed\nCHESTERFIELD COUNTY, S.C. — A club owner was shot and killed at a club in "
            "Chesterfield County early Sunday, deputies said. His family lives near Charlotte.",
            "2016-03-09",
            ("Chesterfield County", "South Carolina"),
        ),
        # a big city the scene lies outside is a landmark for the town the report files from ...
        (
            "5 dead in Georgia shooting\nDOUGLASVILLE, Ga. (AP) — A man shot six people Saturday afternoon, killing"
            " four of them, on a quiet, suburban street outside Atlanta, police said.",
            "2016-06-12",
            ("DOUGLASVILLE", "Georgia"),
        ),
        (
            "Boy dies after Russian roulette shooting\nSPRING, Texas (AP) - A 15-year-old boy died after a shooting"
            " at a friend's home near Spring, a northern suburb of Houston.",
            "2016-03-01",
            ("SPRING", "Texas"),
        ),
        # ... but a wire's big-city dateline is its office when the scene is a small town near it
        (
            "Man accused of killing 4 relatives\nKANSAS CITY, Mo. (AP) — A man is accused of fatally shooting four"
            " relatives at their home near Edgerton, 30 miles north of Kansas City.",
            "2016-03-01",
            ("Edgerton", "Missouri"),
        ),
        # a local agency far below the lead is a victim's hometown's, not the scene's
        (
            "Airport shooting: what we know\nFive people were killed and six wounded in a shooting at the airport"
            " in Fort Lauderdale, Florida, on Friday, police said.\n\n"
            + "The suspect was arraigned on Monday and investigators are still looking for a motive.\n\n" * 30
            + "One of the dead was a volunteer with the Virginia Beach Fire Department.",
            "2017-01-09",
            ("Fort Lauderdale", "Florida"),
        ),
        # a caption's label where a dateline goes is no town
        (
            "Two arrested in mall shooting\nFILE - Police at the scene of a shooting at a mall.\n\n"
            "WEST VALLEY CITY — Two people have been arrested after a girl was shot in the back on Jan. 21.",
            "2017-02-03",
            ("WEST VALLEY CITY", "Utah"),
        ),
    ],
)
def test_the_scene_lies_in_the_reports_state(
    text: str, published: str, town: tuple[str, str], gazetteer: Gazetteer
) -> None:
    head = _head(text, published, gazetteer)
    assert head.place is not None and (head.place.name, head.place.admin1) == town


# (case, text, publication day, the incident's day): the day told with the attack wins over the days of
# statements, a later death, identification and arraignment; "last night" is the day before publication.
_INCIDENT_DAYS = [
    (
        "statement",
        "Shooting\nOfficials said Friday that three people were shot in Colleton County, South Carolina. "
        "The shooting happened early Sunday morning.",
        "2014-09-28",
        dt.date(2014, 9, 28),
    ),
    (
        "later death",
        "Victim of Overtown shooting dies\nOne of the five people hurt in a drive-by shooting in Miami, Florida, "
        "this past weekend has died, police said Thursday. Julian Bryant, 22, died Wednesday night, police said. "
        "Bryant was standing in front of a house when a black SUV drove by and someone opened fire Sunday night.",
        "2014-12-18",
        dt.date(2014, 12, 14),
    ),
    (
        "identification and statement",
        "Man killed in shooting identified\nSAN DIEGO (CNS) - Authorities Sunday have identified a man who was "
        "killed in a shooting at a mobile home park. One person was killed and three others wounded in the "
        "shooting in San Diego, California, police said Saturday. The man was pronounced dead with gunshot "
        "wounds at the scene of the shooting on Friday night.",
        "2014-06-29",
        dt.date(2014, 6, 27),
    ),
    (
        "arraignment",
        "Man charged in shooting of boy\nA man who allegedly shot a 3-year-old boy in the head this week while "
        "at a park in Clinton Township, Michigan, was arraigned on Wednesday. The boy was shot about 6 p.m. "
        "Monday while at Normandy Park.",
        "2015-05-06",
        dt.date(2015, 5, 4),
    ),
    ("last night", "Shooting\nTwo people were shot last night in Dayton, Ohio.", "2015-07-06", dt.date(2015, 7, 5)),
    (
        # a broadcast's "this evening", on a page dated the next day, is weaker than the day the text names
        "named day over one counted from the page",
        "4 shot\nANCHOR: IT HAPPENED AROUND 6:00 P.M. THIS EVENING NEAR ELLIS STREET IN JACKSONVILLE, FLORIDA.\n\n"
        "Gunmen sent three people to the hospital and killed an 18-year-old Tuesday night.",
        "2015-11-04",
        dt.date(2015, 11, 3),
    ),
]


@pytest.mark.parametrize(
    ("text", "published", "day"), [c[1:] for c in _INCIDENT_DAYS], ids=[c[0] for c in _INCIDENT_DAYS]
)
def test_the_incidents_day_is_the_attacks(text: str, published: str, day: dt.date, gazetteer: Gazetteer) -> None:
    assert _head(text, published, gazetteer).date == day


@pytest.mark.parametrize(
    ("title", "site"),
    [
        ("Man shot - WMC Action News 5 - Memphis, Tennessee", " - WMC Action News 5 - Memphis, Tennessee"),
        ("Teen shot in Garner apartment - | WBTV Charlotte", " - | WBTV Charlotte"),
        ("Teen shot - wave3.com-Louisville News, Weather & Sports", " - wave3.com-Louisville News, Weather & Sports"),
        ("Coroner names victim - WSFA.com Montgomery Alabama news.", " - WSFA.com Montgomery Alabama news."),
    ],
)
def test_a_page_titles_site_name_is_found(title: str, site: str) -> None:
    span = masthead_span(f"{title}\n\nBody.")
    assert span is not None and title[span[0] : span[1]] == site


@pytest.mark.parametrize(
    "title", ["Shots fired - two wounded in Dayton", "Police: Man shot in Watts - and the wait for news", "Won - lost"]
)
def test_a_title_without_a_site_name_keeps_its_places(title: str) -> None:
    assert masthead_span(f"{title}\nBody.") is None
