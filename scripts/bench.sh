#!/usr/bin/env bash
# Benchmarks sflint on synthetic SFDX projects (internal/synth) against the
# read floor (walking and reading every file) and against conftest with
# equivalent policies (scripts/bench/conftest), and checks the performance
# targets. From a clean checkout:
#
#   bash scripts/bench.sh                # small, medium and large
#   bash scripts/bench.sh small medium   # some sizes only
#
# Environment: BENCH_DIR (work directory, default /tmp/sflint-bench), RUNS
# (most repetitions of one measurement, default 5; a measurement also stops
# repeating after 30 s), SEED (default 1), FUZZTIME (how long each fuzz
# target runs after the measurements, default 30s; 0 skips fuzzing).
#
# It builds sflint and the generator, generates each project, installs GNU
# time (apt-get) and conftest v0.71.0 (Go module proxy) when missing, then
# prints a table of measurements and a table of targets, also written to
# $BENCH_DIR/results.md. Wall times are medians; CPU is user + system time;
# peak is the largest resident set of the process tree. "Cold" drops the page
# cache when /proc/sys/vm/drop_caches is writable and gives sflint an empty
# cache directory.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH_DIR=${BENCH_DIR:-/tmp/sflint-bench}
RUNS=${RUNS:-5}
SEED=${SEED:-1}
FUZZTIME=${FUZZTIME:-30s}
BUDGET=30 # seconds after which a measurement stops repeating
CONFTEST_VERSION=v0.71.0
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(small medium large)

# Projects are generated in $PROJECTS, which is also the tools' working
# directory: conftest reads any conftest.* file it finds there as its config.
BIN=$BENCH_DIR/bin
PROJECTS=$BENCH_DIR/projects
OUT=$BENCH_DIR/out
mkdir -p "$BIN" "$PROJECTS" "$OUT"
RESULTS=$BENCH_DIR/results.md
TIMEFMT='%U %S %M'

log() { echo "bench: $*" >&2; }

setup() {
	if [ ! -x /usr/bin/time ]; then
		log "installing GNU time"
		local sudo=""
		[ "$(id -u)" = 0 ] || sudo=sudo
		$sudo apt-get install -y time >/dev/null
	fi
	log "building sflint and sflint-synth"
	(cd "$ROOT" && go build -o "$BIN/sflint" ./cmd/sflint &&
		go build -o "$BIN/sflint-synth" ./internal/synth/cmd/sflint-synth)
	CONFTEST=$BIN/conftest
	if [ ! -x "$CONFTEST" ]; then
		log "installing conftest $CONFTEST_VERSION from the Go module proxy"
		if ! (cd "$PROJECTS" && GOBIN=$BIN go install \
			"github.com/open-policy-agent/conftest@$CONFTEST_VERSION" >&2); then
			log "conftest could not be installed; its columns will say n/a"
			CONFTEST=""
		fi
	fi
	SFLINT_FLAGS=(--format json)
	local help
	help=$("$BIN/sflint" lint --help 2>&1 || true)
	# A slow rule is measured rather than cut off by the evaluation time limit.
	if grep -q -- '--timeout' <<<"$help"; then SFLINT_FLAGS+=(--timeout 0); fi
	# sflint's cache lives in $BENCH_DIR/cache, emptied for cold runs.
	SFLINT=(env SFLINT_CACHE_DIR="$BENCH_DIR/cache" XDG_CACHE_HOME="$BENCH_DIR/cache"
		"$BIN/sflint" lint "${SFLINT_FLAGS[@]}")
	if [ -w /proc/sys/vm/drop_caches ]; then
		CACHE_NOTE="page cache dropped"
	else
		CACHE_NOTE="page cache warm (drop_caches not writable)"
	fi
}

drop_caches() {
	sync
	if [ -w /proc/sys/vm/drop_caches ]; then echo 3 >/proc/sys/vm/drop_caches; fi
}

