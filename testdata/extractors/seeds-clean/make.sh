#!/usr/bin/env bash
# Rebuilds testdata/extractors/seeds-clean/*.txt from testdata/seeds/*.txt.
# Development inputs only: stand-ins for the pipeline's mojibake, pinyin and
# OpenCC stages, which are built elsewhere. Needs Debian's opencc (1.1.6).
#   1. mojibake: the damaged headings of seed 002 are replaced by the "best
#      recoverable text" column of testdata/seeds/mojibake-cases.tsv (literal
#      string replacement, so no other byte changes).
#   2. pinyin: inline annotations such as "(jīngjiǎn)" are removed with a regex
#      that only matches parenthesised runs of lowercase Latin letters holding at
#      least one tone-marked vowel (so "(投稿邮箱dzrb1939@qq.com)" stays),
#      plus a few toneless neutral-tone syllables right after a Han character.
#   3. opencc -c t2s.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
seeds="$here/../../seeds"
for f in "$seeds"/*.txt; do
  python3 - "$f" "$seeds/mojibake-cases.tsv" <<'PY' | opencc -c t2s > "$here/$(basename "$f")"
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[2], encoding="utf-8")][1:]
for row in rows:
    if len(row) >= 3 and row[1] in text:
        text = text.replace(row[1], row[2])
tone = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
text = re.sub(r"\((?=[a-zü%s]*[%s])[a-zü%s]+\)" % (tone, tone, tone), "", text)
# neutral-tone syllables carry no tone mark: "的(de)"
neutral = r"(?<=[\u4e00-\u9fff])\((?:de|le|men|zi|me|ne|ma|ba|zhe)\)"
while re.search(neutral, text):
    text = re.sub(neutral, "", text)
sys.stdout.write(text)
PY
done

# labels-clean.json: labels.json with raw and subject put through the same
# pinyin removal and t2s, so tests can compare spans of the clean text.
python3 - "$seeds/labels.json" > "$here/labels-clean.json" <<'PY'
import json, re, subprocess, sys
tone = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
def clean(s):
    s = re.sub(r"\((?=[a-zü%s]*[%s])[a-zü%s]+\)" % (tone, tone, tone), "", s)
    return subprocess.run(["opencc", "-c", "t2s"], input=s, capture_output=True, text=True, check=True).stdout
docs = json.load(open(sys.argv[1], encoding="utf-8"))
for d in docs:
    for f in d["figures"]:
        f["raw"] = clean(f["raw"])
        if "subject" in f:
            f["subject"] = clean(f["subject"])
json.dump(docs, sys.stdout, ensure_ascii=False, indent=1)
print()
PY
