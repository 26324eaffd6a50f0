#!/usr/bin/env python3
"""Check testdata/extractors/realstyle.jsonl.

Every line must parse, ids are unique, every raw is an exact substring of its
text, kinds/units/qualifiers are from the policy, derived cuts equal
(from - to) / from * 100 rounded to 4 decimals, and every stated value is one
of the numbers written in raw (Arabic, full-width, thousands separators,
spaced thousands, Chinese numerals in either script, 万/亿 multipliers).
Prints the count of texts per class named in `covers`.

    python3 testdata/extractors/realstyle_check.py [path]
"""
import collections, json, os, re, sys

KINDS = {"road_length": "km", "investment": "CNY", "funding": "CNY", "time_cut": "%", "material_cut": "%"}
QUALS = {"", "approx", "over", "under"}
DIG = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5,
       "六": 6, "七": 7, "八": 8, "九": 9}
SMALL = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
TENS = {"廿": 20, "卅": 30, "卌": 40}
BIG = [("亿", 1e8), ("億", 1e8), ("万", 1e4), ("萬", 1e4)]
RUN = re.compile(r"[0-9.零〇○一二两兩三四五六七八九十拾百佰千仟廿卅卌万萬亿億]+")


def normalize(s):
    s = "".join(chr(ord(c) - 0xFEE0) if "０" <= c <= "９" else c for c in s)
    s = s.replace("．", ".").replace("點", ".").replace("点", ".").replace("％", "%").replace("，", ",")
    s = re.sub(r"(?<=\d),(?=\d{3}(?!\d))", "", s)          # 2,520 -> 2520
    s = re.sub(r"(?<=\d)[ \u00a0\u2009](?=\d{3}(?!\d))", "", s)  # 1 000 -> 1000
    s = re.sub(r"(?<=\d)[ \u00a0\u2009]+(?=[万萬亿億])", "", s)  # 4.7 亿 -> 4.7亿
    return s


def parse_section(s):
    """A run without 万/亿: Arabic, Chinese with 十百千, or digit by digit."""
    if s == "":
        return 1.0
    if re.fullmatch(r"\d+(\.\d+)?", s):
        return float(s)
    ip, _, fp = s.partition(".")
    frac = 0.0
    if fp:
        ds = "".join(str(DIG[c]) if c in DIG else c for c in fp)
        if not ds.isdigit():
            raise ValueError(s)
        frac = float("0." + ds)
    if ip and not any(c in SMALL or c in TENS for c in ip):
        ds = "".join(str(DIG[c]) if c in DIG else c for c in ip)  # 一七四三 -> 1743
        if not ds.isdigit():
            raise ValueError(s)
        return float(ds) + frac
    total, cur, i = 0.0, None, 0
    while i < len(ip):
        c = ip[i]
        if c.isdigit():
            j = i
            while j < len(ip) and ip[j].isdigit():
                j += 1
            cur = float(ip[i:j]); i = j; continue
        if c in DIG:
            cur = float(DIG[c])
        elif c in TENS:
            total += TENS[c]; cur = None
        elif c in SMALL:
            total += (1.0 if cur is None else cur) * SMALL[c]; cur = None
        else:
            raise ValueError(s)
        i += 1
    if cur is not None:
        total += cur
    return total + frac


def parse_run(s):
    for ch, mul in BIG:  # 亿 before 万
        if ch in s:
            head, _, tail = s.partition(ch) if mul == 1e4 else s.rpartition(ch)
            hv = parse_run(head) if head else 1.0
            return hv * mul + (parse_run(tail) if tail else 0.0)
    return parse_section(s)


def numbers(raw):
    out = []
    for m in re.finditer(r"([0-9一二两三四五六七八九十])成", normalize(raw)):  # 三成 = 30%
        out.append(parse_run(m.group(1)) * 10)
    if "一半" in raw:  # verbal fraction
        out.append(50.0)
    for m in re.finditer(r"([0-9一二两兩三四五六七八九十]+)[个個]半", normalize(raw)):  # 2个半小时 = 2.5
        out.append(parse_run(m.group(1)) + 0.5)
    for m in RUN.finditer(normalize(raw)):
        r = m.group(0).strip(".")
        # also try every suffix/prefix trimmed of leading words such as 一件事
        for a in range(len(r)):
            for b in range(len(r), a, -1):
                try:
                    out.append(parse_run(r[a:b]))
                except (ValueError, KeyError):
                    pass
    return out


def close(a, b):
    return abs(a - b) <= max(1e-6, 1e-6 * abs(b))


def main(path):
    errs, ids = [], set()
    per_class, per_kind = collections.Counter(), collections.Counter()
    trad = empty = mixed = 0
    n = 0
    for ln, line in enumerate(open(path, encoding="utf-8"), 1):
        n += 1
        try:
            d = json.loads(line)
        except ValueError as ex:
            errs.append(f"line {ln}: bad JSON: {ex}"); continue
        where = f"{d.get('id')} (line {ln})"
        if d["id"] in ids:
            errs.append(f"{where}: duplicate id")
        ids.add(d["id"])
        for c in d["covers"].split(";"):
            per_class[c.strip()] += 1
        if not d["figures"]:
            empty += 1
        elif any(c.strip().startswith("neg-") for c in d["covers"].split(";")):
            mixed += 1
        if "trad" in d["covers"]:
            trad += 1
        for f in d["figures"]:
            per_kind[(f["kind"], f.get("optional", False))] += 1
            if f["kind"] not in KINDS or KINDS[f["kind"]] != f["unit"]:
                errs.append(f"{where}: bad kind/unit {f['kind']} {f['unit']}")
            if f["qualifier"] not in QUALS:
                errs.append(f"{where}: bad qualifier {f['qualifier']!r}")
            if not isinstance(f.get("optional"), bool):
                errs.append(f"{where}: optional must be true/false")
            if f["raw"] not in d["text"]:
                errs.append(f"{where}: raw not in text: {f['raw']!r}")
            elif d["text"].count(f["raw"]) > 1:
                errs.append(f"{where}: raw occurs more than once, ambiguous span: {f['raw']!r}")
            nums = numbers(f["raw"])
            if f.get("derived"):
                a, b = f["from"], f["to"]
                if round((a - b) / a * 100, 4) != f["value"]:
                    errs.append(f"{where}: derived value {f['value']} != ({a}-{b})/{a}*100")
                if f["qualifier"] != "":
                    errs.append(f"{where}: derived cut keeps qualifier ''")
                # minutes/hours pairs may be converted; others must be written in raw
                for v in (a, b):
                    if f.get("from_to_unit") == "minute":
                        ok = any(close(v, x) or close(v, x * 60) for x in nums) or v == 0
                    else:
                        ok = any(close(v, x) for x in nums) or (v == b and b in (0, 1))
                    if not ok:
                        errs.append(f"{where}: {v} not written in raw {f['raw']!r}")
            else:
                if not any(close(f["value"], x) for x in nums):
                    errs.append(f"{where}: value {f['value']} not written in raw {f['raw']!r} (read {nums[:8]})")
            if f["unit"] == "%" and not 0 <= f["value"] <= 100:
                errs.append(f"{where}: percent out of range")
    for e in errs:
        print("ERROR", e)
    print(f"{n} texts, {trad} in traditional script, {empty} with no figure, {mixed} mixing figures with negative cues")
    for (k, o), c in sorted(per_kind.items()):
        print(f"  {k:13s} {'optional' if o else 'required'} {c}")
    for c, k in sorted(per_class.items()):
        print(f"  {c:32s} {k}")
    return 1 if errs else 0


if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "realstyle.jsonl")))
