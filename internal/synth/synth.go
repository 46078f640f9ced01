package synth

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Size selects one of the three project sizes of the benchmarks.
type Size int

// The sizes: a pre-commit sized project, a mid-sized org and an enterprise
// repository.
const (
	Small  Size = iota // about 60 files
	Medium             // about 5,200 files, 32 MiB
	Large              // about 26,600 files, 200 MiB
)

var sizeNames = [...]string{"small", "medium", "large"}

func (s Size) String() string {
	if s < Small || s > Large {
		return fmt.Sprintf("Size(%d)", int(s))
	}
	return sizeNames[s]
}

// ParseSize reads a size name: small, medium or large.
func ParseSize(name string) (Size, error) {
	for i, n := range sizeNames {
		if n == name {
			return Size(i), nil
		}
	}
	return 0, fmt.Errorf("unknown size %q (want small, medium or large)", name)
}

// Finding is a finding a lint of the project must report: the rule and the
// file, slash-separated and relative to the project root.
type Finding struct {
	Rule string `json:"rule"`
	File string `json:"file"`
}

// Compare sets the findings of a lint of the project (by rule and file)
// against the expected ones.
func (e Expected) Compare(got []Finding) (missing, extra []Finding) {
	seen := map[Finding]bool{}
	for _, f := range got {
		seen[f] = true
	}
	for _, f := range e.Findings {
		if !seen[f] {
			missing = append(missing, f)
		}
		delete(seen, f)
	}
	for _, f := range got {
		if seen[f] {
			extra = append(extra, f)
			delete(seen, f)
		}
	}
	return missing, extra
}

// Expected describes a generated project and what linting it must report.
type Expected struct {
	// Findings holds every (rule, file) pair the project yields, sorted by
	// file and rule. A file with two findings of one rule is listed once.
	Findings     []Finding `json:"findings"`
	Files        int       `json:"files"`
	Bytes        int64     `json:"bytes"`
	Integrations int       `json:"integrations"`
	Broken       int       `json:"broken"` // integrations with at least one flaw
}

// Generate writes a project of the given size into dir, which must be empty
// or not exist, and returns what linting it must report.
func Generate(dir string, size Size, seed int64) (Expected, error) {
	if size < Small || size > Large {
		return Expected{}, fmt.Errorf("generate: unknown size %d", int(size))
	}
	if err := emptyDir(dir); err != nil {
		return Expected{}, fmt.Errorf("generate: %w", err)
	}
	g := newGenerator(dir, plans[size], seed)
	if err := g.run(); err != nil {
		return Expected{}, fmt.Errorf("generate: %w", err)
	}
	return g.expected(), nil
}

// emptyDir creates dir, or checks that it holds nothing: writing over an
// older project would leave its files behind and break determinism.
func emptyDir(dir string) error {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return os.MkdirAll(dir, 0o755)
	}
	if err != nil {
		return err
	}
	if len(entries) > 0 {
		return fmt.Errorf("%s is not empty", dir)
	}
	return nil
}

// source is the package directory every generated file lives in.
const source = "force-app/main/default"

// myDomain is the org's own My Domain, which same-org integrations call.
const myDomain = "acme.my.salesforce.com"

// Random streams, one per part, so each part's draws are independent.
const (
	streamObjects uint64 = iota + 1
	streamClasses
	streamIntegrations
	streamPermissions
	streamComponents
	streamFlaws
)

type generator struct {
	plan plan
	seed int64
	w    *writer

	objects      []object
	fields       []string // Object.Field of every field, sorted, for field permissions
	classes      []apexClass
	controllers  []int // indexes into classes of the classes LWC can import
	integrations []integration
	findings     []Finding
}

func newGenerator(dir string, p plan, seed int64) *generator {
	return &generator{plan: p, seed: seed, w: newWriter(dir)}
}

// rng returns the random stream of one item of one part.
func (g *generator) rng(stream uint64, item int) *rand.Rand {
	return rand.New(rand.NewPCG(uint64(g.seed), stream<<32|uint64(item)))
}

// run plans the names every part refers to, then writes the parts.
func (g *generator) run() error {
	g.planObjects()
	g.planIntegrations()
	g.planClasses()
	steps := []func() error{
		g.writeProjectFiles,
		g.writeObjects,
		g.writeClasses,
		g.writeIntegrations,
		g.writePermissionSets,
		g.writeProfiles,
		g.writeComponents,
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}

func (g *generator) expect(rule, file string) {
	g.findings = append(g.findings, Finding{Rule: rule, File: file})
}

func (g *generator) expected() Expected {
	fs := append([]Finding(nil), g.findings...)
	sort.Slice(fs, func(i, j int) bool {
		if fs[i].File != fs[j].File {
			return fs[i].File < fs[j].File
		}
		return fs[i].Rule < fs[j].Rule
	})
	out := fs[:0]
	for i, f := range fs {
		if i == 0 || f != fs[i-1] {
			out = append(out, f)
		}
	}
	broken := 0
	for _, in := range g.integrations {
		if len(in.flaws) > 0 {
			broken++
		}
	}
	return Expected{
		Findings: out, Files: g.w.files, Bytes: g.w.bytes,
		Integrations: len(g.integrations), Broken: broken,
	}
}

const projectFile = `{
  "packageDirectories": [
    {
      "path": "force-app",
      "default": true
    }
  ],
  "name": "%s",
  "namespace": "",
  "sfdcLoginUrl": "https://login.salesforce.com",
  "sourceApiVersion": "66.0"
}
`

const forceIgnore = `# LWC configuration files
**/jsconfig.json
**/.eslintrc.json
# LWC Jest
**/__tests__/**
`

func (g *generator) writeProjectFiles() error {
	name := "synthetic-" + sizeNames[g.plan.size]
	if err := g.w.write("sfdx-project.json", fmt.Appendf(nil, projectFile, name)); err != nil {
		return err
	}
	return g.w.write(".forceignore", []byte(forceIgnore))
}

// writer writes files below a root and counts them.
type writer struct {
	root  string
	files int
	bytes int64
	made  map[string]bool // directories already created
}

func newWriter(root string) *writer {
	return &writer{root: root, made: map[string]bool{}}
}

// write stores data at rel, a slash-separated path below the root.
func (w *writer) write(rel string, data []byte) error {
	p := filepath.Join(w.root, filepath.FromSlash(rel))
	if dir := filepath.Dir(p); !w.made[dir] {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
		w.made[dir] = true
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		return err
	}
	w.files++
	w.bytes += int64(len(data))
	return nil
}

// skewed draws a size in [lo, hi] bytes. Powers above 1 crowd the draws
// toward lo, as in real repositories, where most classes and permission sets
// are small and a few are very large.
func skewed(r *rand.Rand, lo, hi, power int) int {
	u := r.Float64()
	v := u
	for range power - 1 {
		v *= u
	}
	return lo + int(float64(hi-lo)*v)
}

// pick returns n distinct items of list in list order.
func pick(r *rand.Rand, list []string, n int) []string {
	if n >= len(list) {
		return append([]string(nil), list...)
	}
	idx := r.Perm(len(list))[:n]
	sort.Ints(idx)
	out := make([]string, n)
	for i, j := range idx {
		out[i] = list[j]
	}
	return out
}

// label turns an API name such as Due_Date__c into a label: "Due Date".
func label(api string) string {
	return strings.ReplaceAll(strings.TrimSuffix(api, "__c"), "_", " ")
}

// lowerFirst turns InvoiceLine into invoiceLine, the LWC naming convention.
func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}
