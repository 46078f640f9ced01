// Package config reads .sflint.yaml, the project's settings for sflint: which
// rules and categories run and at what severity, rule options, paths left
// out of the report, extra policy directories and the default --fail-on.
//
// Reading is in two steps. Load parses the file and checks everything that
// needs no rule catalog (keys, value types, severities, globs, that policy
// directories exist); Check then checks rule ids, categories and options
// against the catalog, which may include the policies the file names. Every
// error names the file, line and column. The CLI applies the result: Apply
// to findings, OptionValues to the engine, Excluded to the lint run, and
// flags given on the command line win over the file.
package config

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"

	"go.yaml.in/yaml/v3"

	"github.com/sflint/sflint/internal/parse"
)

// FileName is the configuration file looked up from the project root upwards.
const FileName = ".sflint.yaml"

// Pos is a 1-based line and column in the file.
type Pos struct{ Line, Col int }

// Error is a problem in the configuration file.
type Error struct {
	File string
	Pos  Pos
	Msg  string
}

func (e *Error) Error() string {
	switch {
	case e.Pos.Col > 0:
		return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Pos.Line, e.Pos.Col, e.Msg)
	case e.Pos.Line > 0:
		return fmt.Sprintf("%s:%d: %s", e.File, e.Pos.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

// Config is a parsed .sflint.yaml. The zero value, and a nil *Config, mean
// "no file": every rule at its own severity, nothing excluded.
type Config struct {
	File       string // the file as named to the user; "" when there is none
	Dir        string // absolute directory that relative paths start from
	FailOn     string // "" when not set
	Exclude    []string
	Policies   []string // as written in the file
	PolicyDirs []string // Policies made absolute
	Categories map[string]*Setting
	Rules      map[string]*Setting
	ignore     *parse.Ignore // Exclude, compiled
}

// Setting is what the file says about one rule or category.
type Setting struct {
	Severity string         // "", "off" or a severity name
	Options  map[string]any // rules only; checked by Check
	Pos      Pos            // of the rule id or category name
	keyPos   map[string]Pos // of each option's name
	optPos   map[string]Pos // of each option's value
}

// FailOnLevels are the values of fail-on (and of the --fail-on flag).
var FailOnLevels = []string{"error", "warning", "info", "none"}

// severities are the values of a rule's or a category's severity.
var severities = []string{"error", "warning", "info", "off"}

// Find walks up from dir to the first directory that holds FileName and
// returns the file's path, or "" when there is none.
func Find(dir string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for {
		p := filepath.Join(dir, FileName)
		if fi, err := os.Stat(p); err == nil && !fi.IsDir() {
			return p, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", nil
		}
		dir = parent
	}
}

// Load reads and parses a configuration file; name is how errors call it.
func Load(path, name string) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, &Error{File: name, Msg: err.Error()}
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	return Parse(name, filepath.Dir(abs), data)
}

// Parse parses configuration text. name is how errors call the file and dir
// is the absolute directory that relative paths in it start from.
func Parse(name, dir string, data []byte) (*Config, error) {
	c := &Config{File: name, Dir: dir,
		Categories: map[string]*Setting{}, Rules: map[string]*Setting{}}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, syntaxError(name, err)
	}
	if len(doc.Content) == 0 {
		return c, nil // an empty file, or one with only comments
	}
	p := &parser{c: c}
	p.top(resolve(doc.Content[0]))
	if err := p.err(); err != nil {
		return nil, err
	}
	return c, nil
}

var yamlLineRE = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// syntaxError turns the YAML parser's "yaml: line N: msg" into an Error.
func syntaxError(name string, err error) error {
	m := yamlLineRE.FindStringSubmatch(err.Error())
	if m == nil {
		return &Error{File: name, Msg: "not valid YAML: " + err.Error()}
	}
	line, _ := strconv.Atoi(m[1])
	return &Error{File: name, Pos: Pos{Line: line}, Msg: "not valid YAML: " + m[2]}
}

// resolve follows YAML aliases (*anchor) to the node they stand for.
func resolve(n *yaml.Node) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	return n
}
