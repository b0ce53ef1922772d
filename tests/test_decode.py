from __future__ import annotations

import codecs
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaners.decode import decode_html, looks_binary

WESTERN = "Le café “Chez Noël” — déjà vu, naïve façade, 10 € la pièce. " * 4
CYRILLIC = "Привет, мир! Это новостная статья о погоде в Москве. " * 4
JAPANESE = "東京で新しい美術館が開館しました。多くの人が訪れています。" * 4


def page(body: str, head: str = "") -> str:
    return f"<html><head>{head}</head><body><p>{body}</p></body></html>"


@pytest.mark.parametrize(
    ("bom", "encoding"),
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
    ],
)
def test_bom_wins_over_every_declaration(bom: bytes, encoding: str) -> None:
    html = page(WESTERN, '<meta charset="iso-8859-5">')
    assert decode_html(bom + html.encode(encoding), charset="koi8-r") == html


def test_http_charset_is_used_when_the_bytes_agree() -> None:
    html = page(CYRILLIC)
    assert decode_html(html.encode("koi8-r"), charset="koi8-r") == html


def test_meta_charset_is_used_when_no_http_charset() -> None:
    for head in ('<meta charset="windows-1251">', '<meta http-equiv="Content-Type" '
                 'content="text/html; charset=windows-1251">'):
        html = page(CYRILLIC, head)
        assert decode_html(html.encode("cp1251")) == html


def test_http_charset_beats_meta_charset() -> None:
    html = page(CYRILLIC, '<meta charset="windows-1251">')
    assert decode_html(html.encode("koi8-r"), charset="koi8-r") == html


def test_latin1_label_over_utf8_bytes_gives_utf8() -> None:
    html = page(WESTERN, '<meta charset="iso-8859-1">')
    assert decode_html(html.encode("utf-8"), charset="ISO-8859-1") == html


def test_utf8_label_over_windows_1252_bytes_gives_windows_1252() -> None:
    html = page(WESTERN, '<meta charset="utf-8">')
    assert decode_html(html.encode("cp1252"), charset="utf-8") == html


def test_latin1_label_reads_curly_quotes_as_browsers_do() -> None:
    html = page(WESTERN, '<meta charset="iso-8859-1">')
    assert decode_html(html.encode("cp1252")) == html


def test_unknown_charset_falls_through_to_meta() -> None:
    html = page(CYRILLIC, '<meta charset="windows-1251">')
    assert decode_html(html.encode("cp1251"), charset="x-no-such-charset") == html


def test_meta_utf16_label_means_utf8() -> None:
    html = page(WESTERN, '<meta charset="utf-16">')
    assert decode_html(html.encode("utf-8")) == html


@pytest.mark.parametrize(
    ("text", "encoding"), [(WESTERN, "cp1252"), (CYRILLIC, "cp1251"), (JAPANESE, "shift_jis")]
)
def test_undeclared_legacy_encodings_are_detected(text: str, encoding: str) -> None:
    html = page(text)
    assert decode_html(html.encode(encoding)) == html


def test_utf8_with_a_few_stray_bytes_stays_utf8() -> None:
    data = page(JAPANESE * 10).encode("utf-8") + b"<p>caf\xe9</p>"
    decoded = decode_html(data)
    assert JAPANESE in decoded
    assert decoded.endswith("<p>caf\ufffd</p>")


def test_declared_utf8_with_stray_legacy_bytes_keeps_its_utf8_quotes() -> None:
    """Pasted text: an entity, then the raw bytes of a curly quote in another encoding,
    on a page whose every other quote is UTF-8. As a browser shows it: the stray bytes
    are replacement characters, and no quote of the page turns into mojibake."""
    text = "<p>NBC\u2019s president said \u2018archery\u2019 is the new curling.</p>" * 5
    data = (page(text, '<meta charset="utf-8">').encode("utf-8")
            + b"<p>NBC&acirc;\x80\x99s Olympics call</p>" * 3)
    decoded = decode_html(data)
    assert text in decoded
    assert decoded.endswith("<p>NBC&acirc;\ufffd\ufffds Olympics call</p>")


