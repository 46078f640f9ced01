package parse

import (
	"strings"
	"testing"
	"time"

	"github.com/sflint/sflint/internal/metadata"
)

// FuzzXML checks that the reader never panics and that every position it
// reports lies inside the document.
func FuzzXML(f *testing.F) {
	f.Add([]byte(ecXML))
	f.Add([]byte("<A><b>x</c></A>"))
	f.Add([]byte("\xef\xbb\xbf<ExternalCredential>\r\n<label>é</label></ExternalCredential>"))
	f.Add([]byte("<!DOCTYPE a [<!ENTITY x 'y'>]><a>&x;</a>"))
	f.Add([]byte("<a><![CDATA[<b>]]><!-- c --><?p i?></a>"))
	f.Add([]byte("<a x='1' x='2'/>"))
	f.Add([]byte("\xff\xfe<\x00a\x00/\x00>\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := XML(data, Options{Schema: metadata.Schema("ExternalCredential")})
		lines := strings.Count(string(data), "\n") + strings.Count(string(data), "\r") + 1
		check := func(p Pos) {
			if p.Line < 1 || p.Col < 1 || p.Line > lines {
				t.Fatalf("position %v outside a %d-line document", p, lines)
			}
		}
		if err != nil {
			check(err.(*SyntaxError).Pos)
			return
		}
		var walk func(e *Element)
		walk = func(e *Element) {
			check(e.Pos)
			for _, c := range e.Children {
				walk(c)
			}
		}
		walk(doc.Root)
		for _, u := range doc.Unknown {
			check(u.Pos)
		}
	})
}

// FuzzIgnore checks that any .forceignore compiles and matches quickly.
func FuzzIgnore(f *testing.F) {
	f.Add("**/jsconfig.json\n!keep\n/a/b/\n[a-z]*.x\n\\#y", "a/b/c.x")
	f.Add(strings.Repeat("*", 40)+"x", strings.Repeat("a", 60))
	f.Add(strings.Repeat("**/", 20)+"z", strings.Repeat("a/", 30)+"b")
	f.Add("[", "[")
	f.Fuzz(func(t *testing.T, text, path string) {
		start := time.Now()
		ig := ParseIgnore(text)
		ig.Ignored(path, false)
		ig.Ignored(path, true)
		if d := time.Since(start); d > 2*time.Second {
			t.Fatalf("matching took %v", d)
		}
	})
}

func TestHostileIgnorePattern(t *testing.T) {
	ig := ParseIgnore(strings.Repeat("*", 60) + "x\n" + strings.Repeat("**/", 30) + "y")
	start := time.Now()
	if ig.Ignored(strings.Repeat("a", 200), false) {
		t.Error("no x at the end: must not match")
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("took %v; matching must not backtrack exponentially", d)
	}
}
