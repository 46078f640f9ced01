package report

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sflint/sflint/internal/engine"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden from the current output")

// fixture is a small fixed report: four rules with every field set (one
// guarding a secret, one without findings) and findings in two files, one
// of whose messages holds every character some format must escape.
func fixture() *Report {
	rules := fixtureRules()
	access, token, note := rules[1], rules[2], rules[3] // rules[0] finds nothing
	const ec = "force-app/main/default/externalCredentials/" +
		"Loopback Auth.externalCredential-meta.xml"
	const proj = "sfdx-project.json"
	fs := []engine.Finding{
		{Rule: token, Severity: engine.Error, File: ec, Line: 14, Col: 9,
			Message: `token URL "https://login.salesforce.com:443/x?a=1,b=100%" is wrong` +
				"\nsee <ExternalCredential> & its parameters",
			Fix: "use https://<your My Domain>.my.salesforce.com/services/oauth2/token"},
		{Rule: access, Severity: engine.Warning, File: ec, Line: 16, Col: 5,
			Message: `no permission set grants access to principal "Nobody"`,
			Fix:     "grant Loopback_Auth-Nobody in a permission set"},
		{Rule: access, Severity: engine.Warning, File: ec, Line: 30, Col: 5,
			Message: `no permission set grants access to principal "Nobody"`,
			Fix:     "grant Loopback_Auth-Nobody in a permission set"},
		{Rule: note, Severity: engine.Info, File: proj, Line: 0, Col: 0,
			Message: "sourceApiVersion 50.0 is old."},
		{Rule: token, Severity: engine.Error, File: proj, Line: 3, Col: 17,
			Message: "token URL is on test.salesforce.com", Fix: "use the My Domain"},
	}
	silenced := []Suppressed{{Finding: engine.Finding{Rule: access, Severity: engine.Warning, File: ec,
		Line: 40, Col: 5, Message: `no permission set grants access to principal "Kiosk"`,
		Fix: "grant Loopback_Auth-Kiosk in a permission set"},
		Justification: "granted by hand in Setup until the kiosk app moves"}}
	return &Report{Findings: fs, Suppressed: silenced, Summary: Summarize(2, fs), Rules: rules,
		Version: "v1.2.3 (OPA v1.4.2)"}
}

// TestOnlySARIFShowsSuppressed keeps findings silenced in the source out of
// every format but SARIF, which marks them.
func TestOnlySARIFShowsSuppressed(t *testing.T) {
	t.Parallel()
	for _, format := range Formats() {
		out := string(render(t, format))
		shown := strings.Contains(out, "Kiosk")
		if format == "sarif" {
			if !shown || !strings.Contains(out, `"kind": "inSource"`) ||
				!strings.Contains(out, `"justification": "granted by hand in Setup until the kiosk app moves"`) {
				t.Errorf("sarif does not mark the suppressed finding:\n%s", out)
			}
			if strings.Count(out, `"suppressions": []`) != len(fixture().Findings) {
				t.Error("sarif: every finding that is not suppressed needs an empty suppressions list")
			}
			continue
		}
		if shown {
			t.Errorf("%s shows a suppressed finding", format)
		}
	}
}

