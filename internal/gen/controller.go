package gen

import (
	"regexp"
	"strconv"
	"strings"
)

// ControllerSpec is what the user asks of sflint gen controller.
type ControllerSpec struct {
	Name            string   // the Apex class
	NamedCredential string   // the Named Credential it calls
	REST            []string // REST paths below /services/data/vNN.0/, {param} for parameters
	ToolingQueries  []string // SOQL for the Tooling API, :param for parameters
}

// ControllerData is what the controller templates receive.
type ControllerData struct {
	Class           string
	TestClass       string
	NamedCredential string
	APIVersion      string // "66.0"
	Methods         []MethodData
	UsesQuoted      bool // some query has a parameter
	UsesEncoded     bool // some path or query is built from parameters
}

// MethodData is one @AuraEnabled method: a GET of a REST path or a Tooling
// API query.
type MethodData struct {
	Name    string
	Tooling bool
	Doc     string   // the path or query as the user wrote it
	Params  []string // String parameters, in order of first use
	Parts   []Part   // the path (after the version) or the SOQL, in pieces
}

// Part is a piece of a path or query: literal text or a parameter.
type Part struct {
	Text  string
	Param string
}

// reservedLocals are names the generated methods use for locals.
var reservedLocals = setOf("soql", "path")

func checkController(p *Problems, spec ControllerSpec, apiVersion string) ControllerData {
	d := ControllerData{
		Class:           spec.Name,
		TestClass:       spec.Name + "Test",
		NamedCredential: spec.NamedCredential,
		APIVersion:      apiVersion,
	}
	if CheckApexName(p, "controller name", spec.Name) {
		CheckApexName(p, "test class name", d.TestClass)
	}
	CheckAPIName(p, "--named-credential", spec.NamedCredential)
	if len(spec.REST)+len(spec.ToolingQueries) == 0 {
		p.Addf("give at least one --rest PATH or --tooling-query SOQL")
	}
	used := map[string]bool{}
	for _, r := range spec.REST {
		if m, ok := restMethod(p, r); ok {
			d.Methods = append(d.Methods, unique(m, used))
		}
	}
	for _, q := range spec.ToolingQueries {
		if m, ok := toolingMethod(p, q); ok {
			d.Methods = append(d.Methods, unique(m, used))
		}
	}
	for _, m := range d.Methods {
		d.UsesQuoted = d.UsesQuoted || m.Tooling && len(m.Params) > 0
		d.UsesEncoded = d.UsesEncoded || m.Tooling || len(m.Params) > 0
	}
	return d
}

// unique gives m a name no earlier method has, by numbering.
func unique(m MethodData, used map[string]bool) MethodData {
	name := m.Name
	for i := 2; used[strings.ToLower(name)]; i++ {
		name = m.Name + strconv.Itoa(i)
	}
	used[strings.ToLower(name)] = true
	m.Name = name
	return m
}

var (
	pathSegment = regexp.MustCompile(`^[A-Za-z0-9_.~-]+$`)
	pathParam   = regexp.MustCompile(`^\{([^{}]*)\}$`)
	nameWords   = regexp.MustCompile(`[A-Za-z0-9]+`)
)

// restMethod reads a path such as sobjects/Account/{recordId}.
func restMethod(p *Problems, raw string) (MethodData, bool) {
	path := strings.Trim(strings.TrimSpace(raw), "/")
	m := MethodData{Doc: path}
	what := "--rest " + strconv.Quote(raw)
	switch {
	case path == "":
		p.Addf("%s: the path is empty", what)
		return m, false
	case strings.Contains(path, "://") || strings.HasPrefix(path, "services/"):
		p.Addf("%s: give the path below /services/data/vNN.0/, e.g. sobjects/Account", what)
		return m, false
	}
	n := len(p.list)
	name := "get"
	m.Parts = append(m.Parts, Part{Text: "/"})
	for i, seg := range strings.Split(path, "/") {
		if i > 0 {
			m.Parts = append(m.Parts, Part{Text: "/"})
		}
		if sub := pathParam.FindStringSubmatch(seg); sub != nil {
			addParam(p, &m, what, sub[1])
			m.Parts = append(m.Parts, Part{Param: sub[1]})
			continue
		}
		if !pathSegment.MatchString(seg) || seg == "." || seg == ".." {
			p.Addf("%s: segment %q may hold only letters, digits and _.~- (or be a {parameter})", what, seg)
			continue
		}
		name += camel(seg)
		m.Parts = append(m.Parts, Part{Text: seg})
	}
	m.Name = name
	m.Parts = mergeText(m.Parts)
	return m, len(p.list) == n
}

