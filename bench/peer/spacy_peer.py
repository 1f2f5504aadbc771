"""The spaCy peer of tally-bench: the pipeline a Python analyst would write.

A blank English pipeline (no statistical model), the rule-based
`sentencizer`, an `EntityRuler` over every lexicon phrase (exported by
`tally-bench patterns`, matched case-insensitively like tally's lexicon),
and a `Matcher` for figures: number tokens, number words, bound words
("more than", "at least"), scale words ("million") and money symbols.
One process, one core (`nlp.pipe` with n_process=1). Prints docs/s and
MB/s of text; with --json, one JSON object on the last line.

    python spacy_peer.py --docs docs.jsonl --patterns patterns.jsonl [--json]
"""

import argparse
import json
import sys
import time

import spacy
from spacy.matcher import Matcher

NUMBER_WORDS = [
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
    "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
    "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty",
    "sixty", "seventy", "eighty", "ninety", "hundred", "dozen", "dozens",
    "hundreds", "thousands", "half", "pair", "couple",
]
SCALE_WORDS = ["thousand", "million", "billion", "trillion", "bn", "m", "k"]
BOUND_PHRASES = [
    ["more", "than"], ["at", "least"], ["at", "most"], ["up", "to"],
    ["fewer", "than"], ["less", "than"], ["as", "many", "as"], ["about"],
    ["around"], ["nearly"], ["almost"], ["roughly"], ["some"], ["over"],
    ["approximately"], ["an", "estimated"],
]
CURRENCY = ["$", "€", "£", "US$"]


def build(patterns_path):
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER"})
    patterns = []
    with open(patterns_path, encoding="utf-8") as f:
        for line in f:
            p = json.loads(line)
            patterns.append({"label": p["label"], "pattern": p["pattern"]})
    ruler.add_patterns(patterns)

    matcher = Matcher(nlp.vocab)
    number = {"LIKE_NUM": True}
    word = {"LOWER": {"IN": NUMBER_WORDS}}
    scale = {"LOWER": {"IN": SCALE_WORDS}, "OP": "?"}
    money = {"ORTH": {"IN": CURRENCY}, "OP": "?"}
    figures = []
    for bound in BOUND_PHRASES + [[]]:
        head = [{"LOWER": w} for w in bound]
        figures.append(head + [money, number, scale])
        figures.append(head + [word, scale])
        figures.append(head + [number, {"LOWER": {"IN": ["to", "and", "-"]}}, number, scale])
    matcher.add("FIGURE", figures, greedy="LONGEST")
    return nlp, matcher


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", required=True)
    ap.add_argument("--patterns", required=True)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    nlp, matcher = build(args.patterns)
    texts = []
    with open(args.docs, encoding="utf-8") as f:
        for line in f:
            texts.append(json.loads(line)["text"])
    nbytes = sum(len(t.encode("utf-8")) for t in texts)

    start = time.perf_counter()
    ents = figs = sents = 0
    for doc in nlp.pipe(texts, batch_size=64, n_process=1):
        ents += len(doc.ents)
        sents += sum(1 for _ in doc.sents)
        figs += len(matcher(doc))
    secs = time.perf_counter() - start

    report = {
        "docs": len(texts),
        "bytes": nbytes,
        "secs": secs,
        "docs_per_s": len(texts) / secs,
        "mb_per_s": nbytes / 1e6 / secs,
        "entities": ents,
        "figures": figs,
        "sentences": sents,
        "spacy": spacy.__version__,
    }
    if not args.json:
        print(
            f"{len(texts)} docs, {nbytes / 1e6:.1f} MB in {secs:.2f} s: "
            f"{report['docs_per_s']:.1f} docs/s, {report['mb_per_s']:.2f} MB/s "
            f"({ents} entities, {figs} figures, {sents} sentences)",
            file=sys.stderr,
        )
    print(json.dumps(report))


if __name__ == "__main__":
    main()