# run_once OUT CMD... runs the program CMD with stdout to OUT and prints
# "wall_seconds cpu_seconds peak_kib exit_code".
run_once() {
	local out=$1
	shift
	local tf=$OUT/time.txt start end code=0
	start=$(date +%s%N)
	/usr/bin/time -f "$TIMEFMT" -o "$tf" "$@" >"$out" 2>"$OUT/stderr.txt" || code=$?
	end=$(date +%s%N)
	# GNU time puts "Command exited with non-zero status N" first.
	read -r user sys rss < <(tail -1 "$tf")
	awk -v s="$start" -v e="$end" -v u="$user" -v y="$sys" -v r="$rss" -v c="$code" \
		'BEGIN { printf "%.4f %.2f %d %d\n", (e - s) / 1e9, u + y, r, c }'
}

# measure PREP OUT CMD... repeats the function PREP then the program CMD up
# to RUNS times (fewer when the runs pass BUDGET seconds) and prints the
# medians of wall time, CPU and peak, the last exit code and the run count.
measure() {
	local prep=$1 out=$2
	shift 2
	local rows=() spent=0 i row
	for ((i = 0; i < RUNS; i++)); do
		$prep
		row=$(run_once "$out" "$@")
		rows+=("$row")
		spent=$(awk -v a="$spent" -v b="${row%% *}" 'BEGIN { print a + b }')
		if awk -v s="$spent" -v b="$BUDGET" 'BEGIN { exit !(s > b) }'; then break; fi
	done
	local n=${#rows[@]} k col out=()
	k=$(((n + 1) / 2))
	for col in 1 2 3; do
		out+=("$(printf '%s\n' "${rows[@]}" | cut -d' ' -f"$col" | sort -g | sed -n "${k}p")")
	done
	echo "${out[*]} ${row##* } $n"
}

# Preparations before each run: cold drops the page cache and sflint's cache,
# fresh only sflint's, warm neither.
cold() { drop_caches; rm -rf "$BENCH_DIR/cache"; }
fresh() { rm -rf "$BENCH_DIR/cache"; }
warm() { :; }

# count KEY FILE counts the occurrences of a JSON key: findings are "rule" in
# sflint's output and in the expectations, "msg" in conftest's.
count() { { grep -o "\"$1\":" "$2" || true; } | wc -l | tr -d ' '; }

# The read floor reads with as many readers as sflint has parsers.
FLOOR_SCRIPT='find "$1" -type f -print0 | xargs -0 -P "$2" -n 256 cat >/dev/null'

generate() {
	local size=$1 dir=$PROJECTS/$1
	rm -rf "$dir"
	log "generating $size (seed $SEED)"
	"$BIN/sflint-synth" -size "$size" -seed "$SEED" -o "$dir" \
		-expected "$OUT/$size.expected.json" 2>"$OUT/$size.summary.txt"
	FILES=$(grep -o '"files": [0-9]*' "$OUT/$size.expected.json" | grep -o '[0-9]*')
	BYTES=$(grep -o '"bytes": [0-9]*' "$OUT/$size.expected.json" | grep -o '[0-9]*')
	EXPECTED=$(count rule "$OUT/$size.expected.json")
}

# row LABEL SIZE PREP [conftest] measures one table row; PREP runs before
# every run (cold or warm).
row() {
	local label=$1 size=$2 prep=$3 with_conftest=${4:-} dir=$PROJECTS/$2
	log "$label: read floor"
	local fl sf ct="- - - - 0" sfound cfound="-"
	fl=$(measure "$prep" /dev/null bash -c "$FLOOR_SCRIPT" floor "$dir" "$(nproc)")
	log "$label: sflint"
	sf=$(cd "$PROJECTS" && measure "$prep" "$OUT/sflint.json" "${SFLINT[@]}" "$size")
	sfound=$(count rule "$OUT/sflint.json")
	if [ -n "$with_conftest" ] && [ -n "$CONFTEST" ]; then
		log "$label: conftest"
		ct=$(cd "$PROJECTS" && measure "$prep" "$OUT/conftest.json" "$CONFTEST" test \
			--combine --no-color -o json -p "$ROOT/scripts/bench/conftest" "$size")
		cfound=$(count msg "$OUT/conftest.json")
	fi
	emit "$label" "$fl" "$sf" "$ct" "$sfound" "$cfound"
}

# emit prints one table row and remembers the numbers the targets need.
emit() {
	local label=$1 fl=$2 sf=$3 ct=$4 sfound=$5 cfound=$6
	read -r fw _ _ _ _ <<<"$fl"
	read -r sw sc sm scode sn <<<"$sf"
	read -r cw cc cm _ cn <<<"$ct"
	local status=""
	[ "$scode" -le 1 ] || status=" (exit $scode: $(head -c 120 "$OUT/stderr.txt"))"
	awk -v l="$label" -v f="$FILES" -v b="$BYTES" -v fw="$fw" -v sw="$sw" -v sc="$sc" \
		-v sm="$sm" -v sn="$sn" -v cw="$cw" -v cc="$cc" -v cm="$cm" -v cn="$cn" \
		-v sf="$sfound" -v cf="$cfound" -v e="$EXPECTED" -v st="$status" '
		function t(s) { return s == "-" ? "n/a" : (s < 1 ? sprintf("%.0f ms", s * 1000) : sprintf("%.2f s", s)) }
		function m(k) { return k == "-" ? "n/a" : sprintf("%.0f MiB", k / 1024) }
		BEGIN {
			ratio = cw == "-" ? "n/a" : sprintf("%.1fx", cw / sw)
			printf "| %s | %d | %.1f | %s | %s | %s | %s | %.1fx | %s | %s | %s | %s | %s / %s / %s | %s |\n",
				l, f, b / 1048576, t(fw), t(sw) st, t(sc), m(sm), sw / fw, t(cw), t(cc), m(cm), ratio,
				sf, cf, e, sn (cn > 0 ? "/" cn : "")
		}' | tee -a "$RESULTS"
	# Numbers for the targets, by row label.
	echo "$label $sw $sm ${cw}" >>"$OUT/targets.txt"
}

# change_one_file appends a newline to one permission set: a real edit that
# changes no finding, as a pre-commit run would see.
change_one_file() {
	printf '\n' >>"$CHANGED"
}

warm_changed_row() {
	local size=$1 dir=$PROJECTS/$1
	CHANGED=$(find "$dir" -name '*.permissionset-meta.xml' | sort | sed -n 1p)
	log "$size warm: priming the sflint cache"
	rm -rf "$BENCH_DIR/cache"
	(cd "$PROJECTS" && "${SFLINT[@]}" "$size" >/dev/null 2>&1) || true
	log "$size warm, one file changed: sflint"
	local fl sf
	fl=$(measure warm /dev/null bash -c "$FLOOR_SCRIPT" floor "$dir" "$(nproc)")
	sf=$(cd "$PROJECTS" && measure change_one_file "$OUT/sflint.json" "${SFLINT[@]}" "$size")
	emit "$size, warm cache, 1 file changed" "$fl" "$sf" "- - - - 0" \
		"$(count rule "$OUT/sflint.json")" "-"
}

# verdict NAME MEASURED LIMIT UNIT KIND prints one target row; KIND max wants
# MEASURED <= LIMIT, min wants MEASURED >= LIMIT.
verdict() {
	awk -v n="$1" -v v="$2" -v l="$3" -v u="$4" -v k="$5" 'BEGIN {
		if (v == "" || v == "-") { printf "| %s | %s %s | n/a | not measured |\n", n, (k == "max" ? "<=" : ">="), l u; exit }
		ok = (k == "max") ? v <= l : v >= l
		off = (k == "max") ? v / l : l / v
		f = v >= 100 ? "%.0f" : (v >= 10 ? "%.1f" : "%.3g")
		printf "| %s | %s %s%s | " f "%s | %s |\n", n, (k == "max" ? "<=" : ">="), l, u, v, u,
			ok ? "met" : sprintf("missed (%.1fx)", off)
	}' | tee -a "$RESULTS"
}

