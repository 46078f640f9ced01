package engine

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/open-policy-agent/opa/v1/topdown"
)

// RuleError reports a rule whose evaluation failed at run time or did not
// finish within the time limit. It is implemented here, in Go: add it to a
// catalog with Catalog.Add so that rules, explain and the output formats
// know it.
var RuleError = &Rule{
	ID:       "meta/rule-error",
	Title:    "Rule that failed while sflint ran it",
	Severity: Error,
	Description: "A rule (usually one of your policies) stopped with an error while it was\n" +
		"evaluated on a project: a conflict (eval_conflict_error, a complete rule or\n" +
		"function with two different values), a builtin error (a division by zero,\n" +
		"a value of the wrong type), the time limit (--timeout) running out, or the\n" +
		"live memory of the evaluation passing its limit (--memory-limit).\n" +
		"The finding is on the policy file and the line OPA names (line 1 when it\n" +
		"names none), and says which rule failed and why. The other rules still run\n" +
		"and report as usual.",
	Why: "A rule that fails reports nothing, so the problems it was written to catch\n" +
		"would pass unnoticed; stopping the whole run instead would let one broken\n" +
		"policy hide every other rule's findings.",
	Symptom: "None in Salesforce; the failing rule's findings are missing from the report.",
	Fix: "Fix the policy at the line given (sflint test runs its unit tests), or make\n" +
		"the rule do less work; raise --timeout or --memory-limit only for a very\n" +
		"large project.",
	Before: "name := nc.name if some nc in input.namedCredentials  # two credentials: conflict",
	After:  "names contains nc.name if some nc in input.namedCredentials",
	Assumptions: "The memory limit applies to the live Go heap of the whole evaluation,\n" +
		"input document included; when it is passed, the rules still running are\n" +
		"stopped and run again one at a time, so that only a rule that needs the\n" +
		"memory on its own fails. OPA stops a rule between evaluation steps, so\n" +
		"one builtin call that builds a huge value at once can pass the limit\n" +
		"before it is stopped: run policies you do not trust under an operating\n" +
		"system memory limit too. The findings of this rule are not filtered by\n" +
		"suppression comments, baselines or --new-from-rev; .sflint.yaml may\n" +
		"change their severity.",
}

// ruleError is the finding of a rule whose evaluation failed with err.
func (e *Engine) ruleError(r *Rule, err error) Finding {
	f := Finding{Rule: RuleError, Severity: RuleError.Severity, File: r.File, Line: 1, Col: 1}
	var te *topdown.Error
	if errors.As(err, &te) && te.Location != nil && te.Location.File != "" {
		f.File, f.Line = te.Location.File, max(te.Location.Row, 1)
	}
	switch {
	case errors.Is(err, errMemoryLimit):
		f.Message = fmt.Sprintf("rule %s stopped: the evaluation's live memory passed the %d MiB limit "+
			"(--memory-limit)", r.ID, e.memLimit>>20)
		f.Fix = "make the rule build smaller values, or raise --memory-limit"
	case topdown.IsCancel(err) || errors.Is(err, context.DeadlineExceeded):
		f.Message = fmt.Sprintf("rule %s did not finish within the %s time limit (--timeout)",
			r.ID, e.timeout)
		f.Fix = "make the rule do less work, or raise --timeout"
	case te != nil:
		f.Message = fmt.Sprintf("rule %s failed: %s: %s", r.ID, te.Code, oneLine(te.Message))
		f.Fix = "fix the policy at this line"
	default:
		f.Message = fmt.Sprintf("rule %s failed: %s", r.ID, oneLine(err.Error()))
		f.Fix = "fix the policy"
	}
	return f
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// RuleErrors returns the meta/rule-error findings of every Eval so far,
// sorted and without duplicates. They are kept apart from Eval's findings
// because they name policy files, which are not among the project's files.
func (e *Engine) RuleErrors() []Finding {
	e.mu.Lock()
	defer e.mu.Unlock()
	return Sort(append([]Finding(nil), e.ruleErrors...))
}

func (e *Engine) addRuleErrors(fs []Finding) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.ruleErrors = append(e.ruleErrors, fs...)
}
