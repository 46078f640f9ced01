package parse

import (
	"path"
	"strings"
)

// Ignore is a compiled .forceignore: gitignore syntax, matched against
// slash-separated paths relative to the project root.
type Ignore struct {
	rules []ignoreRule
}

type ignoreRule struct {
	pattern  string // without leading '!' or '/' and trailing '/'
	negate   bool
	dirOnly  bool
	anchored bool // contains a slash before the end: matches from the root
}

// ParseIgnore compiles .forceignore text. Invalid patterns never fail; they
// simply match nothing, as in git.
func ParseIgnore(text string) *Ignore {
	ig := &Ignore{}
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimRight(line, "\r")
		line = trimTrailingSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		var r ignoreRule
		if strings.HasPrefix(line, "!") {
			r.negate = true
			line = line[1:]
		} else if strings.HasPrefix(line, `\!`) || strings.HasPrefix(line, `\#`) {
			line = line[1:]
		}
		if strings.HasSuffix(line, "/") {
			r.dirOnly = true
			line = strings.TrimRight(line, "/")
		}
		if strings.Contains(line, "/") {
			r.anchored = true
			line = strings.TrimPrefix(line, "/")
		}
		if line == "" {
			continue
		}
		r.pattern = line
		ig.rules = append(ig.rules, r)
	}
	return ig
}

// trimTrailingSpace drops unescaped trailing spaces.
func trimTrailingSpace(s string) string {
	for strings.HasSuffix(s, " ") && !strings.HasSuffix(s, `\ `) {
		s = s[:len(s)-1]
	}
	return s
}

// Ignored reports whether the path (relative, slash-separated) is ignored. A
// path is also ignored when one of its parent directories is.
func (ig *Ignore) Ignored(rel string, isDir bool) bool {
	if ig == nil || len(ig.rules) == 0 {
		return false
	}
	parts := strings.Split(rel, "/")
	for i := 1; i < len(parts); i++ {
		if ig.match(strings.Join(parts[:i], "/"), true) {
			return true
		}
	}
	return ig.match(rel, isDir)
}

// match applies the rules to one path; the last matching rule wins.
func (ig *Ignore) match(rel string, isDir bool) bool {
	ignored := false
	for _, r := range ig.rules {
		if r.dirOnly && !isDir {
			continue
		}
		if r.matches(rel) {
			ignored = !r.negate
		}
	}
	return ignored
}

func (r ignoreRule) matches(rel string) bool {
	if r.anchored {
		return globMatch(r.pattern, rel)
	}
	// Without a slash the pattern matches the name at any depth.
	return globMatch(r.pattern, path.Base(rel))
}

// globMatch matches gitignore globs: '*' and '?' stop at '/', '**' crosses
// directories, '[...]' is a character class, '\' escapes. Results are
// memoised per (pattern, name) offset pair, so a hostile pattern of many
// stars costs O(len(pattern) * len(name)) instead of exponential time.
func globMatch(pattern, name string) bool {
	m := globMatcher{p: pattern, n: name, memo: map[[2]int]bool{}}
	return m.match(0, 0)
}

type globMatcher struct {
	p, n string
	memo map[[2]int]bool
}

func (m *globMatcher) match(i, j int) bool {
	key := [2]int{i, j}
	if v, ok := m.memo[key]; ok {
		return v
	}
	v := m.step(i, j)
	m.memo[key] = v
	return v
}

func (m *globMatcher) step(i, j int) bool {
	p, n := m.p, m.n
	if i == len(p) {
		return j == len(n)
	}
	if strings.HasPrefix(p[i:], "**") {
		rest := i + 2
		if rest < len(p) && p[rest] == '/' {
			rest++
		}
		if rest == len(p) {
			return true
		}
		for k := j; k <= len(n); k++ {
			if (k == j || n[k-1] == '/') && m.match(rest, k) {
				return true
			}
		}
		return false
	}
	switch p[i] {
	case '*':
		for k := j; k <= len(n); k++ {
			if m.match(i+1, k) {
				return true
			}
			if k < len(n) && n[k] == '/' {
				return false
			}
		}
		return false
	case '?':
		return j < len(n) && n[j] != '/' && m.match(i+1, j+1)
	case '[':
		if end := strings.IndexByte(p[i+1:], ']'); end >= 0 && j < len(n) {
			return classMatch(p[i+1:i+1+end], n[j]) && m.match(i+end+2, j+1)
		}
	case '\\':
		if i+1 < len(p) {
			return j < len(n) && n[j] == p[i+1] && m.match(i+2, j+1)
		}
	}
	return j < len(n) && n[j] == p[i] && m.match(i+1, j+1)
}

func classMatch(class string, c byte) bool {
	negate := false
	if strings.HasPrefix(class, "!") || strings.HasPrefix(class, "^") {
		negate = true
		class = class[1:]
	}
	in := false
	for i := 0; i < len(class); i++ {
		if i+2 < len(class) && class[i+1] == '-' {
			if class[i] <= c && c <= class[i+2] {
				in = true
			}
			i += 2
			continue
		}
		if class[i] == c {
			in = true
		}
	}
	return in != negate
}
