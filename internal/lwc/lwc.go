package lwc

import "strings"

// Module prefixes of Apex method imports.
const (
	ApexPrefix             = "@salesforce/apex/"
	ApexContinuationPrefix = "@salesforce/apexContinuation/"
)

// Names of the calls reported in Script.Fetches.
const (
	FuncFetch      = "fetch"               // fetch(url), window.fetch(url)
	FuncXHROpen    = "XMLHttpRequest.open" // xhr.open(method, url)
	FuncSendBeacon = "sendBeacon"          // navigator.sendBeacon(url, data)
)

// servicesPath marks a literal that names an org's REST, SOAP or Apex REST
// endpoint.
const servicesPath = "/services/"

// Script is what Scan found in one JavaScript file, each list in source order.
type Script struct {
	Imports     []ApexImport
	Fetches     []Call
	ServiceURLs []Literal
}

// ApexImport is a default import of an Apex method, such as
// import getItems from '@salesforce/apex/ns.ItemController.getItems'.
type ApexImport struct {
	Local        string // the imported binding, getItems
	Namespace    string // ns, or "" when the module names no namespace
	Class        string // ItemController
	Method       string // getItems
	Module       string // the whole module string
	Continuation bool   // imported from @salesforce/apexContinuation
	Pos          Pos    // the opening quote of the module string
}

// Call is a call that sends an HTTP request from the browser.
type Call struct {
	Func string // FuncFetch, FuncXHROpen or FuncSendBeacon
	URL  string // value of the URL argument when it is a plain literal, else ""
	// URLExpr is the source text of the URL argument, "" when there is
	// none, cut after 512 bytes.
	URLExpr string
	Pos     Pos // the called name: fetch, open or sendBeacon
}

// Literal is a string or template literal.
type Literal struct {
	// Value is the literal's value, escapes decoded. For a template with
	// substitutions it is the text with each substitution kept as ${source},
	// or ${…} when that source is longer than 64 bytes.
	Value string
	Pos   Pos // the opening quote or backtick
}

// Scan reports the Apex imports, browser HTTP calls and /services/ literals
// of a JavaScript source. It accepts any input: broken JavaScript yields
// what could be recognised.
func Scan(src []byte) *Script {
	toks := lex(src)
	s := &scanner{src: src, str: string(src), toks: toks, next: link(src, toks)}
	for i := range toks {
		s.visit(i)
	}
	return &s.out
}

type scanner struct {
	src  []byte
	str  string // src, once, so that results can share its memory
	toks []token
	next []int // see link
	out  Script
}

func (s *scanner) visit(i int) {
	t := s.toks[i]
	switch t.kind {
	case kString, kTemplate:
		if strings.Contains(t.value, servicesPath) {
			s.out.ServiceURLs = append(s.out.ServiceURLs, Literal{Value: t.value, Pos: t.pos})
		}
	case kTemplateHead:
		s.template(i)
	case kIdent:
		switch s.text(i) {
		case "import":
			s.apexImport(i)
		case "fetch":
			s.fetch(i)
		case "open":
			s.xhrOpen(i)
		case "sendBeacon":
			s.sendBeacon(i)
		}
	}
}

// text returns the source text of token i, or "" when i is out of range.
func (s *scanner) text(i int) string {
	if i < 0 || i >= len(s.toks) {
		return ""
	}
	return s.str[s.toks[i].start:s.toks[i].end]
}

func (s *scanner) is(i int, k kind, text string) bool {
	return i >= 0 && i < len(s.toks) && s.toks[i].kind == k && s.text(i) == text
}

func (s *scanner) isKind(i int, k kind) bool {
	return i >= 0 && i < len(s.toks) && s.toks[i].kind == k
}