// fixtureRules is the catalog of the fixture, sorted by id as the engine
// sorts it.
func fixtureRules() []*engine.Rule {
	return []*engine.Rule{{
		ID: "eca/missing-run-as-user", Title: "Client credentials flow without a Run As user",
		Severity: engine.Error, Description: "The client credentials flow needs a Run As user.",
		Why: "Salesforce runs the flow as that user.", Symptom: "invalid_grant",
		Fix: "Set the Run As user.", Before: "<isClientCredentialsFlowEnabled>true",
		After: "<clientCredentialsFlowUser>", Assumptions: "None.",
		Related: []string{"https://help.salesforce.com/s/articleView?id=sf.eca.htm"},
		Package: "sflint.rules.eca.missing_run_as_user",
		File:    "rules/eca/missing-run-as-user/rule.rego",
	}, {
		ID: "extcred/principal-without-access", Title: "No permission set grants the principal",
		Severity:    engine.Warning,
		Description: "Every principal needs a permission set that grants it.",
		Why:         "A principal nobody can use is dead configuration.",
		Symptom:     "Callouts fail with \"We couldn't access the credential(s)\".",
		Fix:         "Grant the principal in a permission set.",
		Before:      "<principalName>Nobody</principalName>",
		After:       "<externalCredentialPrincipal>Auth-Nobody</externalCredentialPrincipal>",
		Assumptions: "Profiles are not read.",
		Related:     []string{"https://help.salesforce.com/s/articleView?id=sf.nc_principals.htm"},
		Package:     "sflint.rules.extcred.principal_without_access",
		File:        "rules/extcred/principal-without-access/rule.rego",
	}, {
		ID: "extcred/token-url", Title: "Token URL is not the My Domain token endpoint",
		Severity:    engine.Error,
		Description: "The token request must go to https://<My Domain>/services/oauth2/token.",
		Why:         "Only the My Domain knows which org the app belongs to.",
		Symptom:     `{"error":"unsupported_grant_type"}`,
		Fix:         "Set AuthProviderUrl to the My Domain token endpoint.",
		Before:      "<parameterValue>https://login.salesforce.com/services/oauth2/token",
		After:       "<parameterValue>https://acme.my.salesforce.com/services/oauth2/token",
		Assumptions: "My Domain hosts end in .my.salesforce.com.",
		Related: []string{"https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth.htm",
			"https://developer.salesforce.com/docs/meta_externalcredential.htm"},
		Security: true,
		Package:  "sflint.rules.extcred.token_url", File: "rules/extcred/token-url/rule.rego",
	}, {
		ID: "project/api-version", Title: "Source API version is old", Severity: engine.Info,
		Description: "sfdx-project.json names an old sourceApiVersion.",
		Why:         "Old API versions drop fields such as `isClientCredentialsFlowEnabled`.",
		Symptom:     "Deploys drop fields silently.", Fix: "Raise sourceApiVersion.",
		Before: `"sourceApiVersion": "50.0"`, After: `"sourceApiVersion": "66.0"`,
		Assumptions: "None.", Related: []string{"https://developer.salesforce.com/docs/sfdx"},
		Package: "sflint.rules.project.api_version", File: "rules/project/api-version/rule.rego",
	}}
}

// render writes the fixture in one format.
func render(t *testing.T, format string) []byte {
	t.Helper()
	w, ok := Lookup(format)
	if !ok {
		t.Fatalf("format %q is not registered", format)
	}
	var buf bytes.Buffer
	if err := w(&buf, fixture()); err != nil {
		t.Fatalf("%s: %v", format, err)
	}
	return buf.Bytes()
}

// goldenPath is where a format's expected output lives.
func goldenPath(format string) string {
	return filepath.Join("testdata", format+".golden")
}

func TestGolden(t *testing.T) {
	t.Parallel()
	for _, format := range Formats() {
		t.Run(format, func(t *testing.T) {
			t.Parallel()
			got := render(t, format)
			if !bytes.Equal(got, render(t, format)) {
				t.Fatal("two runs on the same report gave different output")
			}
			path := goldenPath(format)
			if *update {
				writeIfChanged(t, path, got)
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./internal/report -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("output differs from %s (run with -update to accept it):\n%s",
					path, got)
			}
		})
	}
}

// writeIfChanged leaves an up-to-date golden file untouched, so -update
// does not churn timestamps.
func writeIfChanged(t *testing.T, path string, data []byte) {
	t.Helper()
	if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, data) {
		return
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestNoStaleGoldens catches a golden file left behind by a format that
// was renamed or removed.
func TestNoStaleGoldens(t *testing.T) {
	t.Parallel()
	paths, err := filepath.Glob(filepath.Join("testdata", "*.golden"))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range paths {
		format := strings.TrimSuffix(filepath.Base(p), ".golden")
		if _, ok := Lookup(format); !ok {
			t.Errorf("%s belongs to no registered format", p)
		}
	}
}
