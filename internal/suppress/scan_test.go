package suppress

import (
	"strings"
	"testing"
)

func TestScanForms(t *testing.T) {
	tests := []struct {
		name  string
		style Style
		text  string
		want  Directive
	}{
		{"xml next line", XMLComments,
			"<a>\n    <!-- sflint-disable-next-line eca/x - kiosk app -->\n<b/>",
			Directive{Kind: NextLine, Rules: []string{"eca/x"},
				Reason: "kiosk app", Line: 2, Col: 5, EndLine: 2}},
		{"xml end of line", XMLComments,
			"<a>\n<b/> <!-- sflint-disable-line eca/x, eca/y - both known -->",
			Directive{Kind: SameLine, Rules: []string{"eca/x", "eca/y"},
				Reason: "both known", Line: 2, Col: 6, EndLine: 2}},
		{"xml multi-line comment", XMLComments,
			"<a>\n<!--\n  sflint-disable-next-line eca/x\n  - the reason\n-->\n<b/>",
			Directive{Kind: NextLine, Rules: []string{"eca/x"},
				Reason: "the reason", Line: 2, Col: 1, EndLine: 5}},
		{"xml region", XMLComments, "<!-- sflint-disable perms/a perms/b - migration -->",
			Directive{Kind: Disable, Rules: []string{"perms/a", "perms/b"},
				Reason: "migration", Line: 1, Col: 1, EndLine: 1}},
		{"xml enable all", XMLComments, "<!-- sflint-enable -->",
			Directive{Kind: Enable, Line: 1, Col: 1, EndLine: 1}},
		{"xml file", XMLComments, "<?xml?>\n<!-- sflint-disable-file project/unknown-element - vendor file -->",
			Directive{Kind: WholeFile, Rules: []string{"project/unknown-element"},
				Reason: "vendor file", Line: 2, Col: 1, EndLine: 2}},
		{"apex", SlashComments, "class A {\n    // sflint-disable-next-line apex/x -- reviewed, see ADR-7\n}",
			Directive{Kind: NextLine, Rules: []string{"apex/x"},
				Reason: "reviewed, see ADR-7", Line: 2, Col: 5, EndLine: 2}},
		{"js end of line with single dash", SlashComments, "fetch(u); // sflint-disable-line lwc/x - CDN\r\n",
			Directive{Kind: SameLine, Rules: []string{"lwc/x"},
				Reason: "CDN", Line: 1, Col: 11, EndLine: 1}},
		{"unicode column", XMLComments, "<é>é <!-- sflint-disable-line a/b - r -->",
			Directive{Kind: SameLine, Rules: []string{"a/b"}, Reason: "r", Line: 1, Col: 6, EndLine: 1}},
		{"reason with dashes", SlashComments, "// sflint-disable-next-line a/b -- keep - for now -- really",
			Directive{Kind: NextLine, Rules: []string{"a/b"},
				Reason: "keep - for now -- really", Line: 1, Col: 1, EndLine: 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ds := Scan(tt.style, []byte(tt.text))
			if len(ds) != 1 {
				t.Fatalf("got %d directives: %+v", len(ds), ds)
			}
			got := ds[0]
			got.Form = ""
			sameRules := strings.Join(got.Rules, " ") == strings.Join(tt.want.Rules, " ")
			samePos := got.Line == tt.want.Line && got.Col == tt.want.Col && got.EndLine == tt.want.EndLine
			same := got.Kind == tt.want.Kind && sameRules && got.Reason == tt.want.Reason && samePos
			if got.Problem != "" || !same {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestScanProblems(t *testing.T) {
	tests := []struct {
		name  string
		style Style
		text  string
		want  string
	}{
		{"no reason", XMLComments, "<!-- sflint-disable-next-line eca/x -->",
			`sflint-disable-next-line eca/x has no reason; write it after " - "`},
		{"dash but no reason", SlashComments, "// sflint-disable-line a/b --",
			`sflint-disable-line a/b has no reason; write it after "--"`},
		{"no rule", XMLComments, "<!-- sflint-disable-file - vendor -->",
			"sflint-disable-file names no rule; write the rule id after it"},
		{"unknown form", SlashComments, "// sflint-disable-nextline a/b -- r",
			`unknown directive "sflint-disable-nextline"; valid: sflint-disable-next-line,`},
		{"double dash in XML", XMLComments, "<!-- sflint-disable-next-line a/b -- r -->",
			`"--" may not appear in an XML comment`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ds := Scan(tt.style, []byte(tt.text))
			if len(ds) != 1 || !strings.HasPrefix(ds[0].Problem, tt.want) {
				t.Errorf("got %+v, want problem %q", ds, tt.want)
			}
		})
	}
}

func TestScanIgnores(t *testing.T) {
	tests := []struct {
		name  string
		style Style
		text  string
	}{
		{"comment that mentions sflint", XMLComments, "<!-- see sflint-disable in the README -->"},
		{"want marker", XMLComments, "<a/> <!-- want eca/x -->"},
		{"url in apex string", SlashComments, "String u = 'https://sflint-docs.example.com';"},
		{"block comment", SlashComments, "/* sflint-disable-next-line a/b -- r */"},
		{"no comments in json", NoComments, `{"x": "// sflint-disable-line a/b -- r"}`},
	}
	for _, tt := range tests {
		if ds := Scan(tt.style, []byte(tt.text)); len(ds) != 0 {
			t.Errorf("%s: got %+v", tt.name, ds)
		}
	}
}

func TestStyleOf(t *testing.T) {
	for name, want := range map[string]Style{
		"a/Loopback.namedCredential-meta.xml": XMLComments,
		"lwc/c/c.html":                        XMLComments,
		"classes/A.cls":                       SlashComments,
		"triggers/T.trigger":                  SlashComments,
		"lwc/c/c.js":                          SlashComments,
		"sfdx-project.json":                   NoComments,
		"staticresources/x.resource":          NoComments,
	} {
		if got := StyleOf(name); got != want {
			t.Errorf("%s: %v, want %v", name, got, want)
		}
	}
}

func TestUnclosedXMLComment(t *testing.T) {
	ds := Scan(XMLComments, []byte("<a>\n<!-- sflint-disable-file a/b - r\n<b/>"))
	if len(ds) != 1 || ds[0].EndLine != 3 || ds[0].Reason != "r\n<b/>" {
		t.Errorf("got %+v", ds)
	}
}
