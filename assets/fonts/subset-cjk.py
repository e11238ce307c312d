#!/usr/bin/env python3
"""Writes assets/fonts/cjk/: Noto Sans CJK cut into small WOFF pieces that troika's 3D text fetches only for the
Chinese characters it draws, laid out as the unicode-font-resolver data troika reads from `unicodeFontsURL`
(codepoint-index/plane0/<block>.json, font-meta/<id>.json, font-files/<id>/sans-serif.normal.400.woff).

Two scripts: Traditional (Noto Sans CJK TC; Big5's 5,401 common characters) for lang zh-Hant, Simplified (Noto Sans
CJK SC; GB2312's 3,755 level-one characters) for every other lang; both also hold every Han character in the
repository's texts and content, and the CJK punctuation and full-width forms. Each piece holds CHUNK characters in
code-point order (about 25 KB). Needs fonttools and fonts-noto-cjk: apt-get install python3-fonttools fonts-noto-cjk.
Run from anywhere: /usr/bin/python3 assets/fonts/subset-cjk.py
"""
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
OUT = HERE / 'cjk'
SOURCE = Path(os.environ.get('NOTO_CJK', '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'))
CHUNK = 128
# Collection indexes in NotoSansCJK-Regular.ttc: 2 = SC, 3 = TC.
SCRIPTS = [('hant', 3, '^zh-Hant'), ('hans', 2, '')]
PUNCTUATION = [*range(0x3000, 0x3040), *range(0xFF01, 0xFF66)]
HAN = re.compile('[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]')


def legacy_charset(codec, rows, cells, before=None):
    """Every character a double-byte legacy set encodes in these lead and trail bytes."""
    found = set()
    for lead in rows:
        for trail in cells:
            raw = bytes([lead, trail])
            if before and raw >= before:
                continue
            try:
                found.add(ord(raw.decode(codec)))
            except UnicodeDecodeError:
                pass
    return found


def repository_han():
    """Han characters in the repository's own texts and content (locale files, shared content)."""
    found = set()
    for root in ('client', 'shared', 'server'):
        for path in (REPO / root).rglob('*.ts*'):
            found.update(ord(c) for c in HAN.findall(path.read_text(encoding='utf-8')))
    return found


def covered(collection_index):
    from fontTools.ttLib import TTFont

    font = TTFont(str(SOURCE), fontNumber=collection_index, lazy=True)
    return set(font.getBestCmap())


def ranges(codes):
    """Sorted code points as the resolver's range list: '4e00,4e01-4e05'."""
    parts, start, prev = [], None, None
    for code in sorted(codes):
        if start is not None and code == prev + 1:
            prev = code
            continue
        if start is not None:
            parts.append(f'{start:x}' if start == prev else f'{start:x}-{prev:x}')
        start = prev = code
    if start is not None:
        parts.append(f'{start:x}' if start == prev else f'{start:x}-{prev:x}')
    return ','.join(parts)


def bits(codes):
    """A 256-code block's membership as the resolver encodes it: six bits per character, offset by '0'."""
    cells = [0] * 43
    for code in codes:
        low = code & 255
        cells[low // 6] |= 1 << (low % 6)
    return ''.join(chr(48 + cell) for cell in cells)


def main():
    common = {
        'hans': legacy_charset('gb2312', range(0xB0, 0xD8), range(0xA1, 0xFF)),
        'hant': legacy_charset('big5', range(0xA4, 0xC7), [*range(0x40, 0x7F), *range(0xA1, 0xFF)], b'\xc6\x7f'),
    }
    own = repository_han()
    shutil.rmtree(OUT, ignore_errors=True)
    index = {}  # block start -> {lang key -> {font id -> [codes]}}
    total = 0
    for script, number, lang in SCRIPTS:
        codes = sorted((common[script] | own | set(PUNCTUATION)) & covered(number))
        for n in range(0, len(codes), CHUNK):
            piece = codes[n : n + CHUNK]
            font_id = f'{script}-{n // CHUNK:02d}'
            files = OUT / 'font-files' / font_id
            files.mkdir(parents=True)
            woff = files / 'sans-serif.normal.400.woff'
            subprocess.run(
                [sys.executable, '-m', 'fontTools.subset', str(SOURCE), f'--font-number={number}',
                 f'--unicodes={",".join(f"{c:x}" for c in piece)}', '--no-hinting', '--layout-features=',
                 '--name-IDs=0,1,2,3,4,5,6', '--flavor=woff', f'--output-file={woff}'],
                check=True,
            )
            total += woff.stat().st_size
            meta = {'id': font_id, 'typeforms': {'sans-serif': {'normal': [400]}}, 'ranges': ranges(piece)}
            write_json(OUT / 'font-meta' / f'{font_id}.json', [1, meta])
            for code in piece:
                index.setdefault(code & ~255, {}).setdefault(lang, {}).setdefault(font_id, []).append(code)
        print(f'{script}: {len(codes)} characters in {(len(codes) + CHUNK - 1) // CHUNK} pieces')
    for block, langs in index.items():
        ordered = {lang: {fid: bits(c) for fid, c in langs[lang].items()} for _, _, lang in SCRIPTS if lang in langs}
        write_json(OUT / 'codepoint-index' / 'plane0' / f'{block:x}-{block + 255:x}.json', [1, ordered])
    # Troika sends the spaces and line breaks between Chinese runs too: their block must answer, with no font.
    if 0 not in index:
        write_json(OUT / 'codepoint-index' / 'plane0' / '0-ff.json', [1, {}])
    # A character no piece holds resolves to 'latin': the first Simplified piece draws its missing-glyph box.
    fallback = {'id': 'hans-00', 'typeforms': {'sans-serif': {'normal': [400]}}, 'ranges': ''}
    write_json(OUT / 'font-meta' / 'latin.json', [1, fallback])
    print(f'{total // 1024} KB of WOFF in {OUT.relative_to(REPO)}')


def write_json(path, value):
    """Every resolver file is [schema version 1, data]."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(value, ensure_ascii=False, separators=(',', ':')) + '\n', encoding='utf-8')


if __name__ == '__main__':
    main()
