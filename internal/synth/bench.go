package synth

import (
	"os"
	"testing"
)

// BenchEnv names the environment variable that picks the size of the
// project the benchmarks generate.
const BenchEnv = "SFLINT_BENCH_SIZE"

// ForBenchmark generates, in a temporary directory, the project the Go
// benchmarks run on: medium unless $SFLINT_BENCH_SIZE names another size,
// seed 1. It returns the directory and the findings expected there.
func ForBenchmark(tb testing.TB) (string, Expected) {
	tb.Helper()
	name := os.Getenv(BenchEnv)
	if name == "" {
		name = "medium"
	}
	size, err := ParseSize(name)
	if err != nil {
		tb.Fatal(err)
	}
	dir := tb.TempDir()
	exp, err := Generate(dir, size, 1)
	if err != nil {
		tb.Fatal(err)
	}
	return dir, exp
}
