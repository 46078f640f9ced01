package engine

import (
	"bytes"
	"context"
	"flag"
	"os"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite docs/input.schema.json")

const publishedSchema = "../../docs/input.schema.json"

// TestPublishedSchemaIsCurrent keeps docs/input.schema.json identical to
// the schema the rules are type-checked against.
func TestPublishedSchemaIsCurrent(t *testing.T) {
	got := InputSchemaJSON()
	if *update {
		if err := os.WriteFile(publishedSchema, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(publishedSchema)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s is out of date: run go test ./internal/engine -update", publishedSchema)
	}
}

// TestBuiltinRulesTypeCheck compiles every built-in rule against the input
// schema, as sflint lint does.
func TestBuiltinRulesTypeCheck(t *testing.T) {
	cat, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	if !cat.typed {
		t.Fatal("the built-in catalog is not type-checked")
	}
	if _, err := Compile(context.Background(), cat); err != nil {
		t.Fatal(err)
	}
}

// TestTypeErrors checks that rules reading what the input does not have are
// refused when they compile, with a one-line hint.
func TestTypeErrors(t *testing.T) {
	tests := []struct {
		name, body, want string
	}{
		{"misspelt element", `some nc in input.namedCredentials
	nc.lable.value == ""`, `undefined ref: nc.lable.value (did you mean "label"?)`},
		{"element compared with a string", `some nc in input.namedCredentials
	nc.label == "x"`, "compare its .value"},
		{"unknown list", `some nc in input.records`, "undefined ref: input.records"},
		{"misspelt link", `some nc in input.namedCredentials
	nc.links.externalCredential.fund`, `(did you mean "found"?)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := strings.Replace(policyRule, "some nc in input.namedCredentials", tt.body, 1)
			_, err := compileUser(t, map[string]string{"p/rule.rego": src})
			if err == nil || !strings.Contains(err.Error(), tt.want) ||
				!strings.HasPrefix(err.Error(), "p/rule.rego:") {
				t.Errorf("err = %v, want p/rule.rego:LINE: ...%s", err, tt.want)
			}
		})
	}
}

// TestSchemaOptOut shows the way out for a rule that reads another
// document: its own input schema in METADATA.
func TestSchemaOptOut(t *testing.T) {
	src := strings.Replace(policyRule, "report contains", `# METADATA
# schemas:
#   - input: {}
report contains`, 1)
	src = strings.Replace(src, "some nc in input.namedCredentials", "some nc in input.anything", 1)
	if _, err := compileUser(t, map[string]string{"p/rule.rego": src}); err != nil {
		t.Fatal(err)
	}
}
