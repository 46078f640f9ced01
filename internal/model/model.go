// Package model builds one model of every integration chain in a project:
// External Client Apps and their settings and policies, External Credentials
// and their principals, Named Credentials, permission sets and profiles,
// Connected Apps. Cross-file links are resolved once here (exact case, with
// case-only near misses kept for messages), and the model is turned straight
// into the Rego input document (see input.go) without a generic map step.
package model

import (
	"strings"

	"github.com/sflint/sflint/internal/apex"
	"github.com/sflint/sflint/internal/lwc"
	"github.com/sflint/sflint/internal/metadata"
	"github.com/sflint/sflint/internal/parse"
)

// Record is one parsed metadata file.
type Record struct {
	Type    *metadata.Type
	Name    string // component full name
	File    string // slash-separated, relative to the project root
	Root    *parse.Element
	Unknown []parse.Unknown
}

// Malformed is a file that could not be read as its type.
type Malformed struct {
	File string
	Pos  parse.Pos
	Msg  string
}

// ExternalClientApp is an External Client App header with its children.
type ExternalClientApp struct {
	*Record
	OauthSettings       []*AppChild
	GlobalOauthSettings []*AppChild
	OauthPolicies       []*AppChild
	Policies            []*AppChild
}

// AppChild is a settings or policies file of an External Client App, linked
// through its externalClientApplication element.
type AppChild struct {
	*Record
	AppName string
	App     *ExternalClientApp // nil when no app of that exact name exists
	AppNear string             // an app whose name differs only in case
}

// ExternalCredential with its principals and the grants that reach them.
type ExternalCredential struct {
	*Record
	Principals []*Principal
}

// Principal is a NamedPrincipal or PerUserPrincipal parameter (or another
// principal kind) of an External Credential.
type Principal struct {
	Name       string
	Kind       string // parameterType
	El         *parse.Element
	Grants     []*PrincipalAccess
	Credential *ExternalCredential
}

// NamedCredential and the External Credential its Authentication names.
type NamedCredential struct {
	*Record
	Legacy    bool
	AuthParam *parse.Element // the Authentication parameter's externalCredential element
	CredName  string
	Cred      *ExternalCredential
	CredNear  string
}

// PermissionSet is a permission set or a profile: both can grant access.
type PermissionSet struct {
	*Record
	IsProfile bool
	Accesses  []*PrincipalAccess
}

// PrincipalAccess is one externalCredentialPrincipalAccesses entry, resolved.
type PrincipalAccess struct {
	Owner   *PermissionSet
	El      *parse.Element // the externalCredentialPrincipal element
	Value   string
	Enabled bool

	Namespace     string // namespace prefix written in the value, if any
	Foreign       bool   // the prefix names another package's namespace
	CredName      string
	PrincipalName string
	Cred          *ExternalCredential
	CredNear      string
	Principal     *Principal
	PrincipalNear string
}

// Model is the whole project as the rules see it.
type Model struct {
	Namespace string
	Files     []FileInfo
	Malformed []Malformed

	Apps                []*ExternalClientApp
	AppChildren         map[string][]*AppChild // by root element name
	ExternalCredentials []*ExternalCredential
	NamedCredentials    []*NamedCredential
	PermissionSets      []*PermissionSet
	ConnectedApps       []*Record
	Others              map[string][]*Record // other parsed types, by type name
	Bundles             map[string]*Bundle   // Lightning web components, by name
	ApexFiles           []ApexFile
}

// ApexFile is one .cls file as the Apex reader saw it.
type ApexFile struct {
	File   string
	Parsed *apex.File
}

// Bundle is a Lightning web component: its .js-meta.xml and its scripts.
type Bundle struct {
	Name    string
	Meta    *Record // nil when the bundle has no .js-meta.xml
	Scripts []Script
}

// Script is one JavaScript file of a bundle, as the LWC scanner read it.
type Script struct {
	File string
	Scan *lwc.Script
}

// FileInfo is one source file as classified by name.
type FileInfo struct {
	Path       string
	Type       string // "" when the suffix is not a known type
	Name       string
	Suffix     string
	Suggestion string // for an unknown suffix, the known one it was probably meant to be
	FolderType string // the type whose default folder holds the file, if any
}

// ECA child types, by root element.
const (
	TypeOauthSettings       = "ExtlClntAppOauthSettings"
	TypeGlobalOauthSettings = "ExtlClntAppGlobalOauthSettings"
	TypeOauthPolicies       = "ExtlClntAppOauthConfigurablePolicies"
	TypePolicies            = "ExtlClntAppConfigurablePolicies"
)

