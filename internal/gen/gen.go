package gen

import (
	"strconv"
	"strings"
)

// Generator renders the files of one project.
type Generator struct {
	Templates  *Templates
	APIVersion string // e.g. "66.0", from sfdx-project.json or --api-version
}

// File is one generated file. Path is slash-separated and relative to the
// output directory (force-app/main/default, say).
type File struct {
	Path string
	Data []byte
}

// Output is what a generator produced: the files, and text to print after
// writing them (steps the user must take by hand).
type Output struct {
	Files []File
	Steps string
}

// Add appends another generator's output.
func (o *Output) Add(other *Output) {
	o.Files = append(o.Files, other.Files...)
	if other.Steps != "" {
		if o.Steps != "" {
			o.Steps += "\n"
		}
		o.Steps += other.Steps
	}
}

// fileSpec pairs a template with the path it renders to.
type fileSpec struct {
	template string
	path     string
}

// renderAll renders every file of specs with the same data, and the steps
// template when there is one.
func (g *Generator) renderAll(specs []fileSpec, data any, steps string) (*Output, error) {
	out := &Output{}
	for _, s := range specs {
		b, err := g.Templates.render(s.template, data)
		if err != nil {
			return nil, err
		}
		out.Files = append(out.Files, File{Path: s.path, Data: b})
	}
	if steps != "" {
		b, err := g.Templates.render(steps, data)
		if err != nil {
			return nil, err
		}
		out.Steps = string(b)
	}
	return out, nil
}

// major is the major number of an API version such as "66.0" (0 when it is
// not one).
func major(v string) int {
	n, err := strconv.Atoi(strings.TrimSuffix(v, ".0"))
	if err != nil {
		return 0
	}
	return n
}
