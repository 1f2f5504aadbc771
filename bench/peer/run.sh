#!/usr/bin/env bash
# Set up the spaCy peer in a local venv (bench/.venv) and run it over a
# generated corpus. Not part of CI.
#
#   bench/peer/run.sh [DOCS] [SEED]
#
# For the table in BENCHMARKS.md, `tally-bench run --peer-python
# bench/.venv/bin/python` runs the same script in the same command as the
# Rust measurements, so the ratios survive a noisy machine.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
docs="${1:-1000}"
seed="${2:-7}"
venv="$root/bench/.venv"
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
fi
"$venv/bin/pip" install --quiet -r "$root/bench/peer/requirements.txt"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$root"
cargo run --quiet --release -p tally-bench -- corpus --docs "$docs" --seed "$seed" --out "$work/docs.jsonl"
cargo run --quiet --release -p tally-bench -- patterns --out "$work/patterns.jsonl"
"$venv/bin/python" "$root/bench/peer/spacy_peer.py" --docs "$work/docs.jsonl" --patterns "$work/patterns.jsonl"