def test_empty_input_gives_empty_text() -> None:
    assert decode_html(b"") == ""


def test_twenty_megabytes_decode_quickly() -> None:
    data = page("x" * 100).encode() * 140_000 + WESTERN.encode("cp1252")
    assert len(data) > 20_000_000
    started = time.perf_counter()
    decoded = decode_html(data)
    assert time.perf_counter() - started < 5
    assert decoded.endswith(WESTERN)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=3000), st.one_of(st.none(), st.text(max_size=20)))
def test_decode_never_raises_and_returns_text(data: bytes, charset: str | None) -> None:
    assert isinstance(decode_html(data, charset), str)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=500))
def test_utf8_text_round_trips(text: str) -> None:
    assert decode_html(text.encode("utf-8")) == text.removeprefix("\ufeff")


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >>",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        b"\x1f\x8b\x08\x00" + bytes(range(200)),
        b"<html>\x00<body>",
        bytes(range(1, 32)) * 20,
    ],
)
def test_binary_bodies_are_recognised(data: bytes) -> None:
    assert looks_binary(data)


@pytest.mark.parametrize(
    "data",
    [
        b"",
        page(JAPANESE).encode("shift_jis"),
        page(WESTERN).encode("cp1252"),
        codecs.BOM_UTF16_LE + page(WESTERN).encode("utf-16-le"),
        b"<html>\t<body>\r\n<p>form\x0cfeed</p>",
    ],
)
def test_text_bodies_are_not_binary(data: bytes) -> None:
    assert not looks_binary(data)


@pytest.mark.parametrize(("label", "encoding", "text"), [
    ("utf-16le", "utf-16-le", WESTERN), ("utf-16be", "utf-16-be", WESTERN),
    ("utf-16", "utf-16-le", WESTERN),  # as browsers read the bare label
    ("utf-16le", "utf-16-le", JAPANESE * 8),  # only the tags are ASCII
])
def test_utf16_without_a_bom_is_text_when_its_charset_says_so(label: str, encoding: str,
                                                              text: str) -> None:
    data = page(text).encode(encoding)
    assert looks_binary(data)  # NULs, and nothing says why
    assert not looks_binary(data, label)
    assert text in decode_html(data, label)
    assert text in decode_html(data + b"\n", label)  # cut at an odd byte


def test_a_utf16_label_over_bytes_without_a_nul_is_a_mislabel() -> None:
    data = page(WESTERN).encode("utf-8")
    assert not looks_binary(data, "utf-16")
    assert decode_html(data, "utf-16") == data.decode("utf-8")


def test_junk_under_a_utf16_label_is_still_binary() -> None:
    assert looks_binary(bytes(range(256)) * 8, "utf-16le")


@pytest.mark.parametrize("label", ["punycode", "idna", "utf-7", "unicode_escape",
                                   "raw_unicode_escape", "utf-32"])
def test_charsets_no_browser_decodes_are_skipped(label: str) -> None:
    body = page(WESTERN).encode("utf-8")
    declared = page(WESTERN, f'<meta charset="{label}">').encode("utf-8")
    assert decode_html(body, label) == body.decode("utf-8")
    assert WESTERN in decode_html(declared)


def test_a_page_declaring_punycode_is_not_fed_to_the_punycode_decoder() -> None:
    # After the last hyphen, letters and digits are punycode deltas: Python's
    # decoder took seconds per 100 KB of them.
    data = b'<meta charset="punycode">-' + b"abcdefghij" * 10_000
    for charset in ("punycode", None):
        started = time.monotonic()
        assert decode_html(data, charset) == data.decode("ascii")
        assert time.monotonic() - started < 0.5