var soqlFrom = regexp.MustCompile(`(?i)\bfrom\s+([A-Za-z][A-Za-z0-9_]*)`)

// toolingMethod reads a SOQL query whose :name binds become parameters.
func toolingMethod(p *Problems, raw string) (MethodData, bool) {
	soql := strings.Join(strings.Fields(raw), " ")
	m := MethodData{Tooling: true, Doc: soql}
	what := "--tooling-query " + strconv.Quote(raw)
	from := soqlFrom.FindStringSubmatch(soql)
	if from == nil {
		p.Addf("%s: no FROM object", what)
		return m, false
	}
	m.Name = "query" + camel(from[1])
	n := len(p.list)
	m.Parts = splitBinds(soql, func(name string) { addParam(p, &m, what, name) })
	return m, len(p.list) == n
}

// splitBinds cuts SOQL into literal text and :name binds, skipping quoted
// strings, and calls bind for each bind.
func splitBinds(soql string, bind func(string)) []Part {
	var parts []Part
	start := 0
	for i := 0; i < len(soql); i++ {
		switch c := soql[i]; {
		case c == '\'':
			i = skipQuoted(soql, i)
		case c == ':' && i+1 < len(soql) && isLetter(soql[i+1]):
			j := i + 1
			for j < len(soql) && isIdent(soql[j]) {
				j++
			}
			parts = append(parts, Part{Text: soql[start:i]}, Part{Param: soql[i+1 : j]})
			bind(soql[i+1 : j])
			start, i = j, j-1
		}
	}
	parts = append(parts, Part{Text: soql[start:]})
	return mergeText(parts)
}

// skipQuoted returns the index of the quote that closes the string opening
// at i (or the last index).
func skipQuoted(s string, i int) int {
	for j := i + 1; j < len(s); j++ {
		switch s[j] {
		case '\\':
			j++
		case '\'':
			return j
		}
	}
	return len(s) - 1
}

func isIdent(c byte) bool { return isLetter(c) || c >= '0' && c <= '9' || c == '_' }

// addParam records a parameter once, after checking its name.
func addParam(p *Problems, m *MethodData, what, name string) {
	for _, have := range m.Params {
		if have == name {
			return
		}
	}
	if !CheckApexName(p, what+": parameter", name) {
		return
	}
	if reservedLocals[strings.ToLower(name)] {
		p.Addf("%s: parameter %q is a name the generated code uses; choose another", what, name)
		return
	}
	m.Params = append(m.Params, name)
}

// mergeText joins adjacent literal parts and drops empty ones.
func mergeText(parts []Part) []Part {
	var out []Part
	for _, pt := range parts {
		if pt.Param == "" && pt.Text == "" {
			continue
		}
		if n := len(out); n > 0 && pt.Param == "" && out[n-1].Param == "" {
			out[n-1].Text += pt.Text
			continue
		}
		out = append(out, pt)
	}
	return out
}

// camel turns a path segment or object name into a name part:
// ui-api becomes UiApi, My_Object__c becomes MyObjectC.
func camel(s string) string {
	var b strings.Builder
	for _, w := range nameWords.FindAllString(s, -1) {
		b.WriteString(upperFirst(w))
	}
	return b.String()
}

// controllerFiles maps each controller template to the file it renders.
func controllerFiles(d ControllerData) []fileSpec {
	return []fileSpec{
		{"controller/class.tmpl", "classes/" + d.Class + ".cls"},
		{"controller/class-meta.tmpl", "classes/" + d.Class + ".cls-meta.xml"},
		{"controller/test.tmpl", "classes/" + d.TestClass + ".cls"},
		{"controller/class-meta.tmpl", "classes/" + d.TestClass + ".cls-meta.xml"},
	}
}

// Controller renders a with sharing Apex controller with one @AuraEnabled
// method per endpoint, its test class, and both -meta.xml files.
func (g *Generator) Controller(spec ControllerSpec) (*Output, error) {
	var p Problems
	d := checkController(&p, spec, g.APIVersion)
	if err := p.Err(); err != nil {
		return nil, err
	}
	return g.renderAll(controllerFiles(d), d, "")
}