// permissionSections are the only parts of permission sets and profiles the
// rules read; everything else (field permissions above all) is skipped.
var permissionSections = map[string]bool{
	"label":                               true,
	"externalCredentialPrincipalAccesses": true,
	"objectPermissions":                   true,
	"userPermissions":                     true,
}

// readTypes are the types whose files are parsed, with the root children to
// keep (nil keeps every element the schema declares).
var readTypes = map[string]map[string]bool{
	"ExternalClientApplication": nil,
	TypeOauthSettings:           nil,
	TypeGlobalOauthSettings:     nil,
	TypeOauthPolicies:           nil,
	TypePolicies:                nil,
	"ExternalCredential":        nil,
	"NamedCredential":           nil,
	"ConnectedApp":              nil,
	"CorsWhitelistOrigin":       nil,
	"CspTrustedSite":            nil,
	"RemoteSiteSetting":         nil,
	"LightningComponentBundle":  nil,
	"PermissionSet":             permissionSections,
	"Profile":                   permissionSections,
}

// Reads reports whether files of the type are parsed, and the parse options.
func Reads(t *metadata.Type) (parse.Options, bool) {
	if t == nil {
		return parse.Options{}, false
	}
	keep, ok := readTypes[t.Name]
	if !ok {
		return parse.Options{}, false
	}
	return parse.Options{Schema: metadata.Schema(t.Name), Keep: keep}, true
}

// Builder collects parsed records and links them.
type Builder struct {
	m Model
}

// NewBuilder starts a model for a project with the given namespace.
func NewBuilder(namespace string) *Builder {
	return &Builder{m: Model{
		Namespace:   namespace,
		AppChildren: map[string][]*AppChild{},
		Others:      map[string][]*Record{},
		Bundles:     map[string]*Bundle{},
	}}
}

// AddFile records a classified file.
func (b *Builder) AddFile(f FileInfo) { b.m.Files = append(b.m.Files, f) }

// AddMalformed records a file that could not be parsed as its type.
func (b *Builder) AddMalformed(m Malformed) { b.m.Malformed = append(b.m.Malformed, m) }

// Add records a parsed file. Records must be added in a deterministic order.
func (b *Builder) Add(r *Record) {
	switch r.Type.Name {
	case "ExternalClientApplication":
		b.m.Apps = append(b.m.Apps, &ExternalClientApp{Record: r})
	case TypeOauthSettings, TypeGlobalOauthSettings, TypeOauthPolicies, TypePolicies:
		c := &AppChild{Record: r, AppName: r.Root.ChildText("externalClientApplication")}
		b.m.AppChildren[r.Type.Name] = append(b.m.AppChildren[r.Type.Name], c)
	case "ExternalCredential":
		b.m.ExternalCredentials = append(b.m.ExternalCredentials, newExternalCredential(r))
	case "NamedCredential":
		b.m.NamedCredentials = append(b.m.NamedCredentials, newNamedCredential(r))
	case "PermissionSet", "Profile":
		b.m.PermissionSets = append(b.m.PermissionSets, newPermissionSet(r))
	case "ConnectedApp":
		b.m.ConnectedApps = append(b.m.ConnectedApps, r)
	case "LightningComponentBundle":
		b.bundle(r.Name).Meta = r
	default:
		b.m.Others[r.Type.Name] = append(b.m.Others[r.Type.Name], r)
	}
}

func newExternalCredential(r *Record) *ExternalCredential {
	ec := &ExternalCredential{Record: r}
	for _, p := range r.Root.Children {
		if p.Name != "externalCredentialParameters" {
			continue
		}
		kind := p.ChildText("parameterType")
		if strings.HasSuffix(kind, "Principal") {
			ec.Principals = append(ec.Principals, &Principal{
				Name: p.ChildText("parameterName"), Kind: kind, El: p, Credential: ec,
			})
		}
	}
	return ec
}

func newNamedCredential(r *Record) *NamedCredential {
	nc := &NamedCredential{Record: r}
	t := r.Root.ChildText("namedCredentialType")
	nc.Legacy = t == "" || t == "Legacy"
	for _, p := range r.Root.Children {
		if p.Name == "namedCredentialParameters" && p.ChildText("parameterType") == "Authentication" {
			if ec := p.Child("externalCredential"); ec != nil {
				nc.AuthParam, nc.CredName = ec, ec.Text
				break
			}
		}
	}
	return nc
}

