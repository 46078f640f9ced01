package parse

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/sflint/sflint/internal/metadata"
)

func utf16le(s string, bom bool) []byte {
	var b bytes.Buffer
	if bom {
		b.Write([]byte{0xff, 0xfe})
	}
	for _, u := range utf16.Encode([]rune(s)) {
		b.WriteByte(byte(u))
		b.WriteByte(byte(u >> 8))
	}
	return b.Bytes()
}

// TestHostileXML feeds the reader files that are broken or built to hurt:
// each must give a positioned error quickly, never a panic or an expansion.
func TestHostileXML(t *testing.T) {
	laughs := `<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<NamedCredential><label>&lol3;</label></NamedCredential>`
	external := `<?xml version="1.0"?>
<!DOCTYPE x [<!ENTITY ext SYSTEM "http://127.0.0.1:9/evil.dtd">]>
<NamedCredential><label>&ext;</label></NamedCredential>`
	tests := []struct {
		name string
		data []byte
		pos  Pos
		msg  string
	}{
		{"empty", nil, Pos{1, 1}, "no root element"},
		{"only whitespace", []byte("  \n\n"), Pos{3, 1}, "no root element"},
		{"utf-16 with bom", utf16le("<NamedCredential/>", true), Pos{1, 1}, "UTF-16"},
		{"utf-16 without bom", utf16le("<NamedCredential/>", false), Pos{1, 1}, "UTF-16"},
		{"invalid utf-8", []byte("<NamedCredential>\n<label>\xff\xfe</label></NamedCredential>"), Pos{2, 10}, "invalid UTF-8"},
		{"nul byte", []byte("<NamedCredential>\n<label>a\x00b</label></NamedCredential>"), Pos{2, 11}, "illegal character code U+0000"},
		{"billion laughs", []byte(laughs), Pos{2, 1}, "DOCTYPE"},
		{"external entity", []byte(external), Pos{2, 1}, "DOCTYPE"},
		{"undeclared entity", []byte("<NamedCredential><label>&x;</label></NamedCredential>"), Pos{1, 28}, "invalid character entity"},
		{"too big", bytes.Repeat([]byte(" "), MaxSize+1), Pos{1, 1}, "larger than"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := XML(tt.data, Options{Schema: metadata.Schema("NamedCredential")})
			var se *SyntaxError
			if !errors.As(err, &se) || !strings.Contains(se.Msg, tt.msg) || se.Pos != tt.pos {
				t.Errorf("got %v, want %v %q", err, tt.pos, tt.msg)
			}
		})
	}
}

func TestMillionLevelsDeep(t *testing.T) {
	const n = 1_000_000
	data := []byte(strings.Repeat("<a>", n) + strings.Repeat("</a>", n))
	start := time.Now()
	_, err := XML(data, Options{})
	var se *SyntaxError
	if !errors.As(err, &se) || !strings.Contains(se.Msg, "nested deeper") {
		t.Fatalf("err = %v", err)
	}
	// The reader stops at MaxDepth instead of walking the whole file.
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("took %v", d)
	}
}

func TestHundredThousandSiblings(t *testing.T) {
	var b strings.Builder
	b.WriteString("<NamedCredential>")
	for range 100_000 {
		b.WriteString("<bogus>1</bogus><label>x</label>")
	}
	b.WriteString("</NamedCredential>")
	doc, err := XML([]byte(b.String()), Options{Schema: metadata.Schema("NamedCredential")})
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Unknown) != MaxUnknowns {
		t.Errorf("remembered %d unknown elements, want the cap of %d", len(doc.Unknown), MaxUnknowns)
	}
	if doc.Root.ChildText("label") != "x" {
		t.Error("known elements are still read")
	}
}

func TestLineEndsInErrors(t *testing.T) {
	for name, nl := range map[string]string{"CRLF": "\r\n", "CR": "\r"} {
		src := strings.Join([]string{"<A>", "<b>", "</c>", "</A>"}, nl)
		_, err := XML([]byte(src), Options{})
		var se *SyntaxError
		if !errors.As(err, &se) || se.Pos.Line != 3 {
			t.Errorf("%s: %v, want an error on line 3", name, err)
		}
	}
}
