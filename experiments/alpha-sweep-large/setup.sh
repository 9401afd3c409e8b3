#!/bin/sh
# Gathers every corpus of $NEGLAB_DATA/corpora (default ../shared/data) into
# experiments/alpha-sweep-large/corpora as hard links (copies across file systems); the corpus
# reader takes a directory's regular files in name order, so the run reads them concatenated.
# The directory is git-ignored.
set -e
here=$(cd "$(dirname "$0")" && pwd)
data=${NEGLAB_DATA:-$here/../../../shared/data}
mkdir -p "$here/corpora"
for file in "$data"/corpora/*.txt; do
  name=$(basename "$file")
  ln -f "$file" "$here/corpora/$name" 2>/dev/null || cp "$file" "$here/corpora/$name"
done
echo "corpora ready in $here/corpora"
