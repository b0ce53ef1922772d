"""Turn the bytes of a fetched page into text, and tell binary bodies from web pages.

The order follows what browsers do (the WHATWG encoding sniffing steps), with one
addition browsers cannot afford but a crawler can: a declared charset is checked
against the bytes, and a declaration that lies (bytes that do not decode in it, or a
legacy charset over bytes that are plainly UTF-8) falls through to the next step
instead of producing mojibake. Nothing here raises.
"""

from __future__ import annotations

import codecs
import re

import charset_normalizer

# utf-32 before utf-16: the UTF-32-LE mark starts with the UTF-16-LE one.
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Browsers read these labels as windows-1252 (WHATWG encoding standard): pages that
# say latin-1 routinely contain 0x80-0x9F curly quotes and dashes.
_LABEL_ALIASES = {"latin-1": "cp1252", "iso8859-1": "cp1252", "ascii": "cp1252"}
# A <meta> can only be read because the page is ASCII-compatible, so a UTF-16/32
# label there is wrong by construction; browsers take it as UTF-8.
_META_WIDE_LABELS = ("utf-16", "utf-32")

# The encodings of the WHATWG Encoding Standard, which is every encoding a browser
# decodes a page in. Python knows many more labels (punycode, idna, utf-7,
# unicode_escape...): a page may declare them, but they are not how any page is
# written, and some take seconds per 100 KB in Python's decoder.
_WEB_ENCODINGS = frozenset(codecs.lookup(label).name for label in (
    "utf-8", "utf-16", "utf-16-le", "utf-16-be", "ibm866", "iso-8859-1", "iso-8859-2",
    "iso-8859-3", "iso-8859-4", "iso-8859-5", "iso-8859-6", "iso-8859-7", "iso-8859-8",
    "iso-8859-10", "iso-8859-13", "iso-8859-14", "iso-8859-15", "iso-8859-16", "koi8-r",
    "koi8-u", "mac-roman", "mac-cyrillic", "cp874", "cp1250", "cp1251", "cp1252", "cp1253",
    "cp1254", "cp1255", "cp1256", "cp1257", "cp1258", "gbk", "gb18030", "big5", "euc-jp",
    "iso-2022-jp", "shift_jis", "euc-kr", "ascii",
))

META_SCAN_BYTES = 4096
"""Where a <meta charset> must appear (the HTML spec says the first 1024 bytes; real
pages put long comments and scripts first, so allow more)."""

DETECTION_SAMPLE_BYTES = 32_768
"""charset-normalizer's cost grows with its input: it sees a bounded sample, so a
20 MB page decodes in the time of a 32 KB one plus one C-speed decode."""

DETECTION_CHAOS_MARGIN = 0.1
"""charset-normalizer cannot tell the Latin code pages apart on Western text (it will
say cp1250 or cp1257 for French); windows-1252, the web's common legacy encoding and
the browsers' default, wins among guesses this close to the best one."""
_WESTERN_DEFAULT = "cp1252"

UTF8_MAX_BAD_SHARE = 0.02
"""Bytes that are UTF-8 but for a few stray sequences (an ad or a pasted quote in
another encoding) are still UTF-8: up to this share of bad non-ASCII characters."""

DECLARED_UTF8_MAX_BAD_SHARE = 0.5
"""A page that says it is UTF-8 is read as UTF-8, as a browser reads it, while its valid
multibyte characters outnumber its bad bytes: a page pasted together from UTF-8 and
stray legacy text (``&acirc;`` then the raw bytes of a curly quote) loses the stray
bytes, not every quote on the page. A legacy page mislabelled UTF-8 has almost no
valid multibyte characters: detection reads it."""

