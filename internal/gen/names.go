package gen

import (
	"fmt"
	"regexp"
	"strings"
)

// MaxNameLength bounds every API name gen derives. Salesforce limits most
// Developer Names, Apex class names and component names to 40 characters,
// the tightest of the limits the generated types have, so one bound keeps
// every derived name deployable.
const MaxNameLength = 40

// Problems collects everything wrong with the input so that the user sees
// all of it at once instead of fixing one mistake per run.
type Problems struct{ list []string }

// Addf records one problem.
func (p *Problems) Addf(format string, args ...any) {
	p.list = append(p.list, fmt.Sprintf(format, args...))
}

// Err returns nil when nothing was recorded and an *InputError otherwise.
func (p *Problems) Err() error {
	if len(p.list) == 0 {
		return nil
	}
	return &InputError{Problems: p.list}
}

// InputError is bad input to a generator: names, flags or the project. It
// lists every problem found; the CLI maps it to exit code 2.
type InputError struct{ Problems []string }

func (e *InputError) Error() string { return strings.Join(e.Problems, "; ") }

var (
	apiNameChars = regexp.MustCompile(`^[A-Za-z0-9_]*$`)
	lwcNameChars = regexp.MustCompile(`^[A-Za-z0-9]*$`)
)

// CheckAPIName records why name is not a Salesforce API name: letters,
// digits and single underscores, starting with a letter, not ending in an
// underscore, at most MaxNameLength characters. what names the name in
// messages, e.g. "integration name".
func CheckAPIName(p *Problems, what, name string) bool {
	n := len(p.list)
	switch {
	case name == "":
		p.Addf("%s is empty", what)
	case !apiNameChars.MatchString(name):
		p.Addf("%s %q has characters other than letters, digits and _", what, name)
	case !isLetter(name[0]):
		p.Addf("%s %q must start with a letter", what, name)
	case strings.Contains(name, "__"):
		p.Addf("%s %q has two underscores in a row (reserved for namespaces)", what, name)
	case strings.HasSuffix(name, "_"):
		p.Addf("%s %q must not end with _", what, name)
	}
	if len(name) > MaxNameLength {
		p.Addf("%s %q is %d characters; the limit is %d", what, name, len(name), MaxNameLength)
	}
	return len(p.list) == n
}

// CheckApexName records why name cannot name an Apex class, method or
// parameter: it must be an API name and not a reserved word.
func CheckApexName(p *Problems, what, name string) bool {
	if !CheckAPIName(p, what, name) {
		return false
	}
	if apexReserved[strings.ToLower(name)] {
		p.Addf("%s %q is a reserved word in Apex", what, name)
		return false
	}
	return true
}

// CheckLWCName records why name cannot name a Lightning web component
// bundle: camelCase letters and digits starting with a lower-case letter.
// Underscores, which LWC allows, are refused to keep the tag name
// (c-my-component) unambiguous.
func CheckLWCName(p *Problems, what, name string) bool {
	n := len(p.list)
	switch {
	case name == "":
		p.Addf("%s is empty", what)
	case !lwcNameChars.MatchString(name):
		p.Addf("%s %q must be camelCase letters and digits", what, name)
	case name[0] < 'a' || name[0] > 'z':
		p.Addf("%s %q must start with a lower-case letter", what, name)
	}
	if len(name) > MaxNameLength {
		p.Addf("%s %q is %d characters; the limit is %d", what, name, len(name), MaxNameLength)
	}
	return len(p.list) == n
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// apexReserved holds the words the Apex Developer Guide lists as reserved
// keywords (in lower case; Apex is case-insensitive). They cannot name a
// class, method, variable or parameter.
var apexReserved = setOf(
	"abstract", "activate", "and", "any", "array", "as", "asc", "autonomous",
	"begin", "bigdecimal", "blob", "boolean", "break", "bulk", "by", "byte",
	"case", "cast", "catch", "char", "class", "collect", "commit", "const",
	"continue", "currency", "date", "datetime", "decimal", "default", "delete",
	"desc", "do", "double", "else", "end", "enum", "exception", "exit",
	"export", "extends", "false", "final", "finally", "float", "for", "from",
	"global", "goto", "group", "having", "hint", "if", "implements", "import",
	"in", "inner", "insert", "instanceof", "integer", "interface", "into",
	"join", "like", "limit", "list", "long", "loop", "map", "merge", "new",
	"not", "null", "nulls", "number", "object", "of", "on", "or", "outer",
	"override", "package", "parallel", "pragma", "private", "protected",
	"public", "retrieve", "return", "rollback", "select", "set", "short",
	"sobject", "sort", "static", "string", "super", "switch", "synchronized",
	"system", "testmethod", "then", "this", "throw", "time", "transaction",
	"trigger", "true", "try", "undelete", "update", "upsert", "using",
	"virtual", "void", "webservice", "when", "where", "while",
)

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// myDomainSuffixes are the host suffixes of My Domains, the same list the
// rules use (rules/lib/url.rego): the token URL and the callout URL of a
// same-org integration must be the org's My Domain.
var myDomainSuffixes = []string{".my.salesforce.com", ".my.salesforce.mil", ".my.sfcrmproducts.cn"}

var hostLabel = regexp.MustCompile(`^[a-z0-9]([a-z0-9-]*[a-z0-9])?$`)

// CheckMyDomain records why host is not a My Domain host name such as
// acme.my.salesforce.com, and returns it in lower case.
func CheckMyDomain(p *Problems, host string) string {
	h := strings.ToLower(host)
	switch {
	case h == "":
		p.Addf("--my-domain is required (the org's My Domain host, e.g. acme.my.salesforce.com)")
		return h
	case strings.Contains(h, "://") || strings.ContainsAny(h, "/:?#"):
		p.Addf("--my-domain %q must be a host name such as acme.my.salesforce.com, not a URL", host)
		return h
	}
	for _, label := range strings.Split(h, ".") {
		if !hostLabel.MatchString(label) {
			p.Addf("--my-domain %q is not a valid host name", host)
			return h
		}
	}
	for _, s := range myDomainSuffixes {
		if strings.HasSuffix(h, s) {
			return h
		}
	}
	p.Addf("--my-domain %q is not a My Domain host (*%s); token requests to other hosts fail",
		host, strings.Join(myDomainSuffixes, ", *"))
	return h
}

// username is the shape of a Salesforce username: an email address. The
// characters XML and Apex treat specially are refused outright.
var username = regexp.MustCompile(`^[^@\s<>&"']+@[^@\s<>&"']+\.[^@\s<>&"'.]+$`)

// CheckUsername records why name is not a Salesforce username.
func CheckUsername(p *Problems, name string) {
	switch {
	case name == "":
		p.Addf("--run-as is required (the username of the integration user)")
	case !username.MatchString(name):
		p.Addf("--run-as %q is not a username (usernames look like email addresses)", name)
	case len(name) > 80:
		p.Addf("--run-as %q is longer than the 80 characters a username may have", name)
	}
}

var apiVersion = regexp.MustCompile(`^[1-9][0-9]*\.0$`)

// CheckAPIVersion records why v is not an API version such as 66.0.
func CheckAPIVersion(p *Problems, v string) bool {
	if !apiVersion.MatchString(v) {
		p.Addf("API version %q must look like 66.0", v)
		return false
	}
	return true
}
