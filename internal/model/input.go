package model

import (
	"strings"
	"sync"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/sflint/sflint/internal/metadata"
	"github.com/sflint/sflint/internal/parse"
)

// InputVersion is the version of the input document; it changes only when a
// change would break existing policies.
const InputVersion = 1

// Project describes the project itself in the input.
type Project struct {
	File             string // sfdx-project.json, relative to the project root; "" when bare
	SourceAPIVersion string
	VersionPos       parse.Pos
	Namespace        string
	PackageDirs      []string
	Replacements     []parse.Replacement
}

// Input converts the model into the Rego input document. Every element value
// is an object {"value", "line", "col"}; every element that the WSDL declares
// repeatable is an array, whatever the number of siblings; links resolved by
// the model live under "links".
func (m *Model) Input(p Project) ast.Value {
	return ast.NewObject(
		item("version", ast.IntNumberTerm(InputVersion)),
		item("project", projectTerm(p)),
		item("files", listTerm(m.Files, fileTerm)),
		item("malformed", listTerm(m.Malformed, malformedTerm)),
		item("externalClientApps", listTerm(m.Apps, m.appTerm)),
		item("oauthSettings", listTerm(m.AppChildren[TypeOauthSettings], childTerm)),
		item("globalOauthSettings", listTerm(m.AppChildren[TypeGlobalOauthSettings], childTerm)),
		item("oauthPolicies", listTerm(m.AppChildren[TypeOauthPolicies], childTerm)),
		item("policies", listTerm(m.AppChildren[TypePolicies], childTerm)),
		item("externalCredentials", listTerm(m.ExternalCredentials, credentialTerm)),
		item("namedCredentials", listTerm(m.NamedCredentials, namedCredentialTerm)),
		item("permissionSets", listTerm(filter(m.PermissionSets, false), permissionSetTerm)),
		item("profiles", listTerm(filter(m.PermissionSets, true), permissionSetTerm)),
		item("connectedApps", listTerm(m.ConnectedApps, plainTerm)),
		item("corsOrigins", listTerm(m.Others["CorsWhitelistOrigin"], plainTerm)),
		item("cspTrustedSites", listTerm(m.Others["CspTrustedSite"], plainTerm)),
		item("remoteSiteSettings", listTerm(m.Others["RemoteSiteSetting"], plainTerm)),
		item("lwcBundles", listTerm(sortedBundles(m.Bundles), bundleTerm)),
		item("apexClasses", ast.ArrayTerm(m.apexTerms()...)),
	)
}

func plainTerm(r *Record) *ast.Term { return recordTerm(r, nil) }

func item(k string, v *ast.Term) [2]*ast.Term { return ast.Item(keyTerm(k), v) }

// keys holds one term per object key. The same few hundred keys (element
// names, "line", "col", "name"...) stand in millions of objects of a large
// project's document; terms are never changed once built, so one can serve
// them all.
var keys sync.Map

func keyTerm(k string) *ast.Term {
	if t, ok := keys.Load(k); ok {
		return t.(*ast.Term)
	}
	t, _ := keys.LoadOrStore(k, ast.StringTerm(k))
	return t.(*ast.Term)
}

func listTerm[T any](xs []T, f func(T) *ast.Term) *ast.Term {
	terms := make([]*ast.Term, len(xs))
	for i, x := range xs {
		terms[i] = f(x)
	}
	return ast.ArrayTerm(terms...)
}

func filter(ps []*PermissionSet, profiles bool) []*PermissionSet {
	var out []*PermissionSet
	for _, p := range ps {
		if p.IsProfile == profiles {
			out = append(out, p)
		}
	}
	return out
}

func posItems(p parse.Pos) [][2]*ast.Term {
	return [][2]*ast.Term{item("line", ast.IntNumberTerm(p.Line)), item("col", ast.IntNumberTerm(p.Col))}
}

func projectTerm(p Project) *ast.Term {
	items := []([2]*ast.Term){
		item("file", ast.StringTerm(p.File)),
		item("bare", ast.InternedTerm(p.File == "")),
		item("namespace", ast.StringTerm(p.Namespace)),
		item("packageDirectories", listTerm(p.PackageDirs, ast.StringTerm)),
		item("replacements", listTerm(p.Replacements, replacementTerm)),
	}
	if p.SourceAPIVersion != "" {
		v := append([][2]*ast.Term{item("value", ast.StringTerm(p.SourceAPIVersion))}, posItems(p.VersionPos)...)
		items = append(items, item("sourceApiVersion", ast.ObjectTerm(v...)))
	} else {
		items = append(items, item("sourceApiVersion", ast.NullTerm()))
	}
	return ast.ObjectTerm(items...)
}

