package report

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
)

// surefireXSD is the Maven Surefire report schema CI servers read JUnit
// XML by. Its root is <testsuite>, so each suite is validated on its own.
const surefireXSD = "../../../shared/corpus/schema/surefire-test-report-3.0.2.xsd"

// xmllint finds xmllint, failing the test when it is missing: unvalidated
// JUnit output is exactly what CI servers silently drop.
func xmllint(t *testing.T) string {
	t.Helper()
	p, err := exec.LookPath("xmllint")
	if err != nil {
		t.Fatalf("xmllint is needed to validate JUnit output against the Surefire schema (%v); "+
			"install it with: apt-get update && apt-get install -y libxml2-utils", err)
	}
	return p
}

// validateSuite checks one <testsuite> document against the Surefire schema
// and returns xmllint's complaint, if any.
func validateSuite(t *testing.T, doc []byte) error {
	t.Helper()
	path := filepath.Join(t.TempDir(), "testsuite.xml")
	if err := os.WriteFile(path, doc, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(xmllint(t), "--noout", "--schema", surefireXSD, path).CombinedOutput()
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		return fmt.Errorf("%s", out)
	}
	if err != nil {
		t.Fatalf("run xmllint: %v", err)
	}
	return nil
}

// splitSuites copies every <testsuite> element of a JUnit report, token by
// token, into a document of its own, so nothing the report holds escapes
// validation.
func splitSuites(t *testing.T, report []byte) [][]byte {
	t.Helper()
	var docs [][]byte
	var buf bytes.Buffer
	var enc *xml.Encoder
	depth := 0
	dec := xml.NewDecoder(bytes.NewReader(report))
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return docs
		}
		if err != nil {
			t.Fatalf("the JUnit report is not well-formed XML: %v", err)
		}
		if se, ok := tok.(xml.StartElement); ok && depth == 0 && se.Name.Local == "testsuite" {
			buf.Reset()
			buf.WriteString(xml.Header)
			enc = xml.NewEncoder(&buf)
		}
		if _, ok := tok.(xml.StartElement); ok && enc != nil {
			depth++
		}
		if enc != nil {
			if err := enc.EncodeToken(xml.CopyToken(tok)); err != nil {
				t.Fatal(err)
			}
		}
		if _, ok := tok.(xml.EndElement); ok && enc != nil {
			if depth--; depth == 0 {
				if err := enc.Flush(); err != nil {
					t.Fatal(err)
				}
				docs = append(docs, bytes.Clone(buf.Bytes()))
				enc = nil
			}
		}
	}
}

// TestJUnitGoldenIsValid validates the output TestGolden holds equal to
// testdata/junit.golden; reading the file instead would race with -update.
func TestJUnitGoldenIsValid(t *testing.T) {
	t.Parallel()
	report := render(t, "junit")
	suites := splitSuites(t, report)
	if len(suites) != len(fixture().Rules) {
		t.Fatalf("got %d test suites, want one per rule (%d)", len(suites), len(fixture().Rules))
	}
	for i, doc := range suites {
		if err := validateSuite(t, doc); err != nil {
			t.Errorf("test suite %d breaks the Surefire schema:\n%s\n%v", i, doc, err)
		}
	}
	checkTotals(t, report, len(fixture().Findings))
}

// checkTotals checks the <testsuites> root, which the schema does not
// cover: its counts must add up its suites'.
func checkTotals(t *testing.T, report []byte, findings int) {
	t.Helper()
	var root struct {
		XMLName  xml.Name `xml:"testsuites"`
		Tests    string   `xml:"tests,attr"`
		Failures string   `xml:"failures,attr"`
		Suites   []struct {
			Tests    int `xml:"tests,attr"`
			Failures int `xml:"failures,attr"`
		} `xml:"testsuite"`
	}
	if err := xml.Unmarshal(report, &root); err != nil {
		t.Fatal(err)
	}
	tests, failures := 0, 0
	for _, s := range root.Suites {
		tests += s.Tests
		failures += s.Failures
	}
	if root.Tests != strconv.Itoa(tests) || root.Failures != strconv.Itoa(failures) {
		t.Errorf("testsuites counts tests=%s failures=%s, but its suites add up to %d and %d",
			root.Tests, root.Failures, tests, failures)
	}
	if failures != findings {
		t.Errorf("%d failures for %d findings", failures, findings)
	}
}

// TestSurefireSchemaRejects proves the validation above can fail: the
// schema allows no attribute it does not name.
func TestSurefireSchemaRejects(t *testing.T) {
	t.Parallel()
	doc := []byte(xml.Header + `<testsuite name="a/b" tests="1" errors="0" skipped="0" ` +
		`failures="0" hostname="ci"><testcase name="x" time="0"/></testsuite>`)
	if validateSuite(t, doc) == nil {
		t.Error("xmllint accepted a testsuite with an attribute the schema does not allow")
	}
}
