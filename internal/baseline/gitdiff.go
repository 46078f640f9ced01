package baseline

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
)

// Changes are the lines added or changed since a revision, by file (slash
// path relative to the directory git ran in). A file with a nil set is new
// and untracked: every line counts as changed.
type Changes map[string]map[int]bool

// Has reports whether a line of a file is added or changed.
func (c Changes) Has(rel string, line int) bool {
	lines, ok := c[rel]
	return ok && (lines == nil || lines[line])
}

// ChangedLines asks git which lines under dir differ from rev: the lines of
// `git diff --unified=0 REV` (the working tree against rev, so uncommitted
// edits count) plus every line of untracked files. Renames are followed, so
// a file that only moved has no changed lines.
func ChangedLines(ctx context.Context, dir, rev string) (Changes, error) {
	if rev == "" || strings.HasPrefix(rev, "-") {
		return nil, fmt.Errorf("%q is not a git revision", rev)
	}
	if _, err := git(ctx, dir, "rev-parse", "--is-inside-work-tree"); err != nil {
		return nil, err
	}
	diff, err := git(ctx, dir, "diff", "--no-color", "--no-ext-diff", "--no-textconv",
		"--unified=0", "--find-renames", "--relative", "--src-prefix=a/", "--dst-prefix=b/",
		rev, "--")
	if err != nil {
		return nil, err
	}
	c, err := parseDiff(diff)
	if err != nil {
		return nil, err
	}
	untracked, err := git(ctx, dir, "ls-files", "--others", "--exclude-standard", "-z")
	if err != nil {
		return nil, err
	}
	for _, f := range strings.Split(string(untracked), "\x00") {
		if f != "" {
			c[f] = nil
		}
	}
	return c, nil
}

// git runs a git command in dir and returns its output; a failure is
// reported with git's own first line of explanation.
func git(ctx context.Context, dir string, args ...string) ([]byte, error) {
	args = append([]string{"-C", dir, "-c", "core.quotePath=false"}, args...)
	cmd := exec.CommandContext(ctx, "git", args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			msg, _, _ := strings.Cut(strings.TrimSpace(stderr.String()), "\n")
			return nil, fmt.Errorf("git %s: %s", args[4], msg)
		}
		return nil, fmt.Errorf("git: %w", err)
	}
	return out, nil
}

var hunkRE = regexp.MustCompile(`^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@`)

// parseDiff reads the added lines of a unified diff with zero context.
func parseDiff(diff []byte) (Changes, error) {
	c := Changes{}
	var file string
	sc := bufio.NewScanner(bytes.NewReader(diff))
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "+++ "):
			file = diffPath(strings.TrimPrefix(line, "+++ "))
		case strings.HasPrefix(line, "@@ ") && file != "":
			m := hunkRE.FindStringSubmatch(line)
			if m == nil {
				return nil, fmt.Errorf("git diff: unexpected hunk header %q", line)
			}
			start, _ := strconv.Atoi(m[1])
			n := 1
			if m[2] != "" {
				n, _ = strconv.Atoi(m[2])
			}
			if c[file] == nil {
				c[file] = map[int]bool{}
			}
			for l := start; l < start+n; l++ {
				c[file][l] = true
			}
		}
	}
	return c, sc.Err()
}

// diffPath reads the new name of a file from a "+++" line; "" for a
// deleted file. git quotes names with unusual characters in C style.
func diffPath(s string) string {
	s = strings.TrimSuffix(s, "\t")
	if s == "/dev/null" {
		return ""
	}
	if strings.HasPrefix(s, `"`) {
		if u, err := strconv.Unquote(s); err == nil {
			s = u
		}
	}
	return strings.TrimPrefix(s, "b/")
}
