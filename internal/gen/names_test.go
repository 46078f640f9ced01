package gen

import (
	"strings"
	"testing"
)

func problems(check func(p *Problems)) string {
	var p Problems
	check(&p)
	return strings.Join(p.list, "; ")
}

func TestNameChecks(t *testing.T) {
	long := strings.Repeat("a", MaxNameLength+1)
	tests := []struct {
		name  string
		check func(p *Problems)
		want  string // a substring of the problems; "" for none
	}{
		{"api ok", func(p *Problems) { CheckAPIName(p, "n", "Loop_Back2") }, ""},
		{"api empty", func(p *Problems) { CheckAPIName(p, "n", "") }, "is empty"},
		{"api digit first", func(p *Problems) { CheckAPIName(p, "n", "2Loop") }, "start with a letter"},
		{"api double underscore", func(p *Problems) { CheckAPIName(p, "n", "a__b") }, "two underscores"},
		{"api trailing underscore", func(p *Problems) { CheckAPIName(p, "n", "ab_") }, "end with _"},
		{"api dash", func(p *Problems) { CheckAPIName(p, "n", "a-b") }, "other than letters"},
		{"api path", func(p *Problems) { CheckAPIName(p, "n", "../x") }, "other than letters"},
		{"api long", func(p *Problems) { CheckAPIName(p, "n", long) }, "the limit is 40"},
		{"apex reserved", func(p *Problems) { CheckApexName(p, "n", "Trigger") }, "reserved word"},
		{"apex ok", func(p *Problems) { CheckApexName(p, "n", "AccountsController") }, ""},
		{"lwc ok", func(p *Problems) { CheckLWCName(p, "n", "loopbackExplorer2") }, ""},
		{"lwc upper", func(p *Problems) { CheckLWCName(p, "n", "Loopback") }, "lower-case"},
		{"lwc underscore", func(p *Problems) { CheckLWCName(p, "n", "loop_back") }, "camelCase"},
		{"domain ok", func(p *Problems) { CheckMyDomain(p, "Acme--Dev.sandbox.my.salesforce.com") }, ""},
		{"domain url", func(p *Problems) { CheckMyDomain(p, "https://x") }, "not a URL"},
		{"domain login", func(p *Problems) { CheckMyDomain(p, "login.salesforce.com") }, "My Domain"},
		{"domain label", func(p *Problems) { CheckMyDomain(p, "a_b.my.salesforce.com") }, "valid host"},
		{"domain empty", func(p *Problems) { CheckMyDomain(p, "") }, "is required"},
		{"user ok", func(p *Problems) { CheckUsername(p, "int@acme.example.com.dev") }, ""},
		{"user xml", func(p *Problems) { CheckUsername(p, "a<b@c.com") }, "not a username"},
		{"user empty", func(p *Problems) { CheckUsername(p, "") }, "is required"},
		{"version ok", func(p *Problems) { CheckAPIVersion(p, "66.0") }, ""},
		{"version bad", func(p *Problems) { CheckAPIVersion(p, "66") }, "look like 66.0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := problems(tt.check)
			if tt.want == "" && got != "" || tt.want != "" && !strings.Contains(got, tt.want) {
				t.Errorf("problems = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestParseScopes(t *testing.T) {
	var p Problems
	s := ParseScopes(&p, []string{"api, chatter_api", "API", "web"})
	if err := p.Err(); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(s.Tokens, ", "); got != "Api, Chatter, Web" {
		t.Errorf("tokens = %q", got)
	}
	if got := strings.Join(s.Wire, " "); got != "api chatter_api web" {
		t.Errorf("wire = %q", got)
	}
	got := problems(func(p *Problems) { ParseScopes(p, []string{"refresh_token,nope"}) })
	wants := []string{"issues no refresh token", `unknown scope "nope"`, "must include api"}
	for _, want := range wants {
		if !strings.Contains(got, want) {
			t.Errorf("problems %q lack %q", got, want)
		}
	}
}

// TestAllProblemsTogether checks that a generator reports every problem of
// its input at once.
func TestAllProblemsTogether(t *testing.T) {
	g := newTestGenerator(t)
	_, err := g.Example(ExampleSpec{Name: "9x", MyDomain: "example.com", RunAs: "bob"})
	ie, ok := err.(*InputError)
	if !ok {
		t.Fatalf("err = %v, want *InputError", err)
	}
	if len(ie.Problems) < 3 {
		t.Errorf("want the name, domain and username problems together, got %q", ie.Problems)
	}
}

func TestWords(t *testing.T) {
	for in, want := range map[string]string{
		"queryApexClass":   "Query apex class",
		"getURLInfo":       "Get URL info",
		"loopbackExplorer": "Loopback explorer",
		"Metadata_Reader":  "Metadata reader",
		"getSobjects2":     "Get sobjects2",
	} {
		if got := words(in); got != want {
			t.Errorf("words(%q) = %q, want %q", in, got, want)
		}
	}
	if got := kebab("loopbackExplorer"); got != "loopback-explorer" {
		t.Errorf("kebab = %q", got)
	}
}
