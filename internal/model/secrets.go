package model

import (
	"regexp"
	"sort"
	"strings"

	"github.com/sflint/sflint/internal/parse"
)

// secretElements hold secrets wherever they appear in metadata.
var secretElements = map[string]bool{
	"consumerSecret":    true,
	"password":          true,
	"oauthToken":        true,
	"oauthRefreshToken": true,
	"awsAccessSecret":   true,
	"clientSecret":      true,
	"privateKey":        true,
}

// secretLiteral matches Apex string literals that look like credentials: a
// session id (00D...!...), a bearer token, a long hex or base64 secret.
var secretLiteral = regexp.MustCompile(`^(?:Bearer\s+)?(?:` +
	`00D[A-Za-z0-9]{12,15}![A-Za-z0-9._]{20,}` + // a session id
	`|[A-Fa-f0-9]{32,}` + // a hex secret
	`|[A-Za-z0-9+/_.-]{40,}={0,2})$`) // a base64 or URL-safe token

// Secrets lists the secret values found in the project, longest first, so
// that every output can redact them whatever rule or policy printed them.
func (m *Model) Secrets() []string {
	seen := map[string]bool{}
	var walk func(e *parse.Element)
	walk = func(e *parse.Element) {
		if e == nil {
			return
		}
		if secretElements[e.Name] && len(e.Text) >= 4 {
			seen[e.Text] = true
		}
		for _, c := range e.Children {
			walk(c)
		}
	}
	for _, r := range m.records() {
		walk(r.Root)
	}
	for _, f := range m.ApexFiles {
		for _, c := range f.Parsed.AllClasses() {
			for _, l := range c.Literals {
				if v := strings.TrimSpace(l.Value); secretLiteral.MatchString(v) {
					seen[v] = true
				}
			}
		}
	}
	out := make([]string, 0, len(seen))
	for s := range seen {
		out = append(out, s)
	}
	sort.Slice(out, func(i, j int) bool {
		if len(out[i]) != len(out[j]) {
			return len(out[i]) > len(out[j])
		}
		return out[i] < out[j]
	})
	return out
}

// records lists every parsed metadata record.
func (m *Model) records() []*Record {
	var out []*Record
	for _, a := range m.Apps {
		out = append(out, a.Record)
	}
	for _, cs := range m.AppChildren {
		for _, c := range cs {
			out = append(out, c.Record)
		}
	}
	for _, ec := range m.ExternalCredentials {
		out = append(out, ec.Record)
	}
	for _, nc := range m.NamedCredentials {
		out = append(out, nc.Record)
	}
	for _, ps := range m.PermissionSets {
		out = append(out, ps.Record)
	}
	out = append(out, m.ConnectedApps...)
	for _, rs := range m.Others {
		out = append(out, rs...)
	}
	return out
}

// Redact replaces every secret in s by its first two characters and a
// marker, so a finding can say which value it means without repeating it.
func Redact(s string, secrets []string) string {
	for _, sec := range secrets {
		if strings.Contains(s, sec) {
			s = strings.ReplaceAll(s, sec, sec[:2]+"…(redacted)")
		}
	}
	return s
}
