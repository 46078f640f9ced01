// Package baseline records a project's findings so that later runs report
// only new ones, and limits a run to the lines changed since a git revision.
//
// A finding is recorded by a fingerprint, never by its line number, so that
// edits elsewhere in a file do not turn known findings into new ones. The
// fingerprint hashes the rule id, the file (relative to the project root,
// so the baseline works from any working directory) and the finding's
// context: in XML the path of element names down to the element the
// finding points at (ExternalCredential/externalCredentialParameters/
// parameterValue) and the text of the flagged line; in Apex, JavaScript and
// JSON the text of the flagged line. Whitespace is collapsed, so
// re-indenting changes nothing. The message is left out: wording changes in
// a new sflint release must not turn known findings into new ones. Identical
// fingerprints are counted, so a second, equal finding in a file is new.
//
// A change to the flagged line itself (a wrong URL changed to another wrong
// URL) makes the finding new, which is what a reviewer wants to see.
package baseline

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"os"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/sflint/sflint/internal/engine"
)

// Version is the version of the baseline file format.
const Version = 1

// File is a baseline file.
type File struct {
	Version  int     `json:"version"`
	Findings []Entry `json:"findings"`
}

// Entry is one recorded finding. Rule, File and Message are there for
// people reviewing the baseline; only Fingerprint is matched.
type Entry struct {
	Fingerprint string `json:"fingerprint"`
	Rule        string `json:"rule"`
	File        string `json:"file"` // slash-separated, relative to the project root
	Message     string `json:"message"`
}

// Item is a finding with where its file is.
type Item struct {
	Finding engine.Finding
	Abs     string // the file
	Rel     string // the file, slash-separated, relative to the project root
}

// New records the given findings.
func New(items []Item) (*File, error) {
	fps, err := fingerprints(items)
	if err != nil {
		return nil, err
	}
	b := &File{Version: Version, Findings: make([]Entry, len(items))}
	for i, it := range items {
		b.Findings[i] = Entry{Fingerprint: fps[i], Rule: it.Finding.Rule.ID, File: it.Rel,
			Message: it.Finding.Message}
	}
	sort.SliceStable(b.Findings, func(i, j int) bool {
		x, y := b.Findings[i], b.Findings[j]
		if x.File != y.File {
			return x.File < y.File
		}
		if x.Rule != y.Rule {
			return x.Rule < y.Rule
		}
		return x.Fingerprint < y.Fingerprint
	})
	return b, nil
}

// Write saves the baseline as indented JSON, one finding per entry, so that
// it diffs well in review.
func (b *File) Write(path string) error {
	data, err := json.MarshalIndent(b, "", "  ")
	if err != nil {
		return err
	}
	if err := os.WriteFile(path, append(data, '\n'), 0o644); err != nil {
		return fmt.Errorf("write baseline: %w", err)
	}
	return nil
}

// Read loads a baseline file.
func Read(path string) (*File, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var b File
	if err := dec.Decode(&b); err != nil {
		return nil, fmt.Errorf("%s: not an sflint baseline: %w", path, err)
	}
	if b.Version != Version {
		return nil, fmt.Errorf("%s: baseline version %d; this sflint reads version %d "+
			"(write it again with --write-baseline)", path, b.Version, Version)
	}
	for i, e := range b.Findings {
		if e.Fingerprint == "" {
			return nil, fmt.Errorf("%s: finding %d has no fingerprint", path, i+1)
		}
	}
	return &b, nil
}

// Outcome is what comparing a run with a baseline found.
type Outcome struct {
	New   []engine.Finding // findings the baseline does not know
	Known int              // findings it knows, left out of the report
	Fixed int              // recorded findings gone from the files this run linted
}

// Compare splits findings into new and known. linted says whether the run
// looked at a file (relative to its project root), so that a recorded
// finding in a file outside the run is not counted as fixed.
func (b *File) Compare(items []Item, linted func(rel string) bool) (Outcome, error) {
	fps, err := fingerprints(items)
	if err != nil {
		return Outcome{}, err
	}
	left := map[string]int{}
	for _, e := range b.Findings {
		left[e.Fingerprint]++
	}
	var out Outcome
	for i, it := range items {
		if left[fps[i]] > 0 {
			left[fps[i]]--
			out.Known++
			continue
		}
		out.New = append(out.New, it.Finding)
	}
	for _, e := range b.Findings {
		if left[e.Fingerprint] > 0 && linted(e.File) {
			left[e.Fingerprint]--
			out.Fixed++
		}
	}
	return out, nil
}

// fingerprints computes each item's fingerprint, reading each file once.
func fingerprints(items []Item) ([]string, error) {
	files := map[string][]byte{}
	out := make([]string, len(items))
	for i, it := range items {
		data, ok := files[it.Abs]
		if !ok {
			var err error
			data, err = os.ReadFile(it.Abs)
			if err != nil && !errors.Is(err, os.ErrNotExist) {
				return nil, fmt.Errorf("fingerprint: %w", err)
			}
			files[it.Abs] = data
		}
		f := it.Finding
		out[i] = Fingerprint(f.Rule.ID, it.Rel, Context(it.Rel, data, f.Line, f.Col))
	}
	return out, nil
}

// Fingerprint hashes what identifies a finding apart from its position.
func Fingerprint(rule, rel, context string) string {
	sum := sha256.Sum256([]byte(rule + "\x00" + rel + "\x00" + context))
	return hex.EncodeToString(sum[:16])
}

// Context describes where in a file a finding is, without its line number:
// the element path and the flagged line's text for XML, the text alone for
// other files. A position outside the file gives "".
func Context(name string, data []byte, line, col int) string {
	text := lineText(data, line)
	if !strings.HasSuffix(name, ".xml") {
		return text
	}
	return elementPath(data, offset(data, line, col)) + "\n" + text
}

// lineText is the 1-based line with its whitespace collapsed.
func lineText(data []byte, line int) string {
	if line < 1 {
		return ""
	}
	lines := bytes.Split(data, []byte("\n"))
	if line > len(lines) {
		return ""
	}
	return strings.Join(strings.Fields(string(lines[line-1])), " ")
}

// offset turns a line and a character column into a byte offset.
func offset(data []byte, line, col int) int {
	off := 0
	for l := 1; l < line; l++ {
		i := bytes.IndexByte(data[off:], '\n')
		if i < 0 {
			return len(data)
		}
		off += i + 1
	}
	for c := 1; c < col && off < len(data) && data[off] != '\n'; c++ {
		_, size := utf8.DecodeRune(data[off:])
		off += size
	}
	return off
}

// elementPath names the elements open at byte offset target, outermost
// first, including one that starts exactly there. Reading stops at the
// first syntax error, so a malformed file gives the path up to it.
func elementPath(data []byte, target int) string {
	dec := xml.NewDecoder(bytes.NewReader(data))
	var stack []string
	for {
		start := dec.InputOffset()
		if start > int64(target) {
			break
		}
		tok, err := dec.RawToken()
		if err != nil {
			break
		}
		switch t := tok.(type) {
		case xml.StartElement:
			stack = append(stack, t.Name.Local)
		case xml.EndElement:
			if start == int64(target) || len(stack) == 0 {
				return strings.Join(stack, "/")
			}
			stack = stack[:len(stack)-1]
		}
	}
	return strings.Join(stack, "/")
}
