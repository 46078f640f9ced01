package config

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/open-policy-agent/opa/v1/rego"
	"go.yaml.in/yaml/v3"

	"github.com/sflint/sflint/internal/engine"
	"github.com/sflint/sflint/rules"
)

var update = flag.Bool("update", false, "rewrite docs/config.schema.json")

const testdata = "../../testdata/config"

var (
	catOnce sync.Once
	testCat *engine.Catalog
	catErr  error
)

// catalog is the built-in rules plus testdata/config/policies, whose one
// rule declares an option of every type, loaded as one tree.
func catalog(t *testing.T) *engine.Catalog {
	t.Helper()
	catOnce.Do(func() {
		tree := fstest.MapFS{}
		copyTree := func(fsys fs.FS) error {
			return fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
				if err != nil || d.IsDir() {
					return err
				}
				data, err := fs.ReadFile(fsys, p)
				tree[p] = &fstest.MapFile{Data: data}
				return err
			})
		}
		catErr = copyTree(rules.FS)
		if catErr == nil {
			catErr = copyTree(os.DirFS(filepath.Join(testdata, "policies")))
		}
		if catErr == nil {
			testCat, catErr = engine.Load(tree, "rules")
		}
	})
	if catErr != nil {
		t.Fatal(catErr)
	}
	return testCat
}

func load(t *testing.T, path string) (*Config, error) {
	t.Helper()
	c, err := Load(path, filepath.Base(path))
	if err != nil {
		return nil, err
	}
	return c, c.Check(catalog(t))
}

