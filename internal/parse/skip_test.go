package parse

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/sflint/sflint/internal/metadata"
)

var permOptions = Options{
	Schema: metadata.Schema("PermissionSet"),
	Keep:   map[string]bool{"label": true, "userPermissions": true},
}

// skipSeeds are permission sets whose dropped sections (fieldPermissions,
// classAccesses) are plain, or hold what skipSection leaves to the decoder,
// or are broken in one way each.
var skipSeeds = []string{
	"<PermissionSet><fieldPermissions><field>A.b</field><readable>true</readable></fieldPermissions>" +
		"<label>L</label></PermissionSet>",
	"<PermissionSet>\r\n  <fieldPermissions>\r\n    <field>A.b</field>\r\n  </fieldPermissions>\r\n" +
		"  <userPermissions><enabled>true</enabled><name>ApiEnabled</name></userPermissions>\n</PermissionSet>",
	"<PermissionSet><classAccesses><!-- c --><apexClass>A &amp; &lt;B&gt; é</apexClass><x/></classAccesses>" +
		"<label>L</label></PermissionSet>",
	"<PermissionSet><fieldPermissions><field a='1'>A</field></fieldPermissions></PermissionSet>",
	"<PermissionSet><fieldPermissions><field>&#65;&nope;</field></fieldPermissions></PermissionSet>",
	"<PermissionSet><fieldPermissions><![CDATA[<x>]]><?p i?></fieldPermissions></PermissionSet>",
	"<PermissionSet><fieldPermissions><field>A</fields></fieldPermissions></PermissionSet>",
	"<PermissionSet><fieldPermissions><field>A]]>B</field></fieldPermissions></PermissionSet>",
	"<PermissionSet><fieldPermissions><field>A\x00B</field></fieldPermissions></PermissionSet>",
	"<PermissionSet><fieldPermissions><field>A\xffB</field></fieldPermissions></PermissionSet>",
	"<PermissionSet><fieldPermissions><!-- a -- b --></fieldPermissions></PermissionSet>",
	"<PermissionSet><fieldPermissions><field>A</field>",
	"<PermissionSet><fieldPermissions/><label>L</label></PermissionSet>",
	"<PermissionSet><x:fieldPermissions><field>A</field></x:fieldPermissions></PermissionSet>",
	"<PermissionSet><fieldPermissions>" + strings.Repeat("<a>", 300) + strings.Repeat("</a>", 300) +
		"</fieldPermissions></PermissionSet>",
	"<PermissionSet><fieldPermissions><field>A</field></fieldPermissions></PermissionSet><x/>",
	"<PermissionSet><fieldPermissions>\n<field>A</field>\n</fieldPermissions>\n<label>L</b></PermissionSet>",
	"<PermissionSet>\n <fieldPermissions><field>A</field></fieldPermissions>\n <fieldPermissions><field>B</field>" +
		"</fieldPermissions>\n <classAccesses><apexClass>C</apexClass></classAccesses>\n <label>L</label>\n" +
		" <fieldPermissions><field>D</field></fieldPermissions>\n</PermissionSet>",
	"<PermissionSet><fieldPermissions><field>A</field></fieldPermissions><fieldPermissions><field>B</fieldx>" +
		"</fieldPermissions></PermissionSet>",
	"<PermissionSet><fieldPermissions><f>A</f></fieldPermissions> x <fieldPermissions><f>B</f></fieldPermissions>" +
		"<bogus><f/></bogus><fieldPermissions/><fieldPermissions><f>C</f></fieldPermissions></PermissionSet>",
	"<PermissionSet><fieldPermissions><f>A</f></fieldPermissions><fieldPermissions><f>B</f>",
}

// TestSkipChangesNothing checks that skipping dropped sections gives the same
// document, or the same error at the same place, as reading every token.
func TestSkipChangesNothing(t *testing.T) {
	for _, src := range skipSeeds {
		compareSkip(t, []byte(src))
	}
}

// TestSkipSkips makes sure the fast path is taken for plain sections, so the
// comparison above tests something.
func TestSkipSkips(t *testing.T) {
	src := "<fieldPermissions><field>A &amp; B</field><!-- c --><x/></fieldPermissions><label>L</label>"
	from := len("<fieldPermissions>")
	end, ok := skipSection([]byte(src), from, "fieldPermissions", MaxDepth)
	if !ok || src[end:] != "<label>L</label>" {
		t.Errorf("skipSection = %d, %v; want the offset of <label>", end, ok)
	}
	for _, bad := range []string{"<field a='1'/>", "&#65;", "<![CDATA[x]]>", "<?p?>", "</other>", "a]]>b", "\x01"} {
		if _, ok := skipSection([]byte("<fieldPermissions>"+bad+"</fieldPermissions>"), from,
			"fieldPermissions", MaxDepth); ok {
			t.Errorf("skipSection accepted %q; it must leave it to the decoder", bad)
		}
	}
}

func FuzzSkip(f *testing.F) {
	for _, s := range skipSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(compareSkip)
}

func compareSkip(t *testing.T, data []byte) {
	fast, ferr := read(data, permOptions, true)
	slow, serr := read(data, permOptions, false)
	if (ferr == nil) != (serr == nil) || ferr != nil && ferr.Error() != serr.Error() {
		t.Fatalf("%q:\nskipping: %v\nreading:  %v", data, ferr, serr)
	}
	if !reflect.DeepEqual(fast, slow) {
		t.Fatalf("%q: skipping and reading give different documents", data)
	}
}

// FuzzPositions checks the reader's bulk position counting against counting
// one character at a time, at increasing offsets.
func FuzzPositions(f *testing.F) {
	f.Add([]byte("a\nbé\r\nc\rd\n\n"), uint8(3))
	f.Add([]byte("\r\n\r\n\xff\n"), uint8(1))
	f.Add([]byte(strings.Repeat("x\n", 50)), uint8(7))
	f.Fuzz(func(t *testing.T, data []byte, step uint8) {
		r := reader{data: data, pos: Pos{Line: 1, Col: 1}}
		want := Pos{Line: 1, Col: 1}
		prev := 0
		for off := 0; off <= len(data); off += int(step%16) + 1 {
			for i := prev; i < off; {
				switch c := data[i]; {
				case c == '\r' && i+1 < len(data) && data[i+1] == '\n':
					i++
					continue
				case c == '\n' || c == '\r':
					want = Pos{Line: want.Line + 1, Col: 1}
					i++
				case c < utf8.RuneSelf:
					want.Col++
					i++
				default:
					_, n := utf8.DecodeRune(data[i:])
					want.Col++
					i += n
				}
				if i > off {
					off = i // a character is never split
				}
			}
			prev = off
			if got := r.at(int64(off)); got != want {
				t.Fatalf("%q at %d: %v, want %v", data, off, got, want)
			}
		}
	})
}