func replacementTerm(r parse.Replacement) *ast.Term {
	return ast.ObjectTerm(
		item("filename", ast.StringTerm(r.Filename)),
		item("glob", ast.StringTerm(r.Glob)),
		item("stringToReplace", ast.StringTerm(r.StringToReplace)),
		item("regexToReplace", ast.StringTerm(r.RegexToReplace)),
	)
}

func fileTerm(f FileInfo) *ast.Term {
	typ := ast.NullTerm()
	if f.Type != "" {
		typ = ast.StringTerm(f.Type)
	}
	return ast.ObjectTerm(
		item("path", ast.StringTerm(f.Path)),
		item("type", typ),
		item("name", ast.StringTerm(f.Name)),
		item("suffix", ast.StringTerm(f.Suffix)),
		item("suggestion", ast.StringTerm(f.Suggestion)),
		item("folderType", ast.StringTerm(f.FolderType)),
	)
}

func malformedTerm(m Malformed) *ast.Term {
	items := append([][2]*ast.Term{
		item("file", ast.StringTerm(m.File)),
		item("message", ast.StringTerm(m.Msg)),
	}, posItems(m.Pos)...)
	return ast.ObjectTerm(items...)
}

// recordTerm is the common shape of every parsed file: file, type, name,
// position of the root element, its elements and any links.
func recordTerm(r *Record, links *ast.Term) *ast.Term {
	items := []([2]*ast.Term){
		item("file", ast.StringTerm(r.File)),
		item("type", ast.StringTerm(r.Type.Name)),
		item("name", ast.StringTerm(r.Name)),
		item("unknownElements", listTerm(r.Unknown, func(u parse.Unknown) *ast.Term {
			return unknownTerm(u, metadata.Schema(r.Type.Name))
		})),
		item("invalidValues", ast.ArrayTerm(invalidValues(r.Root, metadata.Schema(r.Type.Name), "")...)),
		item("markedValues", ast.ArrayTerm(markedValues(nil, r.Root, "")...)),
	}
	items = append(items, posItems(r.Root.Pos)...)
	items = appendElements(items, r.Root, metadata.Schema(r.Type.Name))
	if links != nil {
		items = append(items, item("links", links))
	}
	return ast.ObjectTerm(items...)
}

// unknownTerm describes an element the type does not have, with the closest
// element its parent does have.
func unknownTerm(u parse.Unknown, root *metadata.ComplexType) *ast.Term {
	parent := root
	parts := strings.Split(u.Path, "/")
	for _, p := range parts[:len(parts)-1] {
		if f := parent.Field(p); f != nil {
			parent = metadata.Schema(f.Complex)
		}
	}
	var names []string
	if parent != nil {
		for _, f := range parent.Fields {
			names = append(names, f.Name)
		}
	}
	items := append([][2]*ast.Term{
		item("path", ast.StringTerm(u.Path)),
		item("name", ast.StringTerm(parts[len(parts)-1])),
		item("suggestion", ast.StringTerm(metadata.Closest(parts[len(parts)-1], names))),
	}, posItems(u.Pos)...)
	return ast.ObjectTerm(items...)
}

// appendElements adds the children of el as object items, grouping repeated
// elements into arrays by schema. Without a schema every child is an array.
func appendElements(items [][2]*ast.Term, el *parse.Element, schema *metadata.ComplexType) [][2]*ast.Term {
	var order []string
	groups := map[string][]*ast.Term{}
	repeated := map[string]bool{}
	for _, c := range el.Children {
		f := schema.Field(c.Name)
		var sub *metadata.ComplexType
		if f != nil && f.Complex != "" {
			sub = metadata.Schema(f.Complex)
		}
		if _, seen := groups[c.Name]; !seen {
			order = append(order, c.Name)
			repeated[c.Name] = f == nil || f.Repeated
		}
		groups[c.Name] = append(groups[c.Name], elementTerm(c, f, sub))
	}
	for _, name := range order {
		if repeated[name] {
			items = append(items, item(name, ast.ArrayTerm(groups[name]...)))
		} else {
			// A non-repeatable element written twice: the first one counts.
			items = append(items, item(name, groups[name][0]))
		}
	}
	return items
}

