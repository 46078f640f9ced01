package metadata

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// runGen runs the generator into a temporary file and returns its output.
func runGen(t *testing.T) []byte {
	t.Helper()
	out := filepath.Join(t.TempDir(), "zz_generated.go")
	cmd := exec.Command("go", "run", "./gen",
		"-wsdl", shared+"/corpus/schema/metadata.wsdl",
		"-sdr", shared+"/corpus/schema/sdr-12.37.2-metadataRegistry.json",
		"-o", out)
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("gen: %v", err)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return data
}
