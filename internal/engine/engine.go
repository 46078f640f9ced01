package engine

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/topdown"
)

// Finding is one result of a rule.
type Finding struct {
	Rule     *Rule
	Severity Severity
	File     string // relative to the project root
	Line     int
	Col      int
	Message  string
	Fix      string
}

// Engine holds compiled rules and a prepared query.
type Engine struct {
	catalog *Catalog
	query   rego.PreparedEvalQuery
}

// denied are builtins a policy may not call: sflint reads a source tree and
// nothing else, so policies get no network, environment or runtime access.
var denied = map[string]bool{
	"http.send":          true,
	"net.lookup_ip_addr": true,
	"opa.runtime":        true,
}

// Capabilities are OPA's builtins less the denied ones.
func Capabilities() *ast.Capabilities {
	caps := ast.CapabilitiesForThisVersion()
	kept := caps.Builtins[:0]
	for _, b := range caps.Builtins {
		if !denied[b.Name] && !strings.HasPrefix(b.Name, "net.lookup") {
			kept = append(kept, b)
		}
	}
	caps.Builtins = kept
	return caps
}

// NewCompiler returns the compiler every sflint policy is compiled with:
// strict, Rego v1, restricted capabilities.
func NewCompiler() *ast.Compiler {
	return ast.NewCompiler().
		WithStrict(true).
		WithCapabilities(Capabilities()).
		WithDefaultRegoVersion(ast.RegoV1)
}

// Modules returns the catalog's modules; tests included when withTests is set.
func (c *Catalog) Modules(withTests bool) map[string]*ast.Module {
	out := make(map[string]*ast.Module, len(c.modules))
	for f, m := range c.modules {
		if withTests || !strings.HasSuffix(f, "_test.rego") {
			out[f] = m
		}
	}
	return out
}

// Compile compiles the catalog's rules once and prepares the query that
// collects every rule's findings.
func Compile(ctx context.Context, c *Catalog) (*Engine, error) {
	comp := NewCompiler()
	if comp.Compile(c.Modules(false)); comp.Failed() {
		return nil, astError("policy", comp.Errors)
	}
	q, err := rego.New(
		rego.Compiler(comp),
		rego.Query("finding := data.sflint.rules[category][name].report[_]"),
	).PrepareForEval(ctx)
	if err != nil {
		return nil, fmt.Errorf("prepare: %w", err)
	}
	return &Engine{catalog: c, query: q}, nil
}

// Eval evaluates every rule against the input document.
func (e *Engine) Eval(ctx context.Context, input ast.Value) ([]Finding, error) {
	rs, err := e.query.Eval(ctx, rego.EvalParsedInput(input))
	if err != nil {
		return nil, evalError(err)
	}
	var out []Finding
	for _, r := range rs {
		pkg := fmt.Sprintf("sflint.rules.%s.%s", r.Bindings["category"], r.Bindings["name"])
		rule := e.catalog.byPkg[pkg]
		if rule == nil {
			continue // a helper package under sflint.rules that is not a rule
		}
		f, err := toFinding(rule, r.Bindings["finding"])
		if err != nil {
			return nil, &PolicyError{File: rule.File, Msg: err.Error()}
		}
		out = append(out, f)
	}
	return Sort(out), nil
}

// evalError names the policy file and line of a runtime error.
func evalError(err error) error {
	var te *topdown.Error
	if errors.As(err, &te) && te.Location != nil {
		return &PolicyError{File: te.Location.File, Line: te.Location.Row, Msg: te.Message}
	}
	return fmt.Errorf("evaluate: %w", err)
}

func toFinding(rule *Rule, v any) (Finding, error) {
	m, ok := v.(map[string]any)
	if !ok {
		return Finding{}, fmt.Errorf("rule %s: report must contain objects built with data.sflint.lib.finding", rule.ID)
	}
	f := Finding{Rule: rule, Severity: rule.Severity}
	f.File, _ = m["file"].(string)
	f.Message, _ = m["message"].(string)
	f.Fix, _ = m["fix"].(string)
	f.Line = intOf(m["line"])
	f.Col = intOf(m["col"])
	if f.File == "" || f.Message == "" {
		return Finding{}, fmt.Errorf("rule %s: a finding needs a file and a message", rule.ID)
	}
	return f, nil
}

func intOf(v any) int {
	switch n := v.(type) {
	case int:
		return n
	case int64:
		return int(n)
	case float64:
		return int(n)
	case interface{ Int64() (int64, error) }:
		i, _ := n.Int64()
		return int(i)
	}
	return 0
}

// Sort orders findings by file, line, column and rule, and drops duplicates,
// so that the same input always gives the same output.
func Sort(fs []Finding) []Finding {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Col != b.Col {
			return a.Col < b.Col
		}
		if a.Rule.ID != b.Rule.ID {
			return a.Rule.ID < b.Rule.ID
		}
		return a.Message < b.Message
	})
	out := fs[:0]
	for i, f := range fs {
		if i > 0 && sameFinding(f, fs[i-1]) {
			continue
		}
		out = append(out, f)
	}
	return out
}

func sameFinding(a, b Finding) bool {
	return a.File == b.File && a.Line == b.Line && a.Col == b.Col && a.Rule == b.Rule && a.Message == b.Message
}
