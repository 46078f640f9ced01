package cli

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/pflag"

	"github.com/sflint/sflint/internal/report"
)

// output is one format and where it goes ("" or "-" is stdout).
type output struct {
	format string
	write  report.Writer
	path   string
}

type outputFlags struct {
	formats *[]string
	files   *[]string
}

func addOutputFlags(fs *pflag.FlagSet) outputFlags {
	return outputFlags{
		formats: fs.StringArray("format", []string{"text"}, "output format: "+
			strings.Join(report.Formats(), ", ")+"; repeatable, NAME=FILE writes to a file"),
		files: fs.StringArray("output", nil, "file for the format without one, in order (repeatable)"),
	}
}

// parse pairs formats with files: NAME=FILE, or --output values in order for
// the formats that name no file; when there is one --output fewer than such
// formats, the first of them goes to stdout. At most one output may go to
// stdout.
func (o outputFlags) parse() ([]output, error) {
	var outs []output
	var open []int // outputs still without a file
	for _, f := range *o.formats {
		name, path, _ := strings.Cut(f, "=")
		w, ok := report.Lookup(name)
		if !ok {
			return nil, fmt.Errorf("unknown format %q; valid formats: %s", name, strings.Join(report.Formats(), ", "))
		}
		if path == "" {
			open = append(open, len(outs))
		}
		outs = append(outs, output{format: name, write: w, path: path})
	}
	if files := *o.files; len(files) > 0 {
		if len(files) == len(open)-1 {
			open = open[1:] // the first goes to stdout
		}
		if len(files) != len(open) {
			return nil, fmt.Errorf("%d --output files for %d formats without a file; give one per format",
				len(files), len(open))
		}
		for i, idx := range open {
			outs[idx].path = files[i]
		}
	}
	stdout := 0
	for _, out := range outs {
		if out.path == "" || out.path == "-" {
			stdout++
		}
	}
	if stdout > 1 {
		return nil, fmt.Errorf("%d formats write to stdout; give all but one a file (NAME=FILE or --output)", stdout)
	}
	return outs, nil
}

// writeOutputs renders every format first, so that a failing writer leaves
// no file behind, then writes stdout and replaces each file atomically.
func writeOutputs(stdout io.Writer, outs []output, rep *report.Report) error {
	bufs := make([]bytes.Buffer, len(outs))
	for i, out := range outs {
		if err := out.write(&bufs[i], rep); err != nil {
			return fmt.Errorf("%s output: %w", out.format, err)
		}
	}
	for i, out := range outs {
		if out.path == "" || out.path == "-" {
			if _, err := stdout.Write(bufs[i].Bytes()); err != nil {
				return fmt.Errorf("write output: %w", err)
			}
			continue
		}
		if err := writeFileAtomic(out.path, bufs[i].Bytes()); err != nil {
			return err
		}
	}
	return nil
}

// writeFileAtomic writes a temporary file beside path and renames it, so a
// reader never sees half a report.
func writeFileAtomic(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
