package parse

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"
)

// ProjectFile is sfdx-project.json: the parts sflint uses.
type ProjectFile struct {
	PackageDirectories []PackageDirectory `json:"packageDirectories"`
	SourceAPIVersion   string             `json:"sourceApiVersion"`
	Namespace          string             `json:"namespace"`
	Replacements       []Replacement      `json:"replacements"`

	// Positions of top-level keys, for findings about them.
	KeyPos map[string]Pos `json:"-"`
}

// PackageDirectory is one entry of packageDirectories.
type PackageDirectory struct {
	Path    string `json:"path"`
	Default bool   `json:"default"`
	Package string `json:"package"`
}

// Replacement is one entry of replacements: deploy-time string substitution.
type Replacement struct {
	Filename        string `json:"filename"`
	Glob            string `json:"glob"`
	StringToReplace string `json:"stringToReplace"`
	RegexToReplace  string `json:"regexToReplace"`
	ReplaceWithEnv  string `json:"replaceWithEnv"`
	ReplaceWithFile string `json:"replaceWithFile"`
	ReplaceWhenEnv  []any  `json:"replaceWhenEnv"`
	AllowUnsetEnv   bool   `json:"allowUnsetEnvVariable"`
}

// Project parses sfdx-project.json. Errors carry the line and column.
func Project(data []byte) (*ProjectFile, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	var p ProjectFile
	if err := json.Unmarshal(data, &p); err != nil {
		return nil, jsonError(data, err)
	}
	p.KeyPos = topLevelKeys(data)
	if _, ok := p.KeyPos["packageDirectories"]; !ok {
		return nil, &SyntaxError{Pos: Pos{1, 1}, Msg: "packageDirectories is missing"}
	}
	for i, d := range p.PackageDirectories {
		if d.Path == "" {
			return nil, &SyntaxError{Pos: p.KeyPos["packageDirectories"],
				Msg: fmt.Sprintf("packageDirectories[%d] has no path", i)}
		}
	}
	return &p, nil
}

func jsonError(data []byte, err error) error {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		// The offset is just past the offending byte.
		return &SyntaxError{Pos: offsetPos(data, max(se.Offset-1, 0)), Msg: se.Error()}
	case errors.As(err, &te):
		return &SyntaxError{Pos: offsetPos(data, te.Offset),
			Msg: fmt.Sprintf("%s must be %s, not %s", te.Field, te.Type, te.Value)}
	}
	return &SyntaxError{Pos: Pos{1, 1}, Msg: err.Error()}
}

// offsetPos converts a byte offset into a line and column.
func offsetPos(data []byte, off int64) Pos {
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	p := Pos{Line: 1, Col: 1}
	for _, r := range string(data[:off]) {
		if r == '\n' {
			p.Line++
			p.Col = 1
			continue
		}
		p.Col++
	}
	return p
}

// topLevelKeys finds where each top-level key of a JSON object starts.
func topLevelKeys(data []byte) map[string]Pos {
	keys := map[string]Pos{}
	dec := json.NewDecoder(bytes.NewReader(data))
	depth := 0
	expectKey := false
	for {
		off := dec.InputOffset()
		tok, err := dec.Token()
		if err == io.EOF || err != nil {
			return keys
		}
		switch t := tok.(type) {
		case json.Delim:
			switch t {
			case '{', '[':
				depth++
				expectKey = t == '{' && depth == 1
			case '}', ']':
				depth--
				expectKey = depth == 1
			}
			continue
		case string:
			if depth == 1 && expectKey {
				// off is where the previous token ended; skip to the quote.
				for off < int64(len(data)) && data[off] != '"' {
					_, n := utf8.DecodeRune(data[off:])
					off += int64(n)
				}
				keys[t] = offsetPos(data, off)
				expectKey = false
				continue
			}
		}
		if depth == 1 {
			expectKey = true
		}
	}
}