# get LABEL COLUMN reads a number remembered by emit: 1 wall, 2 peak (KiB),
# 3 conftest wall.
get() {
	awk -v l="$1" -v c="$2" 'index($0, l " ") == 1 { n = split($0, f, " "); print f[n - 3 + c] }' \
		"$OUT/targets.txt"
}

mib() { awk -v k="$1" 'BEGIN { if (k != "") print k / 1024 }'; }

speedup() { awk -v c="$1" -v s="$2" 'BEGIN { if (c != "" && c != "-") print c / s }'; }

# targets checks the issue's targets on the cold rows, and the same limits on
# the page-cache-warm rows: where the disk is slow, reading the files cold
# costs more than a target allows, whatever sflint does.
targets() {
	{
		echo
		echo "| target | limit | measured | result |"
		echo "|---|---|---|---|"
	} | tee -a "$RESULTS"
	local cache
	for cache in cold "page cache warm"; do
		verdict "large, $cache: wall" "$(get "large, $cache" 1)" 1.5 " s" max
		verdict "large, $cache: peak memory" "$(mib "$(get "large, $cache" 2)")" 150 " MiB" max
		verdict "large, $cache: times faster than conftest" \
			"$(speedup "$(get "large, $cache" 3)" "$(get "large, $cache" 1)")" 25 "x" min
		verdict "medium, $cache: wall" "$(get "medium, $cache" 1)" 0.25 " s" max
	done
	verdict "large, warm cache, one file changed: wall" \
		"$(get "large, warm cache, 1 file changed" 1)" 0.3 " s" max
	verdict "small, warm: wall of the whole process" "$(get "small, warm" 1)" 0.03 " s" max
}

