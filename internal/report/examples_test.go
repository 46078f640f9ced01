package report

import (
	"bytes"
	"context"
	"testing"

	"github.com/sflint/sflint/internal/engine"
	"github.com/sflint/sflint/internal/lint"
)

// brokenReport lints examples/broken with the built-in rules, as the CLI does.
func brokenReport(t *testing.T) *Report {
	t.Helper()
	cat, err := engine.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	eng, err := engine.Compile(context.Background(), cat)
	if err != nil {
		t.Fatal(err)
	}
	res, err := lint.Run(context.Background(), eng, nil, lint.Options{Dir: "../../examples/broken"})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Findings) == 0 {
		t.Fatal("examples/broken has no findings")
	}
	return &Report{Findings: res.Findings, Summary: Summarize(res.Files, res.Findings), Rules: cat.Rules,
		Version: "v0.1.0-dev (OPA v1.22.4)"}
}

// TestBrokenExampleSARIFIsValid validates the SARIF of a real run with
// Microsoft's SARIF Multitool and GitHub's ingestion rules.
func TestBrokenExampleSARIFIsValid(t *testing.T) {
	var b bytes.Buffer
	if err := SARIF(&b, brokenReport(t)); err != nil {
		t.Fatal(err)
	}
	for _, p := range validateSARIF(t, b.Bytes()) {
		t.Error(p)
	}
}

// TestBrokenExampleJUnitIsValid validates every test suite of a real run
// against the Surefire schema.
func TestBrokenExampleJUnitIsValid(t *testing.T) {
	var b bytes.Buffer
	rep := brokenReport(t)
	if err := JUnit(&b, rep); err != nil {
		t.Fatal(err)
	}
	for i, doc := range splitSuites(t, b.Bytes()) {
		if err := validateSuite(t, doc); err != nil {
			t.Errorf("test suite %d breaks the Surefire schema: %v", i, err)
		}
	}
	checkTotals(t, b.Bytes(), len(rep.Findings))
}