func TestFullConfig(t *testing.T) {
	c, err := load(t, filepath.Join(testdata, "good", "full.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if c.FailOn != "warning" || len(c.Exclude) != 2 || len(c.PolicyDirs) != 1 {
		t.Errorf("fail-on %q, exclude %q, policies %q", c.FailOn, c.Exclude, c.PolicyDirs)
	}
	if want, _ := filepath.Abs(filepath.Join(testdata, "policies")); c.PolicyDirs[0] != want {
		t.Errorf("policy dir %s, want %s (relative to the file)", c.PolicyDirs[0], want)
	}
	opts := c.OptionValues()["custom/hosts"]
	if len(opts) != 5 || opts["max_api_version"] != 64.0 || opts["strict"] != true ||
		opts["apps"].(map[string]any)["Loopback_Auth"] != "Loopback" {
		t.Errorf("options %v", opts)
	}
	eng, err := engine.Compile(context.Background(), catalog(t))
	if err != nil {
		t.Fatal(err)
	}
	if err := eng.SetOptions(c.OptionValues()); err != nil {
		t.Errorf("the engine refuses options Check accepted: %v", err)
	}
}

func TestSeverityPrecedence(t *testing.T) {
	c, err := load(t, filepath.Join(testdata, "good", "full.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	cat := catalog(t)
	tests := map[string]engine.Severity{
		"project/malformed-xml":           engine.Warning, // its category says warning
		"perms/unknown-principal":         engine.Error,   // its own setting beats "perms: off"
		"perms/principal-access-disabled": 0,              // "perms: off"
		"eca/missing-run-as-user":         engine.Info,
		"eca/client-credentials-mismatch": engine.Error, // untouched
		"custom/hosts":                    engine.Error,
	}
	for id, want := range tests {
		r := cat.Lookup(id)
		if r == nil {
			t.Fatalf("no rule %s in the catalog", id)
		}
		if got := c.Severity(r); got != want {
			t.Errorf("%s: severity %v, want %v", id, got, want)
		}
		var nilConfig *Config
		if nilConfig.Severity(r) != r.Severity {
			t.Errorf("%s: without a file the rule must keep its severity", id)
		}
	}
	findings := []engine.Finding{
		{Rule: cat.Lookup("perms/principal-access-disabled"), Severity: engine.Error},
		{Rule: cat.Lookup("project/malformed-xml"), Severity: engine.Error},
	}
	got := c.Apply(findings)
	if len(got) != 1 || got[0].Severity != engine.Warning || findings[1].Severity != engine.Error {
		t.Errorf("Apply: %+v", got)
	}
	eff := c.EffectiveRules(cat.Rules)
	for _, r := range eff {
		if r.Category() == "perms" && r.ID != "perms/unknown-principal" {
			t.Errorf("rule %s is off but listed", r.ID)
		}
		if r.ID == "project/malformed-xml" &&
			(r.Severity != engine.Warning || cat.Lookup(r.ID).Severity != engine.Error) {
			t.Errorf("effective rule %s: %v; the catalog must not change", r.ID, r.Severity)
		}
	}
}

func TestGoodFiles(t *testing.T) {
	for _, name := range []string{"empty.yaml", "nulls.yaml", "anchors.yaml"} {
		c, err := load(t, filepath.Join(testdata, "good", name))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if name == "anchors.yaml" && c.Categories["extcred"].Severity != "info" {
			t.Errorf("anchors: %+v", c.Categories["extcred"])
		}
	}
}

var wantRE = regexp.MustCompile(`(?m)^# error: (.*)\n# schema: (\S+)`)

// TestBadFiles checks each file of testdata/config/bad against the error
// its first line announces, and the schema against its second line.
func TestBadFiles(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(testdata, "bad", "*.yaml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no test files: %v", err)
	}
	schema := schemaFor(t, catalog(t))
	for _, f := range files {
		name := filepath.Base(f)
		t.Run(strings.TrimSuffix(name, ".yaml"), func(t *testing.T) {
			data, _ := os.ReadFile(f)
			m := wantRE.FindSubmatch(data)
			if m == nil {
				t.Fatal("no '# error:' and '# schema:' lines")
			}
			_, err := load(t, f)
			want := name + ":" + string(m[1])
			if err == nil || !strings.HasPrefix(err.Error(), want) {
				t.Errorf("error:\n  %v\nwant it to start with\n  %s", err, want)
			}
			if verdict := string(m[2]); verdict != "-" {
				errs := validate(t, schema, data)
				if (len(errs) > 0) != (verdict == "rejects") {
					t.Errorf("schema %s, but its errors are %q", verdict, errs)
				}
			}
		})
	}
}

func TestSchemaAcceptsGoodFiles(t *testing.T) {
	schema := schemaFor(t, catalog(t))
	files, _ := filepath.Glob(filepath.Join(testdata, "good", "*.yaml"))
	for _, f := range files {
		data, _ := os.ReadFile(f)
		if errs := validate(t, schema, data); len(errs) > 0 {
			t.Errorf("%s: %q", filepath.Base(f), errs)
		}
	}
}

// TestSchemaFileIsCurrent keeps docs/config.schema.json equal to Schema of
// the built-in catalog; a rule that gains an option changes it.
func TestSchemaFileIsCurrent(t *testing.T) {
	cat, err := engine.Load(rules.FS, "rules")
	if err != nil {
		t.Fatal(err)
	}
	got, err := Schema(cat)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join("..", "..", "docs", "config.schema.json")
	if *update {
		if err := os.WriteFile(file, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/config -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Error("docs/config.schema.json is out of date: run go test ./internal/config -update")
	}
}

func schemaFor(t *testing.T, cat *engine.Catalog) any {
	t.Helper()
	data, err := Schema(cat)
	if err != nil {
		t.Fatal(err)
	}
	var s any
	if err := json.Unmarshal(data, &s); err != nil {
		t.Fatal(err)
	}
	return s
}

// validate checks YAML text against the schema with OPA's json.match_schema,
// which implements JSON Schema draft-07, and returns its complaints.
func validate(t *testing.T, schema any, data []byte) []string {
	t.Helper()
	var doc any
	if err := yaml.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	if doc == nil {
		doc = map[string]any{} // an empty file sets nothing
	}
	rs, err := rego.New(
		rego.Query("r := json.match_schema(input.doc, input.schema)"),
		rego.Input(map[string]any{"doc": doc, "schema": schema}),
	).Eval(context.Background())
	if err != nil || len(rs) != 1 {
		t.Fatalf("json.match_schema: %v", err)
	}
	r := rs[0].Bindings["r"].([]any)
	if r[0] == true {
		return nil
	}
	var out []string
	for _, e := range r[1].([]any) {
		out = append(out, e.(map[string]any)["desc"].(string))
	}
	return out
}

func TestFind(t *testing.T) {
	root := t.TempDir()
	deep := filepath.Join(root, "a", "b")
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	if got, err := Find(deep); err != nil || got != "" {
		t.Fatalf("Find with no file = %q, %v", got, err)
	}
	file := filepath.Join(root, "a", FileName)
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if got, _ := Find(deep); got != file {
		t.Errorf("Find = %q, want %q", got, file)
	}
	// A directory with the name is not a configuration file.
	if err := os.Mkdir(filepath.Join(deep, FileName), 0o755); err != nil {
		t.Fatal(err)
	}
	if got, _ := Find(deep); got != file {
		t.Errorf("Find = %q, want %q", got, file)
	}
}

func TestLoadMissingFile(t *testing.T) {
	_, err := Load(filepath.Join(t.TempDir(), "nope.yaml"), "nope.yaml")
	if err == nil || err.Error() != "nope.yaml: no such file or directory" {
		t.Errorf("error %v", err)
	}
}

func TestExcluded(t *testing.T) {
	dir := t.TempDir()
	c, err := Parse(FileName, dir, []byte("exclude:\n  - force-app/legacy/\n  - '*.page-meta.xml'\n"+
		"  - 'force-app/**/Old_*'\n  - '!force-app/legacy/Keep.cls'\n"))
	if err != nil {
		t.Fatal(err)
	}
	tests := map[string]bool{
		"force-app/legacy/classes/A.cls":                                         true,
		"force-app/main/pages/Home.page-meta.xml":                                true,
		"force-app/main/default/namedCredentials/Old_X.namedCredential-meta.xml": true,
		"force-app/main/default/namedCredentials/X.namedCredential-meta.xml":     false,
		"legacy/A.cls": false, // anchored to the file's directory
	}
	for rel, want := range tests {
		if got := c.Excluded(filepath.Join(dir, filepath.FromSlash(rel))); got != want {
			t.Errorf("%s: excluded %t, want %t", rel, got, want)
		}
	}
	if c.Excluded(filepath.Join(filepath.Dir(dir), "force-app", "legacy", "A.cls")) {
		t.Error("a file outside the configuration's directory was excluded")
	}
	var none *Config
	if none.Excluded(filepath.Join(dir, "force-app/legacy/A.cls")) {
		t.Error("no file excludes nothing")
	}
}

// TestWriteEffective prints the effective configuration, which must read
// back as a file that says the same.
func TestWriteEffective(t *testing.T) {
	c, err := load(t, filepath.Join(testdata, "good", "full.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	cat := catalog(t)
	var out bytes.Buffer
	if err := c.WriteEffective(&out, cat, "info"); err != nil {
		t.Fatal(err)
	}
	text := out.String()
	for _, want := range []string{
		"# Effective configuration from full.yaml.\n", "fail-on: info\n",
		"  perms/principal-access-disabled:\n    severity: \"off\"\n",
		"      max_api_version: 64\n", "      - acme.my.salesforce.com\n",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("output lacks %q:\n%s", want, text)
		}
	}
	back, err := Parse("effective.yaml", c.Dir, out.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if err := back.Check(cat); err != nil {
		t.Fatal(err)
	}
	for _, r := range cat.Rules {
		if back.Severity(r) != c.Severity(r) {
			t.Errorf("%s: %v after the round trip, %v before", r.ID, back.Severity(r), c.Severity(r))
		}
	}
	var defaults bytes.Buffer
	var none *Config
	if err := none.WriteEffective(&defaults, cat, "error"); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(defaults.String(), "# No .sflint.yaml found") ||
		!strings.Contains(defaults.String(), "run_as_pattern: ^integration@") {
		t.Errorf("defaults:\n%s", defaults.String())
	}
}
