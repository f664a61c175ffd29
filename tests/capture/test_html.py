"""HTML pages: trafilatura's article text and metadata, with our closing-block rule on top."""

from __future__ import annotations

from datetime import date

from civharm.capture.decode import HTML, PLAIN, sniff_media_type
from civharm.capture.html import extract_html
from civharm.capture.language import guess_language

PARAGRAPHS = [
    "At least twelve civilians were killed when an air strike hit the central market of the town on Monday "
    "morning, local officials and witnesses said.",
    "Witnesses said the strike destroyed dozens of shops and damaged a nearby school, where classes had "
    "been suspended since the fighting began last month.",
    "The defence ministry denied that its aircraft had struck the town and said its pilots had only hit "
    "military targets far from any residential area.",
]

PAGE = f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <title>Strike kills twelve in market | The Daily Example</title>
  <meta property="og:site_name" content="The Daily Example">
  <meta property="og:title" content="Strike kills twelve in market">
  <meta name="author" content="Jane Roe">
  <meta property="article:published_time" content="2015-12-23T08:30:00+00:00">
  <link rel="canonical" href="https://daily.example.org/world/strike-kills-twelve">
</head>
<body>
  <header><a href="/">Home</a> <a href="/world">World</a> <a href="/subscribe">Subscribe</a></header>
  <main><article>
    <h1>Strike kills twelve in market</h1>
    <p class="byline">By Jane Roe</p>
    {"".join(f"<p>{p}</p>" for p in PARAGRAPHS)}
    <p>Before you go: please support our journalism and become a member today. Readers like you count.</p>
    <p>Republish this story for free under our Creative Commons licence, as long as you credit us.</p>
  </article></main>
  <aside><h2>Most read</h2><ul><li><a href="/a">Celebrity wedding photos</a></li></ul></aside>
  <footer>Copyright 2015 The Daily Example. All rights reserved. Privacy policy. Cookie settings.</footer>
</body></html>"""


def test_article_text_and_metadata() -> None:
    page = extract_html(PAGE, "https://daily.example.org/world/strike-kills-twelve?utm=x")
    assert page is not None
    for paragraph in PARAGRAPHS:
        assert paragraph in page.text
    for noise in ("Subscribe", "Celebrity wedding", "Privacy policy", "support our journalism", "Republish"):
        assert noise not in page.text
    assert page.title == "Strike kills twelve in market"
    assert page.author == "Jane Roe"
    assert page.publisher == "The Daily Example"
    assert page.published == date(2015, 12, 23)
    assert page.canonical_url == "https://daily.example.org/world/strike-kills-twelve"
    assert page.language == "en"


def test_media_type_sniffing() -> None:
    assert sniff_media_type(PAGE) == HTML
    assert sniff_media_type("<!-- saved page -->\n<html><body>x</body></html>") == HTML
    assert sniff_media_type("Strike hits market\n\nThe <p> tag is HTML, a user wrote.") == PLAIN
    assert sniff_media_type("plain words", "text/html; charset=utf-8") == HTML


def test_language_guess() -> None:
    assert guess_language(" ".join(PARAGRAPHS)) == "en"
    french = (
        "Au moins douze civils ont été tués lorsque une frappe aérienne a touché le marché de la ville, "
        "selon les témoins et les responsables locaux qui ont parlé à la presse dans la soirée de lundi."
    )
    assert guess_language(french) == "fr"
    assert guess_language("Too short") is None
