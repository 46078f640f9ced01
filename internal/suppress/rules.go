package suppress

import "github.com/sflint/sflint/internal/engine"

// The meta rules judge suppression comments. They are written in Go rather
// than Rego because comments never reach the input document: Apply reads
// them from the files after the rules have run. The CLI adds them to the
// catalog (engine.Catalog.Add), so rules, explain and SARIF list them and
// .sflint.yaml can turn them off or change their severity.

// BadSuppression reports directives that cannot be used.
var BadSuppression = &engine.Rule{
	ID:       "meta/bad-suppression",
	Title:    "Suppression comment that sflint cannot use",
	Severity: engine.Warning,
	Description: "A comment that starts with sflint-disable or sflint-enable but is not\n" +
		"a valid suppression: an unknown form, no rule id, a rule id sflint does\n" +
		"not know, no reason, an sflint-enable with no region to end, or (in XML)\n" +
		"\"--\" inside the comment. Such a comment suppresses nothing.",
	Why: "A suppression is a reviewed decision to accept a finding; without the reason\n" +
		"nobody can review it later, and a misspelt rule id silently suppresses nothing.",
	Symptom: "The finding the comment was meant to silence is still reported (and may fail\n" +
		"the build). \"--\" in an XML comment makes the file malformed: the deploy\n" +
		"fails with a parse error.",
	Fix: "Write the form, the rule id as 'sflint rules' lists it, then the reason after\n" +
		"\" - \" in XML or \"--\" in Apex and JavaScript.",
	Before: "<!-- sflint-disable-next-line eca/unneeded-flow -->",
	After: "<!-- sflint-disable-next-line eca/unneeded-flows - " +
		"the kiosk app uses the device flow -->",
	Assumptions: "Only comments whose text starts with sflint- are read as directives; a\n" +
		"comment that merely mentions sflint is left alone. Findings of the meta\n" +
		"rules themselves cannot be suppressed in source; turn the rules off or\n" +
		"change their severity in .sflint.yaml.",
}

// UnusedSuppression reports directives that match no finding.
var UnusedSuppression = &engine.Rule{
	ID:       "meta/unused-suppression",
	Title:    "Suppression comment that suppresses nothing",
	Severity: engine.Warning,
	Description: "A valid suppression comment for a rule that reports nothing where the\n" +
		"comment applies (the next line, its own line, its region or its file).\n" +
		"It is not reported for rules that .sflint.yaml turns off, or when\n" +
		"--no-suppressions is given.",
	Why: "The finding it was written for has been fixed or has moved. Left in place, the\n" +
		"comment would silently hide a new problem of the same rule later.",
	Symptom: "None at run time; the comment hides the next finding of its rule at that place.",
	Fix:     "Remove the comment, or move it next to the finding it is meant for.",
	Before: "<!-- sflint-disable-next-line extcred/token-url - legacy org -->\n" +
		"<parameterValue>https://acme.my.salesforce.com/services/oauth2/token</parameterValue>",
	After: "<parameterValue>https://acme.my.salesforce.com/services/oauth2/token</parameterValue>",
	Assumptions: "A finding is matched by line, so a next-line comment must sit directly above\n" +
		"the line sflint reports (the element that is wrong), with no blank line between.",
}

// Rules are the meta rules, for engine.Catalog.Add.
func Rules() []*engine.Rule { return []*engine.Rule{BadSuppression, UnusedSuppression} }
