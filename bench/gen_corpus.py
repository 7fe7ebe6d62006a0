#!/usr/bin/env python3
"""Generates a deterministic contact-center repository for benchmarks (python3, stdlib only).

    gen_corpus.py OUT --size 20MiB [--seed 42]          a worktree of about that many bytes
    gen_corpus.py OUT --size 4MiB --git-commits 200     the same, built up as a git repository
    gen_corpus.py OUT --flow-actions 5000               one Amazon Connect flow of 5,000 actions

The corpus mixes IVR flows of every platform (corpus_flows), handler code in eight languages
(corpus_code), IaC and data files (corpus_iac), with made-up sensitive values seeded into a small
share of them. The output is a pure function of (seed, size, commits): file i is drawn from its
own random.Random("seed:i"). OUT must not exist or be empty. The corpus should live outside the
ccscan repository (its .gitignore would hide it from the scanner)."""

import argparse
import os
import random
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import corpus_code  # noqa: E402
import corpus_common as cc  # noqa: E402
import corpus_flows  # noqa: E402
import corpus_iac  # noqa: E402

# Share of the corpus bytes per family, and the kinds in each family.
_FAMILIES = [(0.35, corpus_flows.KINDS), (0.40, corpus_code.KINDS), (0.25, corpus_iac.KINDS)]


def parse_size(text):
    m = re.fullmatch(r"(\d+(?:\.\d+)?)\s*([KMG]i?B?|B)?", text.strip(), re.I)
    if not m:
        raise argparse.ArgumentTypeError("size like 20MiB, 512KiB or 1GiB: %r" % text)
    unit = (m.group(2) or "B").upper().rstrip("B").rstrip("I")
    return int(float(m.group(1)) * {"": 1, "K": 1024, "M": 1024 ** 2, "G": 1024 ** 3}[unit])


def pick_kind(rng):
    r = rng.random()
    for share, kinds in _FAMILIES:
        if r < share:
            return rng.choice(kinds)
        r -= share
    return rng.choice(_FAMILIES[-1][1])


def relpath(kind, i, rng):
    folder, ext, gen, _ = kind
    group = "g%03d" % (i // 200)
    if gen is corpus_flows.lex_slot:
        return "lex/Bot%03d/BotLocales/en_US/Intents/I%05d/Slots/S%05d/Slot.json" % (i // 200, i, i)
    if gen is corpus_flows.asterisk_dialplan:
        return "%s/%s/extensions_%05d.conf" % (folder, group, i)
    return "%s/%s/%s_%05d.%s" % (folder, group, gen.__name__, i, ext)


def make_file(seed, i):
    """File i of the corpus: (relative path, text)."""
    rng = random.Random("%d:%d" % (seed, i))
    kind = pick_kind(rng)
    lo, hi = kind[3]
    text = kind[2](rng, rng.randint(lo, hi))
    return relpath(kind, i, rng), text


def iter_files(seed, size):
    total, i = 0, 0
    while total < size:
        path, text = make_file(seed, i)
        total += len(text.encode())
        yield path, text
        i += 1


def write(out, path, text):
    full = os.path.join(out, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def git(out, *args, env=None):
    subprocess.run(["git", "-C", out, *args], check=True, env=env, stdout=subprocess.DEVNULL)


def build_history(out, files, commits, seed):
    """Commits the files in `commits` batches. Every commit also appends to a call ledger, and
    every tenth commit adds a notes file with a made-up card number that a later commit deletes,
    so history holds values the final tree does not."""
    rng = random.Random("%d:history" % seed)
    git(out, "init", "-q", "-b", "main")
    git(out, "config", "user.name", "Bench Generator")
    git(out, "config", "user.email", "bench@acme.example")
    git(out, "config", "commit.gpgsign", "false")
    per = max(1, -(-len(files) // commits))
    ledger = ["contact_id,caller,amount,note"]
    for k in range(commits):
        for path, text in files[k * per:(k + 1) * per]:
            write(out, path, text)
        for _ in range(rng.randint(5, 40)):
            note = "card %s" % cc.pan(rng) if rng.random() < 0.02 else cc.words(rng, 3)
            ledger.append("c-%06d,%s,%d.%02d,%s" % (len(ledger), cc.phone(rng), rng.randint(1, 500), rng.randint(0, 99), note))
        write(out, "data/ledger.csv", "\n".join(ledger) + "\n")
        notes = os.path.join(out, "notes/incident.txt")
        if k % 10 == 3:
            write(out, "notes/incident.txt", "caller read out card %s, remove before merge\n" % cc.pan(rng, grouped=True))
        elif k % 10 == 5 and os.path.exists(notes):
            os.remove(notes)
        env = dict(os.environ, GIT_AUTHOR_DATE="2026-01-01T00:00:00Z", GIT_COMMITTER_DATE="2026-01-01T00:00:00Z")
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = "%d +0000" % (1767225600 + k * 3600)
        git(out, "add", "-A", env=env)
        git(out, "commit", "-q", "--no-verify", "-m", "change %d: %s" % (k, cc.words(rng, 4)), env=env)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", help="output folder (created; must be empty)")
    ap.add_argument("--size", type=parse_size, default=parse_size("20MiB"), help="corpus size, e.g. 20MiB (default)")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--git-commits", type=int, default=0, help="build the corpus as a git repository of N commits")
    ap.add_argument("--flow-actions", type=int, default=0, help="write only one Amazon Connect flow of N actions")
    a = ap.parse_args()
    if os.path.isdir(a.out) and os.listdir(a.out):
        sys.exit("gen_corpus.py: %s is not empty" % a.out)
    os.makedirs(a.out, exist_ok=True)
    if a.flow_actions:
        rng = random.Random("%d:flow" % a.seed)
        # A large production flow: a handful of card-collecting actions among thousands.
        text = corpus_flows.connect_flow(rng, a.flow_actions, sensitive_share=0.002)
        write(a.out, "connect/flows/flow-%d-actions.json" % a.flow_actions, text)
        return
    if a.git_commits:
        build_history(a.out, list(iter_files(a.seed, a.size)), a.git_commits, a.seed)
        return
    for path, text in iter_files(a.seed, a.size):
        write(a.out, path, text)


if __name__ == "__main__":
    main()
