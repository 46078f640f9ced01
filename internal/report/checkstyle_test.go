package report

import (
	"bytes"
	"encoding/xml"
	"testing"
)

// TestCheckstyleRoundTrip reads the output back as a Checkstyle consumer
// would: every message, line break and XML special character included.
func TestCheckstyleRoundTrip(t *testing.T) {
	t.Parallel()
	var got checkstyleLog
	if err := xml.NewDecoder(bytes.NewReader(render(t, "checkstyle"))).Decode(&got); err != nil {
		t.Fatal(err)
	}
	r := fixture()
	var errs []checkstyleError
	for _, f := range got.Files {
		for _, e := range f.Errors {
			if e.Source == "" {
				t.Errorf("%s: an error without a source", f.Name)
			}
			errs = append(errs, e)
		}
	}
	if len(got.Files) != 2 || len(errs) != len(r.Findings) {
		t.Fatalf("%d files, %d errors; want 2 files, %d errors",
			len(got.Files), len(errs), len(r.Findings))
	}
	for i, f := range r.Findings {
		if want := messageWithFix(f); errs[i].Message != want {
			t.Errorf("error %d: message %q, want %q", i, errs[i].Message, want)
		}
	}
}
