package suppress

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
)

// fuzzSeeds are realistic directives and hostile input: missing reasons,
// unknown forms and ids, "--" in XML comments, unterminated comments, NUL
// bytes, invalid UTF-8, CRLF and CR line ends and long lines. Lines of a
// megabyte are left to TestScanHugeLines: the fuzzer spends its time
// minimizing inputs that large.
var fuzzSeeds = []string{
	"<a>\n    <!-- sflint-disable-next-line eca/unneeded-flows - kiosk app -->\n<b/>",
	"<b/> <!-- sflint-disable-line eca/x, eca/y - both known -->",
	"<a>\n<!--\n  sflint-disable-next-line eca/x\n  - the reason\n-->\n<b/>",
	"<!--\nsflint-disable-next-line\neca/x - form ends its line\n-->",
	"<!-- sflint-disable perms/a perms/b - migration -->\n<x/>\n<!-- sflint-enable -->",
	"<!-- sflint-disable-file project/unknown-element - vendor file -->",
	"<!-- sflint-disable-next-line eca/x -->",
	"<!-- sflint-disable-next-line - no rule -->",
	"<!-- sflint-disable-nextline eca/x - typo in the form -->",
	"<!-- sflint-disable-next-line no/such-rule - unknown id -->",
	"<!-- sflint-disable-next-line eca/x -- double dash in XML -->",
	"<!-- sflint-disable-next-line eca/x - unterminated",
	"<!-- sflint-enable",
	"<!---->sflint-<!--",
	"<!--sflint-disable-->-->",
	"<!-- sflint-disable a/b - r\x00 -->\x00<!-- sflint-enable\x00 -->",
	"<\xff\xfe>\xc3<!-- sflint-disable-line a/b - \xed\xa0\x80 -->",
	"<a>\r\n<!-- sflint-disable-next-line a/b - crlf -->\r\n<b/>\r\n",
	"<a>\r<!-- sflint-disable-next-line a/b - cr only -->\r<b/>\r",
	"class A {\n    // sflint-disable-next-line apex/x -- reviewed, see ADR-7\n}",
	"fetch(u); // sflint-disable-line lwc/x - CDN\r\n",
	"// sflint-disable-next-line apex/x\n",
	"// sflint-disable-next-line -- no rule\n",
	"// sflint-enable\n// sflint-enable extra/rule\n",
	"String u = 'https://x'; // sflint-disable-line a/b -- url before\n",
	"s = 'http://sflint-disable a/b -- not a comment';\n",
	"//\x00sflint-disable a/b -- nul\n",
	"// sflint-disable a/b -- \xff\xfe invalid\r\r// sflint-enable\r",
	"////sflint-disable-file a/b -- slashes\n\n\n",
	"// sflint-disable-line " + strings.Repeat("a/b, ", 1500) + "-- huge\n",
	"<!-- sflint-disable-line " + strings.Repeat("é", 4000) + " - huge -->",
	strings.Repeat("\n", 1000) + "// sflint-disable-file a/b -- late\n",
	"sflint-",
	"",
}

// FuzzScan checks that Scan never panics, reports positions inside the
// data and gives the same directives for the same input.
func FuzzScan(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		data := []byte(s)
		lines := bytes.Count(data, []byte("\n")) + 1
		for _, style := range []Style{XMLComments, SlashComments, NoComments} {
			ds := Scan(style, data)
			if again := Scan(style, data); !reflect.DeepEqual(ds, again) {
				t.Fatalf("style %d: two scans differ:\n%+v\n%+v", style, ds, again)
			}
			for _, d := range ds {
				checkDirective(t, d, lines)
			}
			if style == NoComments && ds != nil {
				t.Fatalf("NoComments gave directives: %+v", ds)
			}
		}
	})
}

func checkDirective(t *testing.T, d Directive, lines int) {
	t.Helper()
	switch {
	case d.Line < 1, d.Col < 1, d.Line > lines:
		t.Fatalf("position %d:%d outside %d lines: %+v", d.Line, d.Col, lines, d)
	case d.EndLine < d.Line, d.EndLine > lines:
		t.Fatalf("end line %d not in [%d, %d]: %+v", d.EndLine, d.Line, lines, d)
	case !strings.HasPrefix(d.Form, "sflint-"):
		t.Fatalf("form %q does not start with sflint-", d.Form)
	case d.Kind == 0 && d.Problem == "":
		t.Fatalf("unknown form %q without a problem", d.Form)
	}
	for _, r := range d.Rules {
		if r == "" || strings.ContainsAny(r, ", \t\n") {
			t.Fatalf("rule id %q holds a separator", r)
		}
	}
}
