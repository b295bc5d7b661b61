"""Reading-level figures behave the way an editor expects."""

from __future__ import annotations

from kiosk.content.readability import measure, sentences, word_count


def test_lines_and_full_stops_both_end_sentences() -> None:
    text = "A heading\nOne sentence. Two sentence! Three?\nan item"

    assert sentences(text) == ["A heading", "One sentence.", "Two sentence!", "Three?", "an item"]


def test_lists_without_full_stops_do_not_inflate_the_grade() -> None:
    items = "\n".join(f"item number {n} in a list of things to bring" for n in range(12))

    assert measure(items).grade < 6


def test_simple_text_reads_easier_than_dense_text() -> None:
    simple = measure("Your nerves can send more pain signals. This can make pain feel worse.")
    dense = measure(
        "Neuroplasticity-mediated hypersensitization characterizes nociplastic "
        "presentations, necessitating comprehensive multidisciplinary interventions."
    )

    assert simple.grade < 8 < dense.grade


def test_words_are_counted_like_a_person_would() -> None:
    assert word_count("It's a well-known 6-step plan.") == 5
    assert measure("").words == 0
