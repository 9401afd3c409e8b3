#!/bin/sh
# Gathers the five prose corpora of $NEGLAB_DATA/corpora (default ../shared/data) into
# experiments/alpha-sweep/corpora as hard links (copies across file systems); the corpus
# reader takes a directory's regular files in name order. The directory is git-ignored.
set -e
here=$(cd "$(dirname "$0")" && pwd)
data=${NEGLAB_DATA:-$here/../../../shared/data}
mkdir -p "$here/corpora"
for name in austen brown enwiki-sample kjv lee_background; do
  ln -f "$data/corpora/$name.txt" "$here/corpora/$name.txt" 2>/dev/null || cp "$data/corpora/$name.txt" "$here/corpora/$name.txt"
done
echo "corpora ready in $here/corpora"
