// Package linttest checks sflint's findings against expectations written in
// the linted files themselves, the way go/analysis tests do: a comment on the
// line that should be flagged names the rules expected there.
//
// In XML the comment is <!-- want RULE [RULE...] -->; in Apex and JavaScript
// it is // want RULE. The expected column is that of the first non-blank
// character of the line (the element or statement that is wrong), unless the
// comment says want@COL. Files that cannot hold comments (sfdx-project.json)
// get their expectations from a file named .wants, one per line:
// want FILE:LINE:COL RULE. Every expected finding must be reported, and every
// reported finding must be expected.
package linttest

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/sflint/sflint/internal/engine"
)

// Want is one expected finding.
type Want struct {
	File string // slash-separated, relative to the directory scanned
	Line int
	Col  int
	Rule string
}

func (w Want) String() string { return fmt.Sprintf("%s:%d:%d: [%s]", w.File, w.Line, w.Col, w.Rule) }

var wantRE = regexp.MustCompile(`(?:<!--|//)\s*want(@\d+)?\s+([a-z0-9/\- ]+?)\s*(?:-->|$)`)

// Wants collects the expectations of every file under dir.
func Wants(dir string) ([]Want, error) {
	var out []Want
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if d.Name() == WantsFile {
			ws, err := listedWants(data)
			if err != nil {
				return fmt.Errorf("%s: %w", p, err)
			}
			out = append(out, ws...)
			return nil
		}
		out = append(out, fileWants(filepath.ToSlash(rel), data)...)
		return nil
	})
	return out, err
}

// WantsFile lists expectations for files that cannot carry comments.
const WantsFile = ".wants"

var listedRE = regexp.MustCompile(`^want (\S+):(\d+):(\d+) ([a-z0-9/\- ]+)$`)

// listedWants reads "want FILE:LINE:COL RULE..." lines.
func listedWants(data []byte) ([]Want, error) {
	var out []Want
	for _, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if !strings.HasPrefix(line, "want ") {
			continue
		}
		m := listedRE.FindStringSubmatch(line)
		if m == nil {
			return nil, fmt.Errorf("bad expectation %q; want FILE:LINE:COL RULE", line)
		}
		ln, _ := strconv.Atoi(m[2])
		col, _ := strconv.Atoi(m[3])
		for _, rule := range strings.Fields(m[4]) {
			out = append(out, Want{File: m[1], Line: ln, Col: col, Rule: rule})
		}
	}
	return out, nil
}

func fileWants(rel string, data []byte) []Want {
	var out []Want
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<24)
	for line := 1; sc.Scan(); line++ {
		text := sc.Text()
		m := wantRE.FindStringSubmatch(text)
		if m == nil {
			continue
		}
		col := firstNonBlank(text)
		if m[1] != "" {
			col, _ = strconv.Atoi(m[1][1:])
		}
		for _, rule := range strings.Fields(m[2]) {
			out = append(out, Want{File: rel, Line: line, Col: col, Rule: rule})
		}
	}
	return out
}

func firstNonBlank(s string) int {
	trimmed := strings.TrimLeft(s, " \t")
	return utf8.RuneCountInString(s[:len(s)-len(trimmed)]) + 1
}

// Compare returns a description of every difference between what was wanted
// and what was found; findings' files are taken relative to base.
func Compare(wants []Want, found []engine.Finding, base string) []string {
	got := map[Want]int{}
	for _, f := range found {
		file := strings.TrimPrefix(f.File, base)
		file = strings.TrimPrefix(file, "/")
		got[Want{File: file, Line: f.Line, Col: f.Col, Rule: f.Rule.ID}]++
	}
	var diffs []string
	for _, w := range wants {
		if got[w] == 0 {
			diffs = append(diffs, "missing "+w.String())
			continue
		}
		got[w]--
	}
	for _, f := range found {
		file := strings.TrimPrefix(strings.TrimPrefix(f.File, base), "/")
		w := Want{File: file, Line: f.Line, Col: f.Col, Rule: f.Rule.ID}
		if got[w] > 0 {
			got[w]--
			diffs = append(diffs, fmt.Sprintf("unexpected %s %s", w, f.Message))
		}
	}
	sort.Strings(diffs)
	return diffs
}