func newPermissionSet(r *Record) *PermissionSet {
	ps := &PermissionSet{Record: r, IsProfile: r.Type.Name == "Profile"}
	for _, a := range r.Root.Children {
		if a.Name != "externalCredentialPrincipalAccesses" {
			continue
		}
		el := a.Child("externalCredentialPrincipal")
		if el == nil {
			continue
		}
		ps.Accesses = append(ps.Accesses, &PrincipalAccess{
			Owner: ps, El: el, Value: el.Text, Enabled: a.ChildText("enabled") == "true",
		})
	}
	return ps
}

// AddApex records a parsed Apex class file.
func (b *Builder) AddApex(file string, f *apex.File) {
	b.m.ApexFiles = append(b.m.ApexFiles, ApexFile{File: file, Parsed: f})
}

// AddScript records a scanned JavaScript file of a bundle.
func (b *Builder) AddScript(bundle, file string, s *lwc.Script) {
	bb := b.bundle(bundle)
	bb.Scripts = append(bb.Scripts, Script{File: file, Scan: s})
}

func (b *Builder) bundle(name string) *Bundle {
	bb := b.m.Bundles[name]
	if bb == nil {
		bb = &Bundle{Name: name}
		b.m.Bundles[name] = bb
	}
	return bb
}

// Build resolves every link and returns the model.
func (b *Builder) Build() *Model {
	m := &b.m
	apps := newIndex[*ExternalClientApp]()
	for _, a := range m.Apps {
		apps.add(a.Name, a)
	}
	for _, typ := range []string{TypeOauthSettings, TypeGlobalOauthSettings, TypeOauthPolicies, TypePolicies} {
		for _, c := range m.AppChildren[typ] {
			c.App, c.AppNear = apps.find(c.AppName)
			if c.App == nil {
				continue
			}
			switch typ {
			case TypeOauthSettings:
				c.App.OauthSettings = append(c.App.OauthSettings, c)
			case TypeGlobalOauthSettings:
				c.App.GlobalOauthSettings = append(c.App.GlobalOauthSettings, c)
			case TypeOauthPolicies:
				c.App.OauthPolicies = append(c.App.OauthPolicies, c)
			case TypePolicies:
				c.App.Policies = append(c.App.Policies, c)
			}
		}
	}
	creds := newIndex[*ExternalCredential]()
	for _, ec := range m.ExternalCredentials {
		creds.add(ec.Name, ec)
	}
	for _, nc := range m.NamedCredentials {
		if nc.AuthParam != nil {
			nc.Cred, nc.CredNear = creds.find(nc.CredName)
		}
	}
	for _, ps := range m.PermissionSets {
		for _, a := range ps.Accesses {
			m.resolveAccess(a, creds)
		}
	}
	return m
}

// resolveAccess splits "[ns__]Credential-Principal" and finds both parts.
// External Credential names cannot contain '-', so the first '-' separates.
func (m *Model) resolveAccess(a *PrincipalAccess, creds *index[*ExternalCredential]) {
	v := a.Value
	if i := strings.Index(v, "__"); i > 0 && i < strings.IndexByte(v+"-", '-') {
		a.Namespace, v = v[:i], v[i+2:]
		a.Foreign = !strings.EqualFold(a.Namespace, m.Namespace)
	}
	cred, principal, ok := strings.Cut(v, "-")
	if !ok {
		a.CredName = v
		return
	}
	a.CredName, a.PrincipalName = cred, principal
	if a.Foreign {
		return
	}
	a.Cred, a.CredNear = creds.find(cred)
	if a.Cred == nil {
		return
	}
	near := ""
	for _, p := range a.Cred.Principals {
		if p.Name == principal {
			a.Principal = p
			p.Grants = append(p.Grants, a)
			return
		}
		if near == "" && strings.EqualFold(p.Name, principal) {
			near = p.Name
		}
	}
	a.PrincipalNear = near
}

// index finds components by exact name and remembers case-only near misses.
type index[T any] struct {
	exact map[string]T
	fold  map[string]string
}

func newIndex[T any]() *index[T] {
	return &index[T]{exact: map[string]T{}, fold: map[string]string{}}
}

func (x *index[T]) add(name string, v T) {
	if _, dup := x.exact[name]; !dup {
		x.exact[name] = v
	}
	if _, dup := x.fold[strings.ToLower(name)]; !dup {
		x.fold[strings.ToLower(name)] = name
	}
}

func (x *index[T]) find(name string) (v T, near string) {
	if v, ok := x.exact[name]; ok {
		return v, ""
	}
	return v, x.fold[strings.ToLower(name)]
}
