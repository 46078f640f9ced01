package model

import (
	"sort"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/sflint/sflint/internal/lwc"
	"github.com/sflint/sflint/internal/parse"
)

func sortedBundles(m map[string]*Bundle) []*Bundle {
	out := make([]*Bundle, 0, len(m))
	for _, b := range m {
		out = append(out, b)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// bundleTerm is a Lightning web component: its .js-meta.xml (as "meta", a
// record like any other, or null) and what its scripts import and call.
func bundleTerm(b *Bundle) *ast.Term {
	meta := ast.NullTerm()
	if b.Meta != nil {
		meta = plainTerm(b.Meta)
	}
	return ast.ObjectTerm(
		item("name", ast.StringTerm(b.Name)),
		item("meta", meta),
		item("scripts", listTerm(b.Scripts, scriptTerm)),
	)
}

func lwcPos(p lwc.Pos) [][2]*ast.Term { return posItems(parse.Pos{Line: p.Line, Col: p.Col}) }

func scriptTerm(s Script) *ast.Term {
	imports := listTerm(s.Scan.Imports, func(i lwc.ApexImport) *ast.Term {
		return ast.ObjectTerm(append([][2]*ast.Term{
			item("local", ast.StringTerm(i.Local)),
			item("namespace", ast.StringTerm(i.Namespace)),
			item("class", ast.StringTerm(i.Class)),
			item("method", ast.StringTerm(i.Method)),
			item("module", ast.StringTerm(i.Module)),
			item("continuation", ast.InternedTerm(i.Continuation)),
		}, lwcPos(i.Pos)...)...)
	})
	calls := listTerm(s.Scan.Fetches, func(c lwc.Call) *ast.Term {
		return ast.ObjectTerm(append([][2]*ast.Term{
			item("func", ast.StringTerm(c.Func)),
			item("url", ast.StringTerm(c.URL)),
			item("urlExpr", ast.StringTerm(c.URLExpr)),
		}, lwcPos(c.Pos)...)...)
	})
	urls := listTerm(s.Scan.ServiceURLs, func(l lwc.Literal) *ast.Term {
		return ast.ObjectTerm(append([][2]*ast.Term{item("value", ast.StringTerm(l.Value))}, lwcPos(l.Pos)...)...)
	})
	return ast.ObjectTerm(
		item("file", ast.StringTerm(s.File)),
		item("apexImports", imports),
		item("httpCalls", calls),
		item("serviceUrls", urls),
	)
}
