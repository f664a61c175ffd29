"""Event types and victim counts read from a whole SemEval document."""

from __future__ import annotations

from civharm.bench.semeval_events import document_event, victim_counts


def test_numbers_of_victims_and_single_victims() -> None:
    assert victim_counts("Three people were shot and killed and two men were wounded.") == (3, 2)
    assert victim_counts("A man was fatally shot on Sunday.") == (1, 0)
    assert victim_counts("Last year in Chicago, 4,368 people were shot.") == (0, 0)  # no 368
    assert victim_counts("A teen was shot in the leg and is in stable condition.") == (0, 1)


def test_the_extraction_figure_wins_when_given() -> None:
    event = document_event("Shooting", "A man was fatally shot.", killed=4, injured=None)
    assert event.killed == 4 and "killing" in event.types


def test_fires_and_job_firings_are_told_from_shootings() -> None:
    fire = document_event("House fire", "Firefighters fought the blaze for hours; flames engulfed the home.")
    assert fire.types == {"fire_burning"}
    job = document_event("Coach fired", "The coach was fired from his job after the season.")
    assert job.types == {"job_firing"}
    shooting = document_event("Shots fired", "Police said the suspect opened fire and a woman was killed.")
    assert shooting.types == {"killing"}
