package engine

import (
	"strings"
	"testing"
)

func TestMatchSymptom(t *testing.T) {
	cat := &Catalog{byID: map[string]*Rule{}}
	for id, symptom := range map[string]string{
		"eca/run-as": `The token request answers {"error":"invalid_grant",` +
			`"error_description":"no client credentials user enabled"}.`,
		"eca/mismatch": `Fails with "no client credentials user enabled" or "unsupported_grant_type".`,
		"extcred/url": `login.salesforce.com: unsupported_grant_type. Instance hosts: ` +
			`"request not supported on this domain". Wrong paths: HTTP 404. Every callout fails.`,
		"namedcred/path": `Callouts answer 404 (NOT_FOUND).`,
		"perms/access":   `Callouts fail with "We couldn't access the credential(s)".`,
		"perms/crud":     `Every callout fails with an insufficient access error.`,
	} {
		if err := cat.Add(&Rule{ID: id, Title: id, Symptom: symptom, Severity: Error}); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct{ text, want string }{
		{"no client credentials user enabled", "eca/mismatch eca/run-as"},
		{`{"error":"invalid_grant","error_description":"no client credentials user enabled"}`,
			"eca/run-as"},
		{"unsupported_grant_type", "eca/mismatch extcred/url"},
		{"Request not supported on this domain.", "extcred/url"},
		{"a 404 from a callout", "extcred/url namedcred/path"},
		{"We couldn’t access the credential", "perms/access"},
		{"the callout failed", ""}, // words most symptoms share match nothing
		{"banana", ""},
		{"", ""},
	}
	for _, tt := range tests {
		text, want := tt.text, tt.want
		var ids []string
		for _, r := range cat.MatchSymptom(text) {
			ids = append(ids, r.ID)
		}
		if got := strings.Join(ids, " "); got != want {
			t.Errorf("MatchSymptom(%q) = %q, want %q", text, got, want)
		}
	}
}
