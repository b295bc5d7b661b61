"""The loader finds every kind of error, with the file and line to fix."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kiosk.content import BundleError, Severity, load_bundle, read_bundle
from tests.conftest import MakeBundle


def test_good_bundle_loads_into_the_model(make_bundle: MakeBundle) -> None:
    bundle = load_bundle(make_bundle())

    assert bundle.id == "test-clinic"
    assert bundle.version == 3
    assert bundle.clinic.phones[0].number == "(518) 555-0100"
    assert bundle.tour == ("intro", "details")
    assert bundle.topic("basics").pages == ("intro", "details")
    intro = bundle.pages["intro"]
    assert intro.title == "Introduction"
    assert intro.last_reviewed == dt.date(2026, 10, 1)
    assert intro.references == ("study-2020",)
    assert bundle.references["study-2020"].citation.startswith("A study of things")


def test_model_cannot_be_changed(make_bundle: MakeBundle) -> None:
    bundle = load_bundle(make_bundle())

    with pytest.raises(AttributeError):
        bundle.version = 4  # type: ignore[misc]
    with pytest.raises(TypeError):
        bundle.pages["x"] = bundle.pages["intro"]  # type: ignore[index]


@pytest.mark.parametrize(
    ("overlay", "where", "fragment"),
    [
        ("bad-yaml", "pages/intro.md:4", "front matter is not valid YAML"),
        ("no-front-matter", "pages/intro.md:1", "must start with '---'"),
        ("unknown-topic", "pages/details.md:4", "unknown topic 'basiks'"),
        ("missing-tour-page", "bundle.toml:15", "the tour names missing page 'summary'"),
        ("missing-topic-page", "bundle.toml:28", "topic 'more' names missing page 'appendix'"),
        ("broken-link", "pages/details.md:14", "broken link: there is no page 'appendix'"),
        ("missing-image", "pages/details.md:14", "image 'media/chart.svg' not found"),
        ("no-alt-text", "pages/details.md:14", "has no alt text"),
        ("duplicate-page", "pages/more/intro.md:1", "duplicate page id 'intro'"),
        ("missing-fields", "pages/details.md:1", "front matter is missing 'title'"),
        ("missing-fields", "pages/details.md:1", "front matter is missing 'summary'"),
        ("missing-fields", "pages/details.md:1", "front matter is missing 'last_reviewed'"),
        ("bad-date", "pages/details.md:5", "'last_reviewed' in front matter must be a date"),
        ("unknown-reference", "pages/details.md:10", "unknown reference 'study-2031'"),
        ("bad-toml", "bundle.toml:3", "not valid TOML"),
        ("missing-icon", "bundle.toml:20", "icon 'media/no-such-icon.svg' not found"),
        ("bad-bundle-fields", "bundle.toml:2", "bundle 'id' must be lower-case"),
        ("bad-bundle-fields", "bundle.toml:4", "'version' in [bundle] must be a whole number"),
        ("bad-bundle-fields", "bundle.toml:5", "'language' 'English' is not a language tag"),
        ("bad-bundle-fields", "bundle.toml:1", "[bundle] is missing 'min_app_version'"),
        ("bad-bundle-fields", "bundle.toml:7", "[clinic] is missing 'address'"),
    ],
)
def test_each_error_is_reported_at_its_line(
    make_bundle: MakeBundle, overlay: str, where: str, fragment: str
) -> None:
    root = make_bundle(overlay)

    with pytest.raises(BundleError) as caught:
        load_bundle(root)

    lines = [str(p) for p in caught.value.problems]
    expected = f"{root / where.split(':')[0]}:{where.split(':')[1]}: error: "
    assert any(line.startswith(expected) and fragment in line for line in lines), lines


def test_all_problems_are_reported_at_once(make_bundle: MakeBundle) -> None:
    root = make_bundle("missing-fields")
    (root / "pages" / "intro.md").write_text("no front matter\n", encoding="utf-8")

    result = read_bundle(root)

    assert result.bundle is None
    files = {Path(p.path).name for p in result.problems if p.severity is Severity.ERROR}
    assert files == {"intro.md", "details.md"}
    assert len([p for p in result.problems if "is missing" in p.message]) == 3


def test_several_problems_on_one_line_are_all_reported(make_bundle: MakeBundle) -> None:
    root = make_bundle()
    page = root / "pages" / "details.md"
    page.write_text(
        page.read_text(encoding="utf-8") + "\n![](media/x.svg) ![a](http://x/y.png) [b](c.md)\n",
        encoding="utf-8",
    )

    with pytest.raises(BundleError) as caught:
        load_bundle(root)

    assert [p.line for p in caught.value.problems] == [14, 14, 14]


def test_a_folder_that_is_not_a_bundle_gets_one_clear_message(tmp_path: Path) -> None:
    with pytest.raises(BundleError) as caught:
        load_bundle(tmp_path / "nowhere")

    assert [p.message for p in caught.value.problems] == [
        "no such folder: give the folder that holds bundle.toml"
    ]


def test_a_page_that_is_not_utf8_is_reported(make_bundle: MakeBundle) -> None:
    root = make_bundle()
    (root / "pages" / "details.md").write_bytes(b"---\ntitle: Caf\xe9\n---\n")

    with pytest.raises(BundleError, match=r"details\.md:1: error: not UTF-8 text"):
        load_bundle(root)


def test_public_url_must_be_https(make_bundle: MakeBundle) -> None:
    root = make_bundle()
    page = root / "pages" / "details.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("topic: basics", "public_url: javascript:x"), encoding="utf-8")

    with pytest.raises(BundleError, match=r"details\.md:4: error: 'public_url' must be"):
        load_bundle(root)


def test_warnings_do_not_stop_a_bundle_from_loading(make_bundle: MakeBundle) -> None:
    root = make_bundle()
    details = root / "pages" / "details.md"
    details.write_text(
        details.read_text(encoding="utf-8") + "\nSee <https://example.org> for more.\n",
        encoding="utf-8",
    )

    result = read_bundle(root)

    assert result.bundle is not None
    assert [p.severity for p in result.problems] == [Severity.WARNING]
    assert "the kiosk is offline" in result.problems[0].message


def test_a_folder_the_reader_may_not_open_is_named_not_raised(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "content"
    is_dir = Path.is_dir

    def refused(path: Path) -> bool:  # as root, chmod cannot lock a test out
        if path == root:  # only this folder: other threads of the test run go on as usual
            raise PermissionError(13, "Permission denied", str(path))
        return is_dir(path)

    monkeypatch.setattr(Path, "is_dir", refused)

    with pytest.raises(BundleError) as caught:
        load_bundle(tmp_path / "content")

    assert [str(p) for p in caught.value.problems] == [
        f"{tmp_path / 'content'}:1: error: cannot read: Permission denied"
    ]


def test_an_image_name_too_long_for_the_disk_is_a_problem_on_its_line(
    make_bundle: MakeBundle,
) -> None:
    root = make_bundle()
    page = root / "pages" / "intro.md"
    lines = page.read_text(encoding="utf-8").splitlines()
    page.write_text("\n".join([*lines, "", f"![x](media/{'a' * 300}.png)", ""]), "utf-8")

    result = read_bundle(root)

    assert result.bundle is None  # an error, and the rest of the bundle still checked
    [problem] = result.problems
    assert (problem.path, problem.line) == (str(page), len(lines) + 2)
    assert problem.message.endswith("cannot be used: File name too long")
