package lwc

import (
	"bytes"
	"os"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// fuzzSeeds are realistic snippets and hostile ones: every kind of
// unterminated literal, NUL bytes, invalid UTF-8, deep nesting.
var fuzzSeeds = []string{
	"import getItems from '@salesforce/apex/ItemController.getItems';",
	"import a from \"@salesforce/apex/ns.A.b\"; import c from '@salesforce/apexContinuation/C.d'",
	"const r = await fetch(`/services/data/${v}/query`, { method: 'GET' });",
	"xhr.open('POST', '/services/apexrest/x'); navigator.sendBeacon('/log', d);",
	"const re = /[\"'`\\/]+\\/\\//g; x = a / b / c; if (a) /'/.test(b);",
	"t = `a${`b${ {k: '}'}.k }`}c`; // ' \" `\r\n/* ` */",
	"'unterminated string",
	"\"unterminated \\",
	"`unterminated ${ template",
	"`${`${`${`${`${`${`${`${",
	"${${${${${${{{{{",
	"/* unterminated comment",
	"x = /unterminated[/ regex",
	"x = /[/",
	"a\x00b'\x00'/\x00/",
	"\xff\xfe'\xc3'`\xe2\x82`/\xf0\x9f/",
	"'\\u{110000}\\uD800\\x'",
	"\uFEFF#!hashbang\n",
	"#!",
	"}}}})))]]]`",
	"((((((fetch(fetch(fetch(",
	"import",
	"import x from",
	"fetch",
	"a.open('GET'",
	"\r\r\n\n\r",
	"\\",
	"`\\",
	"/",
	"`${/",
}

func FuzzScan(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
	if src, err := os.ReadFile("testdata/itemList.js"); err == nil {
		f.Add(src)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		s := Scan(src)
		checkScript(t, src, s)
		if again := Scan(src); !reflect.DeepEqual(s, again) {
			t.Fatalf("Scan is not deterministic")
		}
		checkTokens(t, src, lex(src))
	})
}

// checkScript asserts that every position lies within the source and that
// every item is consistent with what was scanned.
func checkScript(t *testing.T, src []byte, s *Script) {
	t.Helper()
	width := lineWidths(src)
	inside := func(what string, p Pos) {
		if p.Line < 1 || p.Line > len(width) || p.Col < 1 || p.Col > width[p.Line-1]+1 {
			t.Fatalf("%s at %d:%d is outside the source", what, p.Line, p.Col)
		}
	}
	for _, imp := range s.Imports {
		inside("import", imp.Pos)
		prefix := ApexPrefix
		if imp.Continuation {
			prefix = ApexContinuationPrefix
		}
		if !strings.HasPrefix(imp.Module, prefix) {
			t.Fatalf("import of %q reported as an Apex import", imp.Module)
		}
	}
	for _, c := range s.Fetches {
		inside("call", c.Pos)
		if len(c.URLExpr) > maxExpr || len(src) < 1<<16 && !bytes.Contains(src, []byte(c.URLExpr)) {
			t.Fatalf("URLExpr %q is not source text", c.URLExpr)
		}
	}
	for _, l := range s.ServiceURLs {
		inside("literal", l.Pos)
		if !strings.Contains(l.Value, servicesPath) {
			t.Fatalf("literal %q reported without %s", l.Value, servicesPath)
		}
	}
}

// checkTokens recomputes each token's position from scratch.
func checkTokens(t *testing.T, src []byte, toks []token) {
	t.Helper()
	starts := lineStarts(src)
	prev, line := 0, 1
	for _, tok := range toks {
		if tok.start < prev || tok.end < tok.start || tok.end > len(src) {
			t.Fatalf("token [%d,%d) out of order or bounds", tok.start, tok.end)
		}
		prev = tok.end
		for line < len(starts) && starts[line] <= tok.start {
			line++
		}
		from := starts[line-1]
		if line == 1 && bytes.HasPrefix(src, []byte("\uFEFF")) {
			from = 3
		}
		want := Pos{line, utf8.RuneCount(src[from:tok.start]) + 1}
		if tok.pos != want {
			t.Fatalf("token at byte %d: pos %v, want %v", tok.start, tok.pos, want)
		}
	}
}

// lineStarts returns the offset at which each line starts; LF, CR and CRLF
// end a line.
func lineStarts(src []byte) []int {
	starts := []int{0}
	for i, c := range src {
		if c == '\n' || c == '\r' && (i+1 == len(src) || src[i+1] != '\n') {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// lineWidths returns the number of runes on each line, line end included.
func lineWidths(src []byte) []int {
	starts := append(lineStarts(src), len(src))
	widths := make([]int, len(starts)-1)
	for i := range widths {
		widths[i] = utf8.RuneCount(src[starts[i]:starts[i+1]])
	}
	return widths
}

// TestScanLargeHostileInput guards against work that grows faster than the
// input: each source is about a megabyte.
func TestScanLargeHostileInput(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		src  string
	}{
		{"unclosed calls", strings.Repeat("fetch(", 200_000)},
		{"unclosed opens", strings.Repeat("x.open('GET',", 100_000)},
		{"nested substitutions", strings.Repeat("`${", 300_000)},
		{"closed substitutions", strings.Repeat("`a${b}/services/${c}", 50_000)},
		{"literals on one line", strings.Repeat("'/services/',", 100_000)},
		{"parentheses", strings.Repeat("(", 500_000) + strings.Repeat("}", 500_000)},
		{"commas", "fetch(" + strings.Repeat(",", 1_000_000)},
		{"slashes", strings.Repeat("a /", 300_000)},
		{"long line comment", strings.Repeat("/", 1_000_000)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			checkScript(t, []byte(tt.src), Scan([]byte(tt.src)))
		})
	}
}
