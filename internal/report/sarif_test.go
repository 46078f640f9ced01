package report

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sflint/sflint/internal/engine"
)

// multitoolVersion is the @microsoft/sarif-multitool release the tests were
// written against; the install hint names it so CI pins the same one.
const multitoolVersion = "5.7.0"

// sarifMultitool finds the SARIF Multitool: $SFLINT_SARIF_MULTITOOL, else
// node_modules/.bin/sarif-multitool at the repository root, else
// sarif-multitool on PATH. Without it the test fails, because a SARIF log
// GitHub rejects would otherwise ship unnoticed.
func sarifMultitool(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("SFLINT_SARIF_MULTITOOL"); p != "" {
		if _, err := os.Stat(p); err != nil {
			t.Fatalf("SFLINT_SARIF_MULTITOOL: %v", err)
		}
		return p
	}
	p, err := filepath.Abs(filepath.Join("..", "..", "node_modules", ".bin", "sarif-multitool"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(p); err == nil {
		return p
	}
	p, err = exec.LookPath("sarif-multitool")
	if err != nil {
		t.Fatalf("the SARIF Multitool is needed to validate SARIF output and was not found "+
			"(%v). Install the test tools with `npm ci` at the repository root (bash .ci/run "+
			"does), or point SFLINT_SARIF_MULTITOOL at a @microsoft/sarif-multitool@%s install",
			err, multitoolVersion)
	}
	return p
}

// multitoolLog is the part of the Multitool's own SARIF output the tests
// read: its findings about the input and its notes about the run.
type multitoolLog struct {
	Runs []struct {
		Results []struct {
			RuleID  string `json:"ruleId"`
			Level   string `json:"level"`
			Message struct {
				Arguments []string `json:"arguments"`
			} `json:"message"`
		} `json:"results"`
		Invocations []struct {
			ExecutionSuccessful bool                    `json:"executionSuccessful"`
			Configuration       []multitoolNotification `json:"toolConfigurationNotifications"`
			Execution           []multitoolNotification `json:"toolExecutionNotifications"`
		} `json:"invocations"`
	} `json:"runs"`
}

type multitoolNotification struct {
	Level   string `json:"level"`
	Message struct {
		Text string `json:"text"`
	} `json:"message"`
}

// validateSARIF runs the Multitool's GitHub and SARIF rules on log and
// returns every error and warning it reports, and any problem with the run
// itself. A note about the run counts too: the Multitool skips a file it
// does not take for SARIF with only a note and exit status 0.
func validateSARIF(t *testing.T, log []byte) []string {
	t.Helper()
	dir := t.TempDir()
	in, out := filepath.Join(dir, "sflint.sarif"), filepath.Join(dir, "validation.sarif")
	if err := os.WriteFile(in, log, 0o644); err != nil {
		t.Fatal(err)
	}
	console := runMultitool(t, sarifMultitool(t), "validate", "--rule-kind", "Gh;Sarif",
		"--level", "Error;Warning;Note", "--output", out, in)
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatalf("the Multitool wrote no validation log (%v); its output:\n%s", err, console)
	}
	var v multitoolLog
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatalf("read the Multitool's validation log: %v", err)
	}
	return multitoolProblems(v)
}

func multitoolProblems(v multitoolLog) []string {
	var problems []string
	for _, run := range v.Runs {
		for _, r := range run.Results {
			// SARIF defaults an absent level to warning.
			if r.Level == "" || r.Level == "error" || r.Level == "warning" {
				problems = append(problems, fmt.Sprintf("%s %s: %s",
					cmp.Or(r.Level, "warning"), r.RuleID, strings.Join(r.Message.Arguments, "; ")))
			}
		}
		for _, inv := range run.Invocations {
			if !inv.ExecutionSuccessful {
				problems = append(problems, "the Multitool's run did not succeed")
			}
			for _, n := range append(inv.Configuration, inv.Execution...) {
				problems = append(problems, fmt.Sprintf("run %s: %s", n.Level, n.Message.Text))
			}
		}
	}
	return problems
}

