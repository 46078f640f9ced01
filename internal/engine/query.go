package engine

import (
	"context"
	"fmt"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
)

// compiledRule is a rule with the query that reads its findings.
type compiledRule struct {
	rule  *Rule
	query rego.PreparedEvalQuery
}

// prepareRules prepares "x := data.PACKAGE.ENTRY" for every Rego rule.
func prepareRules(ctx context.Context, comp *ast.Compiler, c *Catalog) ([]compiledRule, error) {
	var out []compiledRule
	for _, r := range c.Rules {
		if r.Package == "" {
			continue // implemented in Go (Catalog.Add)
		}
		ref, err := ast.ParseRef("data." + r.Package)
		if err != nil {
			return nil, &PolicyError{File: r.File, Msg: "package " + err.Error()}
		}
		ref = ref.Append(ast.StringTerm(r.Entry))
		if len(comp.GetRulesExact(ref)) == 0 {
			return nil, &PolicyError{File: r.File, Msg: fmt.Sprintf(
				"rule %s has no %s rule; its findings are the members of %s", r.ID, r.Entry, ref)}
		}
		// A builtin error (a division by zero, a bad regex) in a user's
		// policy fails the rule, as in sflint test; in a built-in rule it
		// leaves the expression undefined, as it always has.
		q, err := rego.New(
			rego.Compiler(comp),
			rego.Capabilities(comp.Capabilities()),
			rego.StrictBuiltinErrors(r.User),
			rego.Query("x := "+ref.String()),
		).PrepareForEval(ctx)
		if err != nil {
			return nil, fmt.Errorf("prepare %s: %w", r.ID, err)
		}
		out = append(out, compiledRule{rule: r, query: q})
	}
	return out, nil
}

// ruleResult is what evaluating one rule gave: its findings, an error of
// the evaluation itself (err from Eval: the rule failed or ran out of time),
// or a result of the wrong shape (a PolicyError).
type ruleResult struct {
	findings []Finding
	evalErr  error
	err      error
}

func (cr compiledRule) eval(ctx context.Context, input ast.Value, at string) ruleResult {
	rs, err := cr.query.Eval(ctx, rego.EvalParsedInput(input))
	if err != nil {
		return ruleResult{evalErr: err}
	}
	fs, err := cr.findings(rs, at)
	return ruleResult{findings: fs, err: err}
}

// findings turns the value of the rule's entry into findings. at is where
// a conftest-style message without a location is reported.
func (cr compiledRule) findings(rs rego.ResultSet, at string) ([]Finding, error) {
	if len(rs) == 0 {
		return nil, nil // a rule whose conditions do not hold is undefined
	}
	v := rs[0].Bindings["x"]
	r := cr.rule
	if r.Entry != "report" {
		return conftestFindings(r, v, at)
	}
	set, ok := v.([]any)
	if !ok {
		return nil, &PolicyError{File: r.File, Msg: fmt.Sprintf(
			"rule %s: report must be a set of objects built with data.sflint.lib.finding", r.ID)}
	}
	out := make([]Finding, 0, len(set))
	for _, x := range set {
		f, err := toFinding(r, x)
		if err != nil {
			return nil, &PolicyError{File: r.File, Msg: err.Error()}
		}
		out = append(out, f)
	}
	return out, nil
}

// conftestFindings reads a deny, violation or warn rule the way conftest
// does: a set (or array) of messages or of objects with msg, or a single one;
// true alone is a finding too.
func conftestFindings(r *Rule, v any, at string) ([]Finding, error) {
	values, ok := v.([]any)
	switch {
	case ok:
	case v == false || v == nil:
		return nil, nil
	case v == true:
		values = []any{fmt.Sprintf("data.%s.%s is true", r.Package, r.Entry)}
	default:
		values = []any{v}
	}
	out := make([]Finding, 0, len(values))
	for _, x := range values {
		f, err := conftestFinding(r, x, at)
		if err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	return out, nil
}

// conftestFinding reads one message. An object may say where: file
// (relative to the project root), line and col; without them the finding
// is on the project file at 1:1.
func conftestFinding(r *Rule, v any, at string) (Finding, error) {
	f := Finding{Rule: r, Severity: r.Severity, File: at, Line: 1, Col: 1}
	switch x := v.(type) {
	case string:
		f.Message = x
	case map[string]any:
		f.Message, _ = x["msg"].(string)
		f.Fix, _ = x["fix"].(string)
		if file, _ := x["file"].(string); file != "" {
			f.File = file
		}
		if n := intOf(x["line"]); n > 0 {
			f.Line = n
		}
		if n := intOf(x["col"]); n > 0 {
			f.Col = n
		}
	default:
		return f, &PolicyError{File: r.File, Msg: fmt.Sprintf(
			"rule %s: a result must be a message or an object with msg, not %T", r.ID, v)}
	}
	if f.Message == "" {
		msg := fmt.Sprintf("rule %s: a result has no message (msg)", r.ID)
		return f, &PolicyError{File: r.File, Msg: msg}
	}
	return f, nil
}

var projectFileRef = ast.Ref{ast.StringTerm("project"), ast.StringTerm("file")}

// projectFile is the project's sfdx-project.json, or "." (the tree itself)
// for a bare source tree.
func projectFile(input ast.Value) string {
	if t, err := input.Find(projectFileRef); err == nil {
		if s, ok := t.(ast.String); ok && s != "" {
			return string(s)
		}
	}
	return "."
}

// inputSchema is the schema a catalog is type-checked against, with the
// options its rules declare; nil for a catalog that is not sflint's.
func (c *Catalog) inputSchema() map[string]any {
	if !c.typed {
		return nil
	}
	s := InputSchema()
	s["properties"].(obj)["options"] = c.OptionsSchema()
	return s
}
