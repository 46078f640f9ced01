package apex_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/sflint/sflint/internal/apex"
	"github.com/sflint/sflint/internal/synth"
)

// BenchmarkApex lexes and parses every class of a generated project (medium
// unless SFLINT_BENCH_SIZE names another size). Throughput is in MB/s of
// Apex source.
func BenchmarkApex(b *testing.B) {
	dir, _ := synth.ForBenchmark(b)
	files, err := filepath.Glob(filepath.Join(dir, "force-app", "main", "default", "classes", "*.cls"))
	if err != nil || len(files) == 0 {
		b.Fatalf("no classes in the generated project: %v", err)
	}
	var srcs [][]byte
	n := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		srcs = append(srcs, data)
		n += len(data)
	}
	b.Run("Lex", func(b *testing.B) {
		b.SetBytes(int64(n))
		for b.Loop() {
			for _, src := range srcs {
				apex.Lex(src)
			}
		}
	})
	b.Run("Parse", func(b *testing.B) {
		b.SetBytes(int64(n))
		for b.Loop() {
			for _, src := range srcs {
				apex.Parse(src)
			}
		}
	})
}
