package parse_test

import (
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"testing"

	"github.com/sflint/sflint/internal/model"
	"github.com/sflint/sflint/internal/parse"
	"github.com/sflint/sflint/internal/project"
	"github.com/sflint/sflint/internal/synth"
)

// metaFile is a metadata file lint parses, with the options it parses it
// with.
type metaFile struct {
	abs  string
	data []byte
	opt  parse.Options
}

// BenchmarkXML measures the XML reader on every metadata file lint parses
// in a generated project (medium unless SFLINT_BENCH_SIZE names another
// size), beside reading the same files and running encoding/xml's bare
// tokenizer over them: the reader's cost over the tokenizer is its own.
func BenchmarkXML(b *testing.B) {
	files := metadataFiles(b)
	var total int64
	largest := files[0]
	for _, f := range files {
		total += int64(len(f.data))
		if len(f.data) > len(largest.data) {
			largest = f
		}
	}
	b.Logf("%d metadata files, %.1f MiB; largest %d KiB", len(files), float64(total)/(1<<20),
		len(largest.data)>>10)
	b.Run("Read", func(b *testing.B) {
		b.SetBytes(total)
		for b.Loop() {
			for _, f := range files {
				if _, err := os.ReadFile(f.abs); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
	b.Run("Tokenizer", func(b *testing.B) {
		b.SetBytes(total)
		for b.Loop() {
			for _, f := range files {
				tokenize(b, f.data)
			}
		}
	})
	b.Run("Reader", func(b *testing.B) {
		b.SetBytes(total)
		for b.Loop() {
			for _, f := range files {
				if _, err := parse.XML(f.data, f.opt); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
	b.Run("LargestFile", func(b *testing.B) {
		b.SetBytes(int64(len(largest.data)))
		for b.Loop() {
			if _, err := parse.XML(largest.data, largest.opt); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// tokenize is the floor of any encoding/xml based reader: every token, no
// tree.
func tokenize(b *testing.B, data []byte) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	for {
		_, err := dec.RawToken()
		if err == io.EOF {
			return
		}
		if err != nil {
			b.Fatal(err)
		}
	}
}

// metadataFiles generates a project and loads the metadata files lint
// parses, with their parse options.
func metadataFiles(b *testing.B) []metaFile {
	b.Helper()
	dir, _ := synth.ForBenchmark(b)
	proj, err := project.Load(dir, false)
	if err != nil {
		b.Fatal(err)
	}
	var out []metaFile
	for _, f := range proj.Files {
		opt, ok := model.Reads(f.Kind.Type)
		if !ok || !f.Kind.IsXML {
			continue
		}
		data, err := os.ReadFile(f.Abs)
		if err != nil {
			b.Fatal(err)
		}
		out = append(out, metaFile{abs: f.Abs, data: data, opt: opt})
	}
	if len(out) == 0 {
		b.Fatal("the generated project has no metadata file that lint parses")
	}
	return out
}
