package model

import (
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/sflint/sflint/internal/apex"
	"github.com/sflint/sflint/internal/par"
	"github.com/sflint/sflint/internal/parse"
)

// calloutPrefix starts an endpoint that goes through a Named Credential.
const calloutPrefix = "callout:"

// apexTerms lists every class of every Apex file (inner classes too), with
// its methods, callouts, literals and session id uses. Callouts that a
// helper only templates are left out: their call sites are listed instead.
func (m *Model) apexTerms() []*ast.Term {
	ncs := newIndex[*NamedCredential]()
	for _, nc := range m.NamedCredentials {
		ncs.add(nc.Name, nc)
	}
	// Classes are most of a large project's input; their terms are built on
	// every core, each file's into its own slot so the order stays fixed.
	perFile := make([][]*ast.Term, len(m.ApexFiles))
	par.Do(len(m.ApexFiles), 0, func(i int) {
		f := m.ApexFiles[i]
		for _, c := range f.Parsed.AllClasses() {
			perFile[i] = append(perFile[i], m.classTerm(f.File, c, ncs))
		}
	})
	var out []*ast.Term
	for _, ts := range perFile {
		out = append(out, ts...)
	}
	return out
}

// sourceString copies a string of Apex source into the input document. The
// parser's strings point into the text of their file, so one kept name would
// keep the whole file in memory for as long as the rules run.
func sourceString(s string) *ast.Term { return ast.StringTerm(strings.Clone(s)) }

func apexPos(p apex.Pos) [][2]*ast.Term { return posItems(parse.Pos{Line: p.Line, Col: p.Col}) }

func (m *Model) classTerm(file string, c *apex.Class, ncs *index[*NamedCredential]) *ast.Term {
	var callouts []*ast.Term
	for _, co := range c.Callouts {
		if !co.Template {
			callouts = append(callouts, m.calloutTerm(co, ncs))
		}
	}
	items := append([][2]*ast.Term{
		item("file", ast.StringTerm(file)),
		item("name", sourceString(c.Name)),
		item("visibility", sourceString(c.Visibility)),
		item("sharing", sourceString(c.Sharing)),
		item("methods", listTerm(c.Methods, methodTerm)),
		item("callouts", ast.ArrayTerm(callouts...)),
		item("literals", listTerm(c.Literals, func(l apex.Literal) *ast.Term {
			return ast.ObjectTerm(append([][2]*ast.Term{
				item("value", sourceString(l.Value)), item("method", sourceString(l.InMethod)),
			}, apexPos(l.Pos)...)...)
		})),
		item("sessionIds", listTerm(c.SessionIDs, func(u apex.Use) *ast.Term {
			return ast.ObjectTerm(append([][2]*ast.Term{item("method", sourceString(u.InMethod))},
				apexPos(u.Pos)...)...)
		})),
	}, apexPos(c.Pos)...)
	return ast.ObjectTerm(items...)
}

func methodTerm(mt *apex.Method) *ast.Term {
	return ast.ObjectTerm(append([][2]*ast.Term{
		item("name", sourceString(mt.Name)),
		item("visibility", sourceString(mt.Visibility)),
		item("static", ast.InternedTerm(mt.Static)),
		item("auraEnabled", ast.InternedTerm(mt.AuraEnabled)),
		item("cacheable", ast.InternedTerm(mt.Cacheable)),
		item("returnType", sourceString(mt.ReturnType)),
		item("params", listTerm(mt.Params, func(p apex.Param) *ast.Term {
			return ast.ObjectTerm(item("name", sourceString(p.Name)), item("type", sourceString(p.Type)))
		})),
	}, apexPos(mt.Pos)...)...)
}

func (m *Model) calloutTerm(co *apex.Callout, ncs *index[*NamedCredential]) *ast.Term {
	items := append([][2]*ast.Term{
		item("method", sourceString(co.InMethod)),
		item("via", listTerm(co.Via, ast.StringTerm)),
		item("request", sourceString(co.Request)),
		item("headers", listTerm(co.Headers, func(h apex.Header) *ast.Term {
			return ast.ObjectTerm(append([][2]*ast.Term{
				item("name", exprTerm(h.Name, h.Pos)), item("value", exprTerm(h.Value, h.Pos)),
			}, apexPos(h.Pos)...)...)
		})),
	}, apexPos(co.Pos)...)
	if co.Method != nil {
		items = append(items, item("httpMethod", exprTerm(co.Method, co.MethodPos)))
	}
	if co.Body != nil {
		items = append(items, item("body", exprTerm(*co.Body, co.BodyPos)))
	}
	if co.Endpoint != nil {
		items = append(items, item("endpoint", exprTerm(co.Endpoint, co.EndpointPos)))
		if nc := m.namedCredentialRef(co.Endpoint, ncs); nc != nil {
			items = append(items, item("namedCredential", nc))
		}
	}
	return ast.ObjectTerm(items...)
}

// exprTerm describes a string expression: its value when it is all literal,
// its rendering with placeholders, and its parts.
func exprTerm(e apex.Expr, at apex.Pos) *ast.Term {
	lit, ok := e.Literal()
	return ast.ObjectTerm(append([][2]*ast.Term{
		item("literal", ast.InternedTerm(ok)),
		item("value", sourceString(lit)),
		item("text", sourceString(e.String())),
		item("prefix", sourceString(e.LiteralPrefix())),
		item("parts", listTerm(e, partTerm)),
	}, apexPos(at)...)...)
}

func partTerm(p apex.Part) *ast.Term {
	return ast.ObjectTerm(append([][2]*ast.Term{
		item("kind", ast.StringTerm(p.Kind.String())),
		item("text", sourceString(p.Text)),
		item("inner", listTerm(p.Inner, partTerm)),
	}, apexPos(p.Pos)...)...)
}

// namedCredentialRef resolves callout:[ns__]Name/path against the project's
// Named Credentials. The name must be literal to be judged.
func (m *Model) namedCredentialRef(e apex.Expr, ncs *index[*NamedCredential]) *ast.Term {
	prefix := e.LiteralPrefix()
	if !strings.HasPrefix(strings.ToLower(prefix), calloutPrefix) {
		return nil
	}
	rest := prefix[len(calloutPrefix):]
	end := strings.IndexAny(rest, "/?")
	if end < 0 {
		lit, ok := e.Literal()
		if !ok {
			return nil // the name continues past what is known
		}
		rest, end = lit[len(calloutPrefix):], len(lit)-len(calloutPrefix)
	}
	name := rest[:end]
	written := name
	if ns, local, ok := strings.Cut(name, "__"); ok && strings.EqualFold(ns, m.Namespace) {
		name = local
	}
	nc, near := ncs.find(name)
	found := nc != nil
	var pos parse.Pos
	if len(e) > 0 {
		pos = parse.Pos{Line: e[0].Pos.Line, Col: e[0].Pos.Col}
	}
	var items [][2]*ast.Term
	items = append(items,
		item("name", sourceString(written)),
		item("found", ast.InternedTerm(found)),
		item("nearMiss", sourceString(near)),
		item("path", sourceString(rest[end:]+strings.TrimPrefix(e.String(), prefix))),
	)
	if found {
		items = append(items, item("file", ast.StringTerm(nc.File)))
	}
	return ast.ObjectTerm(append(items, posItems(pos)...)...)
}
