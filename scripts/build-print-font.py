#!/usr/bin/python3
"""Builds the printout font under resources/fonts/ (run by hand; the result is committed).

Why: Chromium's PDF writer (Skia) embeds CFF-outlined OpenType fonts, such as the Noto Sans CJK
faces Debian ships, as Type 3 fonts: slow to write (seconds per slip) and poor in print drivers.
TrueType (glyf) outlines are embedded as real CID fonts (CIDFontType2). This script takes the
Simplified Chinese face of Noto Sans CJK (SIL OFL 1.1, Debian package fonts-noto-cjk), keeps the
GB 2312 repertoire plus ASCII, Latin-1, general and CJK punctuation and full-width forms, and
converts the cubic CFF outlines to quadratic TrueType ones. See docs/PRINTING.md.

Needs Debian packages fonts-noto-cjk and python3-fonttools:
  /usr/bin/python3 scripts/build-print-font.py
"""
import os
import sys

from fontTools.ttLib import TTCollection, newTable
from fontTools.subset import Subsetter, Options
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.pens.cu2quPen import Cu2QuPen

SRC = '/usr/share/fonts/opentype/noto/NotoSansCJK-{}.ttc'
OUT = os.path.join(os.path.dirname(__file__), '..', 'resources', 'fonts', 'FrontDeskPrint-{}.ttf')
SC_INDEX_NAME = 'Noto Sans CJK SC'


def repertoire():
    cps = set(range(0x20, 0x7F)) | set(range(0xA0, 0x100))
    cps |= set(range(0x2000, 0x2070))  # general punctuation (— ‘ ’ “ ” … ‰ ※)
    cps |= set(range(0x2100, 0x2200))  # letterlike (℃ № ™), number forms (Ⅰ Ⅱ)
    cps |= set(range(0x2190, 0x2200)) | set(range(0x2460, 0x2500))  # arrows, ①②
    cps |= set(range(0x2500, 0x2600))  # box drawing, ■□▲○●
    cps |= set(range(0x2600, 0x2700)) & {0x2605, 0x2606, 0x2610, 0x2611, 0x2612}  # ★☆☐☑☒
    cps |= {0x2713, 0x2714, 0x2717, 0x2718}  # ✓✔✗✘
    cps |= set(range(0x3000, 0x3040))  # CJK symbols and punctuation (、。〔〕【】)
    cps |= set(range(0x3200, 0x3300))  # enclosed CJK (㈠)
    cps |= set(range(0xFF00, 0xFFF0))  # full-width forms
    cps |= {0x00B7, 0x00D7, 0x00F7, 0x2014, 0x2026, 0x3007}
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                cps.add(ord(bytes([hi, lo]).decode('gb2312')))
            except UnicodeDecodeError:
                pass
    return cps


def to_truetype(font):
    glyph_order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyf = newTable('glyf')
    glyf.glyphOrder = glyph_order
    glyf.glyphs = {}
    for name in glyph_order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
        glyf[name] = pen.glyph()
    font['loca'] = newTable('loca')
    font['glyf'] = glyf
    del font['CFF ']
    if 'VORG' in font:
        del font['VORG']
    maxp = font['maxp']
    maxp.tableVersion = 0x00010000
    for attr in ('maxZones', 'maxTwilightPoints', 'maxStorage', 'maxFunctionDefs', 'maxInstructionDefs',
                 'maxStackElements', 'maxSizeOfInstructions', 'maxComponentElements'):
        setattr(maxp, attr, 0)
    maxp.maxZones = 1
    font['head'].indexToLocFormat = 1
    font['head'].glyphDataFormat = 0
    post = font['post']
    post.formatType = 3.0  # no glyph names: smaller, and CID fonts have none worth keeping
    font.sfntVersion = '\x00\x01\x00\x00'
    gasp = newTable('gasp')
    gasp.gaspRange = {0xFFFF: 0x000A}
    font['gasp'] = gasp


def rename(font, weight):
    family = 'FrontDesk Print'
    names = font['name']
    keep = []
    for rec in names.names:
        if rec.nameID in (0, 7, 11, 12, 13, 14):  # copyright, trademark, URLs, licence: kept as in Noto
            keep.append(rec)
    names.names = keep
    style = 'Bold' if weight == 'Bold' else 'Regular'
    for nid, text in ((1, family), (2, style), (3, f'{family} {style}; derived from Noto Sans CJK SC'),
                      (4, f'{family} {style}'), (5, 'Version 1.0; subset of Noto Sans CJK SC 2.004'),
                      (6, f'FrontDeskPrint-{style}')):
        names.setName(text, nid, 3, 1, 0x409)
    font['OS/2'].usWeightClass = 700 if weight == 'Bold' else 400
    font['OS/2'].fsType = 0


def build(weight):
    ttc = TTCollection(SRC.format(weight))
    font = next(f for f in ttc.fonts if f['name'].getDebugName(1).startswith(SC_INDEX_NAME))
    opts = Options()
    opts.layout_features = []  # horizontal text only; alternates would double the size
    opts.name_IDs = ['*']
    opts.notdef_outline = True
    opts.hinting = False
    opts.desubroutinize = True
    opts.drop_tables += ['VORG', 'vhea', 'vmtx', 'BASE', 'DSIG']
    sub = Subsetter(opts)
    sub.populate(unicodes=repertoire())
    sub.subset(font)
    to_truetype(font)
    rename(font, weight)
    out = os.path.abspath(OUT.format(weight))
    font.save(out)
    print(out, os.path.getsize(out), 'bytes,', len(font.getGlyphOrder()), 'glyphs')


if __name__ == '__main__':
    for w in sys.argv[1:] or ['Regular', 'Bold']:
        build(w)
