#!/bin/sh
# Side-by-side throughput: pydicom (dcmread + to_json, one process) against dicom-codec (header-only
# read + render, one JVM after warm-up) on the same corpus. See README.md.
#
# usage: benchmarks/codec-vs-pydicom/run.sh [CORPUS_DIR] [MEASURE_SECONDS]
set -eu
cd "$(dirname "$0")/../.."
CORPUS=${1:-$(/usr/bin/python3 -c 'import os, pydicom.data; print(os.path.dirname(pydicom.data.__file__))')}
SECONDS_MEASURED=${2:-20}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# The corpus: every file under CORPUS that pydicom reads (the same list feeds both sides).
/usr/bin/python3 - "$CORPUS" > "$WORK/files.txt" <<'PY'
import os, sys, pydicom
for root, dirs, names in os.walk(sys.argv[1]):
    dirs.sort()
    for n in sorted(names):
        p = os.path.join(root, n)
        if n.endswith((".py", ".pyc", ".json", ".txt", ".md", ".dump", ".gz", ".xml")):
            continue
        try:
            pydicom.dcmread(p).to_json()
            print(p)
        except Exception:
            pass
PY
echo "corpus: $(wc -l < "$WORK/files.txt") files from $CORPUS"

mvn -B -q -Ddm.build.dir=target-bench -pl dicom-codec compile
javac -d "$WORK/classes" -cp dicom-codec/target-bench/classes \
  benchmarks/src/main/java/org/dicommeta/benchmarks/codec/CorpusThroughput.java
CP="$WORK/classes:dicom-codec/target-bench/classes"

java -cp "$CP" org.dicommeta.benchmarks.codec.CorpusThroughput "$WORK/files.txt" json 10 "$SECONDS_MEASURED"
java -cp "$CP" org.dicommeta.benchmarks.codec.CorpusThroughput "$WORK/files.txt" xml 10 "$SECONDS_MEASURED"
/usr/bin/python3 -W ignore benchmarks/codec-vs-pydicom/pydicom_throughput.py "$WORK/files.txt" 5 "$SECONDS_MEASURED"
/usr/bin/python3 -W ignore benchmarks/codec-vs-pydicom/pydicom_throughput.py "$WORK/files.txt" 5 "$SECONDS_MEASURED" --stop-before-pixels