machine() {
	echo "- machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo) RAM, $(uname -sr)"
	echo "- $(go version | cut -d' ' -f3-), sflint $(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null || echo unknown)$(cd "$ROOT" && git diff --quiet 2>/dev/null || echo ' with local changes'), conftest $CONFTEST_VERSION"
	echo "- $CACHE_NOTE for cold rows; seed $SEED; up to $RUNS runs per cell (fewer past ${BUDGET} s), medians"
	echo "- load average at the start: $(cut -d' ' -f1-3 /proc/loadavg) (other processes share the cores)"
}

main() {
	setup
	: >"$RESULTS"
	: >"$OUT/targets.txt"
	machine | tee -a "$RESULTS"
	{
		echo
		echo "| project | files | MiB | read floor | sflint wall | sflint CPU | sflint peak | sflint / floor | conftest wall | conftest CPU | conftest peak | conftest / sflint | findings: sflint / conftest / expected | runs |"
		echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
	} | tee -a "$RESULTS"
	local size
	for size in "${SIZES[@]}"; do
		generate "$size"
		row "$size, cold" "$size" cold conftest
		case $size in
		small) row "small, warm" small warm conftest ;;
		*) row "$size, page cache warm" "$size" fresh conftest ;;
		esac
		[ "$size" != large ] || warm_changed_row large
	done
	targets
	echo "- load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$RESULTS"
	local status=0
	fuzz || status=$?
	log "results written to $RESULTS"
	return $status
}

# fuzz runs every fuzz target for $FUZZTIME beyond the seed corpus that
# go test runs. An input that fails is saved by go test under the package's
# testdata/fuzz directory, where it becomes part of the seed corpus: commit
# it with the fix. The table records each target's outcome.
fuzz() {
	[ "$FUZZTIME" != 0 ] || return 0
	{
		echo
		echo "| fuzz target | package | time | result |"
		echo "|---|---|---|---|"
	} | tee -a "$RESULTS"
	local pkg target failed=0
	for pkg in $(cd "$ROOT" && go list ./... | grep -v /node_modules/); do
		for target in $(cd "$ROOT" && go test -list '^Fuzz' "$pkg" | grep '^Fuzz' || true); do
			log "fuzzing $target in $pkg for $FUZZTIME"
			local result=passed
			if ! (cd "$ROOT" && go test -run '^$' -fuzz "^$target\$" -fuzztime "$FUZZTIME" "$pkg" \
				>"$OUT/fuzz-$target.txt" 2>&1); then
				result="FAILED, see $OUT/fuzz-$target.txt"
				failed=1
			fi
			echo "| $target | ${pkg#github.com/sflint/sflint/} | $FUZZTIME | $result |" | tee -a "$RESULTS"
		done
	done
	return $failed
}

main
