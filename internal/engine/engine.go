package engine

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
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

// DefaultTimeout is how long the rules may take on one project: far more
// than any real project needs, short enough to stop a policy that loops.
const DefaultTimeout = 10 * time.Second

// Engine holds compiled rules, each with its prepared query.
type Engine struct {
	catalog *Catalog
	rules   []compiledRule
	timeout time.Duration
	// memLimit bounds the live heap while the rules run (SetMemoryLimit).
	memLimit uint64
	options  ast.Value // input.options: every declared option's value

	mu         sync.Mutex
	ruleErrors []Finding // meta/rule-error findings of every Eval so far
}

// denied are builtins a policy may not call: sflint reads a source tree and
// nothing else, so policies get no network, environment or runtime access.
var denied = map[string]bool{
	"http.send":          true,
	"net.lookup_ip_addr": true,
	"opa.runtime":        true,
}

// Capabilities are OPA's builtins less the denied ones. An empty allow_net
// also keeps json.match_schema from fetching a remote $ref.
func Capabilities() *ast.Capabilities {
	caps := ast.CapabilitiesForThisVersion()
	kept := caps.Builtins[:0]
	for _, b := range caps.Builtins {
		if !denied[b.Name] && !strings.HasPrefix(b.Name, "net.lookup") {
			kept = append(kept, b)
		}
	}
	caps.Builtins = kept
	caps.AllowNet = []string{}
	return caps
}

// NewCompiler returns the compiler every sflint policy is compiled with:
// strict, Rego v1, restricted capabilities, input type-checked against
// InputSchema. A rule's METADATA may give its own input schema (schemas:),
// which is how a rule written for a different document opts out.
func NewCompiler() *ast.Compiler { return newCompiler(InputSchema()) }

func newCompiler(schema map[string]any) *ast.Compiler {
	comp := ast.NewCompiler().
		WithStrict(true).
		WithCapabilities(Capabilities()).
		WithDefaultRegoVersion(ast.RegoV1).
		WithUseTypeCheckAnnotations(true)
	if schema != nil {
		ss := ast.NewSchemaSet()
		ss.Put(ast.SchemaRootRef, schema)
		comp = comp.WithSchemas(ss)
	}
	return comp
}

// Modules returns the catalog's modules, tests left out.
func (c *Catalog) Modules() map[string]*ast.Module {
	out := make(map[string]*ast.Module, len(c.modules))
	for f, m := range c.modules {
		if !strings.HasSuffix(f, "_test.rego") {
			out[f] = m
		}
	}
	return out
}

// ModulesWithTests returns every module of the catalog, tests included,
// parsing the test modules Load set aside.
func (c *Catalog) ModulesWithTests() (map[string]*ast.Module, error) {
	if err := c.parseTests(); err != nil {
		return nil, err
	}
	return maps.Clone(c.modules), nil
}

// Compile compiles the catalog's rules once and prepares one query per rule.
// The built-in catalog (Builtin), with any policies merged into it, is
// type-checked against InputSchema.
func Compile(ctx context.Context, c *Catalog) (*Engine, error) {
	comp := newCompiler(c.inputSchema())
	if comp.Compile(c.Modules()); comp.Failed() {
		return nil, astError("policy", comp.Errors)
	}
	rules, err := prepareRules(ctx, comp, c)
	if err != nil {
		return nil, err
	}
	opts, err := c.optionValues(nil)
	if err != nil {
		return nil, err
	}
	return &Engine{catalog: c, rules: rules, timeout: DefaultTimeout, memLimit: DefaultMemoryLimit,
		options: opts}, nil
}

// SetTimeout limits how long the rules may take on one project; 0 means no
// limit.
func (e *Engine) SetTimeout(d time.Duration) { e.timeout = d }

// Eval evaluates every rule against the input document. The rules run side
// by side under one time limit, so a rule that loops cannot starve the
// others. A rule that fails at run time or does not finish in time gives no
// findings; it becomes a meta/rule-error finding (see RuleErrors) and the
// other rules' findings are returned as usual. A result of the wrong shape
// is still a PolicyError.
func (e *Engine) Eval(ctx context.Context, input ast.Value) ([]Finding, error) {
	parent := ctx
	if e.timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, e.timeout)
		defer cancel()
	}
	input = e.withOptions(input)
	at := projectFile(input)
	results := e.evalRules(ctx, e.rules, input, at)
	if err := parent.Err(); err != nil {
		return nil, err // interrupted: no rule is to blame
	}
	var out, failed []Finding
	for i, res := range results {
		switch {
		case res.evalErr != nil:
			failed = append(failed, e.ruleError(e.rules[i].rule, res.evalErr))
		case res.err != nil:
			return nil, res.err
		}
		out = append(out, res.findings...)
	}
	e.addRuleErrors(failed)
	return Sort(out), nil
}

// evalRules evaluates rules side by side under the memory bound. When the
// bound stops them, the rules that were stopped are evaluated again one at a
// time, so that only the rule that needs the memory fails and the others
// still report.
func (e *Engine) evalRules(ctx context.Context, rules []compiledRule, input ast.Value, at string) []ruleResult {
	watched, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	stop := e.watchMemory(watched, cancel)
	results := make([]ruleResult, len(rules))
	var wg sync.WaitGroup
	for i, cr := range rules {
		wg.Go(func() { results[i] = cr.eval(watched, input, at) })
	}
	wg.Wait()
	stop()
	if !errors.Is(context.Cause(watched), errMemoryLimit) || ctx.Err() != nil {
		return results
	}
	for i, res := range results {
		if res.evalErr == nil {
			continue
		}
		if len(rules) == 1 {
			results[i].evalErr = errMemoryLimit
			continue
		}
		results[i] = e.evalRules(ctx, rules[i:i+1], input, at)[0]
	}
	return results
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
