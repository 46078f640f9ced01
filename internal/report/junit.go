package report

import (
	"encoding/xml"
	"fmt"
	"io"

	"github.com/sflint/sflint/internal/engine"
)

// The JUnit elements carry only the attributes of the Maven Surefire report
// schema, which CI servers follow and which allows no others. Times are
// always zero: a lint finding has no duration, and a real one would make the
// output differ between runs.
type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Time     string       `xml:"time,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	XMLName  xml.Name    `xml:"testsuite"`
	Name     string      `xml:"name,attr"`
	Time     string      `xml:"time,attr"`
	Tests    int         `xml:"tests,attr"`
	Errors   int         `xml:"errors,attr"`
	Skipped  int         `xml:"skipped,attr"`
	Failures int         `xml:"failures,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	ClassName string        `xml:"classname,attr"`
	Time      string        `xml:"time,attr"`
	Failure   *junitFailure `xml:"failure"`
}

type junitFailure struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Body    string `xml:",chardata"`
}

// JUnit writes a JUnit XML report with one test suite per rule: a failing
// test case per finding, or one passing case when the rule found nothing,
// so CI shows which checks ran as well as which failed.
func JUnit(w io.Writer, r *Report) error {
	rules := allRules(r)
	byRule := make(map[string][]engine.Finding, len(rules))
	for _, f := range r.Findings {
		byRule[f.Rule.ID] = append(byRule[f.Rule.ID], f)
	}
	out := junitSuites{Name: "sflint", Time: "0", Suites: make([]junitSuite, 0, len(rules))}
	for _, rule := range rules {
		s := junitSuiteOf(rule, byRule[rule.ID])
		out.Tests += s.Tests
		out.Failures += s.Failures
		out.Suites = append(out.Suites, s)
	}
	return writeXML(w, out)
}

func junitSuiteOf(rule *engine.Rule, fs []engine.Finding) junitSuite {
	s := junitSuite{Name: rule.ID, Time: "0", Tests: len(fs), Failures: len(fs)}
	for _, f := range fs {
		s.Cases = append(s.Cases, junitCase{
			Name:      fmt.Sprintf("%s:%d:%d", f.File, f.Line, f.Col),
			ClassName: rule.ID,
			Time:      "0",
			Failure: &junitFailure{
				Message: f.Message, Type: f.Severity.String(), Body: junitBody(f),
			},
		})
	}
	if len(fs) == 0 {
		s.Tests = 1
		s.Cases = []junitCase{{Name: "no findings", ClassName: rule.ID, Time: "0"}}
	}
	return s
}

func junitBody(f engine.Finding) string {
	if f.Fix == "" {
		return f.Message
	}
	return f.Message + "\nFix: " + f.Fix
}
