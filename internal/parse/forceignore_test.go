package parse

import "testing"

func TestIgnore(t *testing.T) {
	ig := ParseIgnore(`# comment
**/jsconfig.json
**/__tests__/**
package.xml
/force-app/main/default/profiles/
*.dup
secret?.txt
[Tt]emp*
build/
!force-app/main/default/keep.package.xml
docs/**/*.md
\#literal
trailing   
`)
	tests := []struct {
		path string
		dir  bool
		want bool
	}{
		{"force-app/lwc/a/jsconfig.json", false, true},
		{"jsconfig.json", false, true},
		{"force-app/lwc/a/__tests__/a.test.js", false, true},
		{"force-app/lwc/a/__tests__", true, false},
		{"package.xml", false, true},
		{"force-app/main/package.xml", false, true},
		{"force-app/main/default/profiles", true, true},
		{"force-app/main/default/profiles/Admin.profile-meta.xml", false, true},
		{"src/main/default/profiles/Admin.profile-meta.xml", false, false},
		{"a/b.dup", false, true},
		{"secret1.txt", false, true},
		{"secret12.txt", false, false},
		{"x/Temp1.cls", false, true},
		{"x/temp", true, true},
		{"x/build", true, true},
		{"x/build", false, false},
		{"x/build/a.cls", false, true},
		{"docs/a/b/c.md", false, true},
		{"docs/c.md", false, true},
		{"other/docs/c.md", false, false},
		{"#literal", false, true},
		{"trailing", false, true},
		{"force-app/main/default/classes/A.cls", false, false},
	}
	for _, tt := range tests {
		if got := ig.Ignored(tt.path, tt.dir); got != tt.want {
			t.Errorf("Ignored(%q, dir=%v) = %v, want %v", tt.path, tt.dir, got, tt.want)
		}
	}
}

func TestIgnoreNegation(t *testing.T) {
	ig := ParseIgnore("*.xml\n!keep.xml\n")
	if !ig.Ignored("a/drop.xml", false) || ig.Ignored("a/keep.xml", false) {
		t.Error("negation does not re-include keep.xml")
	}
	var none *Ignore
	if none.Ignored("a", false) {
		t.Error("a nil Ignore ignores nothing")
	}
}
