#!/usr/bin/env python3
"""Generates a deterministic benchmark corpus: text/config files with a few made-up card numbers
and keys among ordinary lines, and Python sources with a few `verify=False` calls.
Usage: gen_corpus.py OUT_DIR [FILES]"""
import os
import random
import sys


def luhn_complete(prefix):
    for c in "0123456789":
        digits = [int(x) for x in prefix + c][::-1]
        total = sum(d if i % 2 == 0 else (d * 2 - 9 if d * 2 > 9 else d * 2) for i, d in enumerate(digits))
        if total % 10 == 0:
            return prefix + c
    raise ValueError(prefix)


def main():
    out = sys.argv[1]
    files = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
    rng = random.Random(42)
    words = "contact queue agent flow prompt transfer callback hold record transcript region instance".split()
    os.makedirs(os.path.join(out, "text"), exist_ok=True)
    os.makedirs(os.path.join(out, "py"), exist_ok=True)
    for i in range(files):
        lines = []
        for j in range(200):
            r = rng.random()
            if r < 0.002:
                lines.append("card: " + luhn_complete("4929" + "".join(rng.choice("0123456789") for _ in range(11))))
            elif r < 0.003:
                lines.append("ref 12345678901234567 order %d" % j)
            else:
                lines.append(" ".join(rng.choice(words) for _ in range(8)) + " %d" % rng.randint(0, 10**6))
        with open(os.path.join(out, "text", "f%05d.txt" % i), "w") as f:
            f.write("\n".join(lines) + "\n")
        code = ["import requests", "", "def handler_%d(event, context):" % i]
        for j in range(60):
            if rng.random() < 0.01:
                code.append("    r%d = requests.get(URL, verify=False)" % j)
            else:
                code.append("    x%d = compute(event['k%d'], %d)" % (j, j, j))
        code.append("    return x0")
        with open(os.path.join(out, "py", "m%05d.py" % i), "w") as f:
            f.write("\n".join(code) + "\n")


if __name__ == "__main__":
    main()
