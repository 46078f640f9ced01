package gen

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"text/template"
	"unicode"

	"github.com/sflint/sflint/templates"
)

// Templates are the parsed templates, each named by its path in the
// templates directory (integration/eca.tmpl, ...).
type Templates struct {
	byName map[string]*template.Template
}

// LoadTemplates parses the embedded templates, each replaced by the file of
// the same name under dir when dir is not empty and holds one. A file under
// dir that matches no template is an error, so a misspelt override is not
// silently ignored.
func LoadTemplates(dir string) (*Templates, error) {
	names, err := templateNames(templates.FS)
	if err != nil {
		return nil, err
	}
	if dir != "" {
		if err := checkOverrides(dir, names); err != nil {
			return nil, err
		}
	}
	t := &Templates{byName: map[string]*template.Template{}}
	for _, name := range names {
		src, err := readTemplate(dir, name)
		if err != nil {
			return nil, err
		}
		tmpl, err := template.New(name).Funcs(funcs).Option("missingkey=error").Parse(string(src))
		if err != nil {
			return nil, &InputError{Problems: []string{fmt.Sprintf("template %s: %v", name, err)}}
		}
		t.byName[name] = tmpl
	}
	return t, nil
}

// templateNames lists the .tmpl files of fsys, sorted.
func templateNames(fsys fs.FS) ([]string, error) {
	var names []string
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".tmpl") {
			names = append(names, p)
		}
		return err
	})
	sort.Strings(names)
	return names, err
}

func checkOverrides(dir string, names []string) error {
	fi, err := os.Stat(dir)
	if err != nil || !fi.IsDir() {
		return &InputError{Problems: []string{fmt.Sprintf("--templates %s: not a directory", dir)}}
	}
	found, err := templateNames(os.DirFS(dir))
	if err != nil {
		return fmt.Errorf("read templates: %w", err)
	}
	known := setOf(names...)
	var p Problems
	for _, f := range found {
		if !known[f] {
			p.Addf("--templates: %s matches no template; valid names: %s", f, strings.Join(names, ", "))
		}
	}
	return p.Err()
}

func readTemplate(dir, name string) ([]byte, error) {
	if dir != "" {
		src, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		if err == nil {
			return src, nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("read template: %w", err)
		}
	}
	return fs.ReadFile(templates.FS, name)
}

// render executes the named template with data, which is always one of the
// typed structs of this package. An unknown field in a house template is an
// error, never an empty string.
func (t *Templates) render(name string, data any) ([]byte, error) {
	tmpl, ok := t.byName[name]
	if !ok {
		return nil, fmt.Errorf("no template %s", name)
	}
	var buf bytes.Buffer
	if err := tmpl.Execute(&buf, data); err != nil {
		return nil, &InputError{Problems: []string{fmt.Sprintf("render %s: %v", name, err)}}
	}
	return buf.Bytes(), nil
}

// funcs are the escapers and name helpers the templates use. Names are
// validated before rendering, so the escapers matter for free text such as a
// SOQL query or a username.
var funcs = template.FuncMap{
	"xml":         xmlEscape,
	"apexString":  apexString,
	"jsString":    jsString,
	"kebab":       kebab,
	"upperFirst":  upperFirst,
	"words":       words,
	"doc":         doc,
	"fits":        fits,
	"wrap":        wrap,
	"chain":       chain,
	"operands":    operands,
	"prefixed":    prefixed,
	"apexStrings": apexStrings,
	"jsStrings":   jsStrings,
}

// doc makes text safe inside an ApexDoc or JSDoc comment.
func doc(s string) string { return strings.ReplaceAll(s, "*/", "* /") }

func xmlEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&quot;")
		case '\'':
			b.WriteString("&apos;")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// apexString quotes s as an Apex string literal.
func apexString(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `'`, `\'`, "\n", `\n`, "\r", `\r`, "\t", `\t`)
	return "'" + r.Replace(s) + "'"
}

// jsString quotes s as a single-quoted JavaScript string literal.
func jsString(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `'`, `\'`, "\n", `\n`, "\r", `\r`,
		"\u2028", `\u2028`, "\u2029", `\u2029`)
	return "'" + r.Replace(s) + "'"
}

// kebab turns a camelCase bundle name into the kebab-case of its tag:
// loopbackExplorer becomes loopback-explorer.
func kebab(s string) string {
	var b strings.Builder
	for i, r := range s {
		if unicode.IsUpper(r) {
			if i > 0 {
				b.WriteByte('-')
			}
			r = unicode.ToLower(r)
		}
		b.WriteRune(r)
	}
	return b.String()
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// words turns a camelCase or snake_case name into a sentence-case label:
// queryApexClass becomes "Query apex class" and getURLInfo "Get URL info".
func words(s string) string {
	rs := []rune(s)
	var parts []string
	begin := 0
	for i := 1; i <= len(rs); i++ {
		if i < len(rs) && rs[i] != '_' && !wordBreak(rs, i) {
			continue
		}
		if w := string(rs[begin:i]); w != "" && w != "_" {
			parts = append(parts, lowerWord(strings.Trim(w, "_")))
		}
		begin = i
	}
	return upperFirst(strings.Join(parts, " "))
}

// wordBreak reports whether a new word starts at rs[i]: a capital after a
// lower-case letter or digit, or the last capital of an acronym that a
// lower-case letter follows.
func wordBreak(rs []rune, i int) bool {
	if !unicode.IsUpper(rs[i]) {
		return rs[i-1] == '_'
	}
	if !unicode.IsUpper(rs[i-1]) {
		return true
	}
	return i+1 < len(rs) && unicode.IsLower(rs[i+1])
}

// lowerWord lowers a word unless it is an acronym.
func lowerWord(w string) string {
	if len(w) > 1 && strings.ToUpper(w) == w {
		return w
	}
	return strings.ToLower(w)
}