func elementTerm(el *parse.Element, f *metadata.Field, sub *metadata.ComplexType) *ast.Term {
	items := posItems(el.Pos)
	if (f != nil && f.Complex != "") || len(el.Children) > 0 {
		return ast.ObjectTerm(appendElements(items, el, sub)...)
	}
	return ast.ObjectTerm(append(items, item("value", ast.StringTerm(el.Text)))...)
}

// refTerm describes a by-name reference: what was written, whether it was
// found, and a case-only near miss.
func refTerm(name string, found bool, near string, pos parse.Pos) *ast.Term {
	items := append([][2]*ast.Term{
		item("name", ast.StringTerm(name)),
		item("found", ast.InternedTerm(found)),
		item("nearMiss", ast.StringTerm(near)),
	}, posItems(pos)...)
	return ast.ObjectTerm(items...)
}

func (m *Model) appTerm(a *ExternalClientApp) *ast.Term {
	files := func(cs []*AppChild) *ast.Term {
		return listTerm(cs, func(c *AppChild) *ast.Term { return ast.StringTerm(c.File) })
	}
	return recordTerm(a.Record, ast.ObjectTerm(
		item("oauthSettings", files(a.OauthSettings)),
		item("globalOauthSettings", files(a.GlobalOauthSettings)),
		item("oauthPolicies", files(a.OauthPolicies)),
		item("policies", files(a.Policies)),
	))
}

func childTerm(c *AppChild) *ast.Term {
	var pos parse.Pos
	if el := c.Root.Child("externalClientApplication"); el != nil {
		pos = el.Pos
	}
	return recordTerm(c.Record, ast.ObjectTerm(item("app", refTerm(c.AppName, c.App != nil, c.AppNear, pos))))
}

func credentialTerm(ec *ExternalCredential) *ast.Term {
	return recordTerm(ec.Record, ast.ObjectTerm(item("principals", listTerm(ec.Principals, principalTerm))))
}

func principalTerm(p *Principal) *ast.Term {
	items := append([][2]*ast.Term{
		item("name", ast.StringTerm(p.Name)),
		item("type", ast.StringTerm(p.Kind)),
		item("grants", listTerm(p.Grants, func(a *PrincipalAccess) *ast.Term {
			return ast.ObjectTerm(
				item("file", ast.StringTerm(a.Owner.File)),
				item("name", ast.StringTerm(a.Owner.Name)),
				item("type", ast.StringTerm(a.Owner.Type.Name)),
				item("enabled", ast.InternedTerm(a.Enabled)),
			)
		})),
	}, posItems(p.El.Pos)...)
	return ast.ObjectTerm(items...)
}

func namedCredentialTerm(nc *NamedCredential) *ast.Term {
	links := []([2]*ast.Term){item("legacy", ast.InternedTerm(nc.Legacy))}
	if nc.AuthParam != nil {
		links = append(links, item("externalCredential",
			refTerm(nc.CredName, nc.Cred != nil, nc.CredNear, nc.AuthParam.Pos)))
	}
	return recordTerm(nc.Record, ast.ObjectTerm(links...))
}

func permissionSetTerm(ps *PermissionSet) *ast.Term {
	return recordTerm(ps.Record, ast.ObjectTerm(item("principalAccesses", listTerm(ps.Accesses, accessTerm))))
}

func accessTerm(a *PrincipalAccess) *ast.Term {
	items := append([][2]*ast.Term{
		item("value", ast.StringTerm(a.Value)),
		item("enabled", ast.InternedTerm(a.Enabled)),
		item("namespace", ast.StringTerm(a.Namespace)),
		item("foreignNamespace", ast.InternedTerm(a.Foreign)),
		item("externalCredential", ast.StringTerm(a.CredName)),
		item("principal", ast.StringTerm(a.PrincipalName)),
		item("credentialFound", ast.InternedTerm(a.Cred != nil)),
		item("credentialNearMiss", ast.StringTerm(a.CredNear)),
		item("principalFound", ast.InternedTerm(a.Principal != nil)),
		item("principalNearMiss", ast.StringTerm(a.PrincipalNear)),
	}, posItems(a.El.Pos)...)
	return ast.ObjectTerm(items...)
}
