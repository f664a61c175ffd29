"""Sentence boundaries from the light pipeline (entity recogniser + senter + our rules)."""

from civharm.extract.nlp import load_nlp, parse, parse_many


def _sentences(text: str) -> list[str]:
    return [s.text.strip() for s in parse(text).sents]


def test_a_full_stop_glued_to_the_next_sentence_ends_it() -> None:
    text = "The boy was shot in the Mayfair section of Philadelphia.Seventeen-year-old Quantico died later."
    assert _sentences(text) == [
        "The boy was shot in the Mayfair section of Philadelphia.",
        "Seventeen-year-old Quantico died later.",
    ]


def test_a_glued_quote_after_a_full_stop_starts_a_sentence() -> None:
    text = 'His father washed away the blood left at the scene."We kept our son close," he said.'
    assert _sentences(text)[1].startswith('"We kept')


def test_a_dateline_is_its_own_sentence() -> None:
    sentences = _sentences("ANTIOCH, Tenn. (WKRN) – A 7-year-old girl was critically injured on Saturday night.")
    assert sentences[0] == "ANTIOCH, Tenn. (WKRN) –"
    assert sentences[1].startswith("A 7-year-old girl")


def test_a_dash_in_running_text_is_not_a_dateline() -> None:
    text = "Police said the man - A local resident - was taken to hospital."
    assert _sentences(text) == [text]


def test_abbreviations_and_initials_do_not_end_sentences() -> None:
    text = "Mr. Smith said the U.S. Army had not been told."
    assert _sentences(text) == [text]


def test_a_title_before_a_name_ends_no_sentence() -> None:
    text = "Police confirmed Giddings shot Sgt. Lee Jundt after a traffic stop. Dr. He Li said so."
    assert _sentences(text) == [
        "Police confirmed Giddings shot Sgt. Lee Jundt after a traffic stop.",
        "Dr. He Li said so.",
    ]


def test_a_line_break_ends_a_sentence() -> None:
    assert _sentences("Man shot dead in Houston\n\nA man was shot on Monday.") == [
        "Man shot dead in Houston",
        "A man was shot on Monday.",
    ]


def test_a_batch_forgets_the_words_it_added_to_the_vocabulary() -> None:
    """A batch worker meets new words all the time; kept, they would grow its memory with the corpus."""
    strings = load_nlp().vocab.strings
    before = len(strings)
    texts = [f"Shelling hit Zqxvillage{n} and Wrtown{n}, killing {n} civilians." for n in range(40)]
    seen = [(doc.text, len(list(doc.sents)), len(strings) > before) for doc in parse_many(texts)]
    assert [text for text, _, _ in seen] == texts
    assert all(sentences == 1 for _, sentences, _ in seen)
    assert all(grew for _, _, grew in seen)  # the words exist while the batch is read...
    assert len(strings) == before  # ...and are gone after it
