package main

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestBinaryExitCodes builds the real command and checks the exit codes that
// pre-commit hooks and CI gates rely on.
func TestBinaryExitCodes(t *testing.T) {
	bin := filepath.Join(t.TempDir(), "sflint")
	build := exec.Command("go", "build", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	tests := []struct {
		args   []string
		code   int
		stderr string
	}{
		{[]string{"lint", "../../examples/same-org"}, 0, "0 errors"},
		{[]string{"lint", "../../examples/broken"}, 1, " errors, "},
		{[]string{"lint", "--bogus"}, 2, "unknown flag: --bogus"},
		{[]string{"lint", "nowhere"}, 2, "nowhere: no such file or directory"},
		{[]string{"explain", "extcred/token-url"}, 0, ""},
	}
	for _, tt := range tests {
		cmd := exec.Command(bin, tt.args...)
		var stderr strings.Builder
		cmd.Stderr = &stderr
		err := cmd.Run()
		code := 0
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			code = exit.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		if code != tt.code || !strings.Contains(stderr.String(), tt.stderr) {
			t.Errorf("sflint %s: exit %d, stderr %q; want %d and %q",
				strings.Join(tt.args, " "), code, stderr.String(), tt.code, tt.stderr)
		}
	}
	_ = os.Remove(bin)
}