// runMultitool runs the tool and returns what it printed. The npm wrapper
// (node_modules/.bin) hands its arguments to /bin/sh unquoted, which would
// split "Gh;Sarif" into two commands, so arguments are quoted for it.
func runMultitool(t *testing.T, tool string, args ...string) string {
	t.Helper()
	if isNodeScript(tool) {
		quoted := make([]string, len(args))
		for i, a := range args {
			quoted[i] = "'" + strings.ReplaceAll(a, "'", `'\''`) + "'"
		}
		args = quoted
	}
	// The tool checks that help links answer, which must not hang a test.
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	out, err := exec.CommandContext(ctx, tool, args...).CombinedOutput()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		t.Fatalf("run %s: %v", tool, err)
	}
	return string(out)
}

func isNodeScript(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, 64)
	n, _ := f.Read(head)
	line, _, _ := bytes.Cut(head[:n], []byte("\n"))
	return bytes.HasPrefix(line, []byte("#!")) && bytes.Contains(line, []byte("node"))
}

// TestSARIFGoldenIsValid validates the output TestGolden holds equal to
// testdata/sarif.golden; reading the file instead would race with -update.
func TestSARIFGoldenIsValid(t *testing.T) {
	t.Parallel()
	for _, p := range validateSARIF(t, render(t, "sarif")) {
		t.Error(p)
	}
}

// TestSARIFValidatorReportsWarnings proves the validation above can fail:
// a log without $schema or tool version must draw warnings.
func TestSARIFValidatorReportsWarnings(t *testing.T) {
	t.Parallel()
	log := []byte(`{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "sflint",
		"rules": []}}, "results": []}]}`)
	problems := validateSARIF(t, log)
	if !strings.Contains(strings.Join(problems, "\n"), "SARIF2008") {
		t.Errorf("a log without $schema drew no SARIF2008 warning; problems: %q", problems)
	}
}

func TestSARIFSemver(t *testing.T) {
	t.Parallel()
	tests := []struct{ version, want string }{
		{"v1.2.3 (OPA v1.4.2)", "1.2.3"},
		{"v0.4.0-rc.1+build.7", "0.4.0-rc.1+build.7"},
		{"v0.0.0-20250101120000-abcdef123456+dirty", "0.0.0-20250101120000-abcdef123456+dirty"},
		{"(devel) (OPA v1.4.2)", ""},
		{"1.2", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := sarifSemver(tt.version); got != tt.want {
			t.Errorf("sarifSemver(%q) = %q, want %q", tt.version, got, tt.want)
		}
	}
}

func TestPascalName(t *testing.T) {
	t.Parallel()
	if got := pascalName("eca/missing-run-as-user"); got != "EcaMissingRunAsUser" {
		t.Errorf("pascalName = %q", got)
	}
}

// TestFingerprintIgnoresLine checks that an alert keeps its fingerprint when
// edits above it move it, and that identical findings in one file differ.
func TestFingerprintIgnoresLine(t *testing.T) {
	t.Parallel()
	rule := &engine.Rule{ID: "a/b"}
	f := engine.Finding{Rule: rule, File: "x.xml", Line: 3, Col: 1, Message: "m"}
	moved := f
	moved.Line, moved.Col = 40, 7
	if fingerprint(f, map[string]int{}) != fingerprint(moved, map[string]int{}) {
		t.Error("moving a finding changed its fingerprint")
	}
	seen := map[string]int{}
	if fingerprint(f, seen) == fingerprint(moved, seen) {
		t.Error("two identical findings in one file share a fingerprint")
	}
	other := f
	other.Message = "n"
	if fingerprint(f, map[string]int{}) == fingerprint(other, map[string]int{}) {
		t.Error("a different message kept the fingerprint")
	}
}

func TestMarkdownCodeFence(t *testing.T) {
	t.Parallel()
	got := mdCode("a ``` b ````")
	want := "`````\na ``` b ````\n`````"
	if got != want {
		t.Errorf("mdCode = %q, want %q", got, want)
	}
	if got := mdEscape("<a> *b* [c](d) e_f"); got != `\<a\> \*b\* \[c\](d) e\_f` {
		t.Errorf("mdEscape = %q", got)
	}
}