_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([a-z0-9_.:-]+)""", re.I)
_NON_ASCII = re.compile(rb"[\x80-\xff]")

BINARY_SCAN_BYTES = 2048
BINARY_CONTROL_SHARE = 0.10
"""Text has almost no control characters besides tab, newline, form feed and carriage
return; images, archives and compressed bodies have many."""
WIDE_MIN_ASCII_SHARE = 0.02
"""The least share of ASCII in the head of a UTF-16 page: its tags at least, however
much of the rest is CJK. Random bytes read as UTF-16 give one character in 500."""
_CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\x0c\r\x1b") + b"\x7f"
# Formats whose first kilobytes can be free of NUL bytes.
_BINARY_SIGNATURES = (b"%PDF-", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x1f\x8b")


def decode_html(data: bytes, charset: str | None = None) -> str:
    """Decode a page: BOM, then ``charset`` (from HTTP), then ``<meta>``, then detection.

    A charset that Python or browsers do not know, or whose decoding of ``data``
    fails, is skipped. Bytes that are valid UTF-8 with multibyte characters are UTF-8 whatever a
    legacy charset label says. The last resort is UTF-8 with replacement characters.
    """
    if not data:
        return ""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    as_utf8 = _as_utf8(data)
    declared = (_codec_name(charset), _codec_name(_meta_charset(data), from_meta=True))
    for label in declared:
        if label is None or (label.startswith(_META_WIDE_LABELS)
                             and _as_wide_text(label, data[:BINARY_SCAN_BYTES]) is None):
            continue
        if as_utf8 is not None and (label == "utf-8" or not as_utf8.isascii()):
            return as_utf8  # UTF-8 as declared, or a legacy label over bytes plainly UTF-8
        if label == "utf-8":
            if (mostly := _as_utf8(data, DECLARED_UTF8_MAX_BAD_SHARE)) is not None:
                return mostly
            continue  # declared UTF-8, but the bytes are not
        try:  # a UTF-16 page cut at an odd byte still is one (the label was checked)
            wide = label.startswith(_META_WIDE_LABELS)
            return data.decode(label, errors="replace" if wide else "strict")
        except (UnicodeError, LookupError):  # "undefined", "rot13" and other non-text codecs
            continue
    if as_utf8 is not None:
        return as_utf8
    detected = _detect(data)
    if detected is not None:
        return data.decode(detected, errors="replace")
    return data.decode("utf-8", errors="replace")


def looks_binary(data: bytes, charset: str | None = None) -> bool:
    """True when ``data`` is plainly not a text document (image, PDF, archive, junk)."""
    head = data[:BINARY_SCAN_BYTES]
    if not head or any(head.startswith(bom) for bom, _ in _BOMS):
        return False
    if (wide := _as_wide_text(charset, head)) is not None:
        return looks_binary(wide.encode())
    if head.startswith(_BINARY_SIGNATURES) or b"\x00" in head:
        return True
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return controls / len(head) > BINARY_CONTROL_SHARE


def _as_wide_text(label: str | None, head: bytes) -> str | None:
    """``head`` decoded as the UTF-16 that ``label`` names, if it reads as a page in it:
    its markup is ASCII, so a good share of its characters are, and half its bytes NULs.
    A page without a NUL labelled UTF-16 is mislabelled; junk decodes to no ASCII."""
    name = _codec_name(label)
    if name is None or not name.startswith(_META_WIDE_LABELS) or b"\x00" not in head:
        return None
    text = head[: len(head) // 2 * 2].decode(name, errors="replace")
    return text if sum(map(str.isascii, text)) >= WIDE_MIN_ASCII_SHARE * len(text) else None


def _as_utf8(data: bytes, max_bad_share: float = UTF8_MAX_BAD_SHARE) -> str | None:
    """``data`` as UTF-8 if it is UTF-8 (allowing a share of stray bytes), else None."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors="replace")
    non_ascii = len(text) - len(text.encode("ascii", errors="ignore"))
    bad = text.count("\ufffd")
    return text if bad <= max_bad_share * non_ascii else None


def _meta_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data, 0, META_SCAN_BYTES)
    return match.group(1).decode("ascii") if match else None


def _codec_name(label: str | None, *, from_meta: bool = False) -> str | None:
    """Python's codec name for a charset label, or None if it is unknown or no
    browser's (``_WEB_ENCODINGS``)."""
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().strip("\"'")).name
    except (LookupError, ValueError):
        return None
    if from_meta and name.startswith(_META_WIDE_LABELS):
        return "utf-8"
    if name not in _WEB_ENCODINGS:
        return None
    return _LABEL_ALIASES.get(name, name)


def _detect(data: bytes) -> str | None:
    """charset-normalizer's guess from a sample that starts near the first non-ASCII byte.

    Markup is ASCII in every encoding that matters; a sample of it alone would be
    called ASCII, so the sample is taken where the text that tells encodings apart is.
    """
    first = _NON_ASCII.search(data)
    start = max(0, first.start() - 256) if first else 0
    matches = charset_normalizer.from_bytes(data[start : start + DETECTION_SAMPLE_BYTES])
    best = matches.best()
    if best is None:
        return None
    for match in matches:
        close = match.chaos <= best.chaos + DETECTION_CHAOS_MARGIN
        if close and _WESTERN_DEFAULT in match.could_be_from_charset:
            return _WESTERN_DEFAULT
    try:
        return codecs.lookup(best.encoding).name
    except LookupError:
        return None
