// Package metadata knows the Salesforce metadata types sflint meets in an SFDX
// source tree: how a file's name maps to a type (suffix and default folder, from
// the source-deploy-retrieve registry) and which elements each type may hold
// (names, cardinality and enumerations, from the Metadata API WSDL).
//
// The tables are generated into zz_generated.go by ./gen and compiled in, so
// the product needs neither source at run time.
package metadata

//go:generate go run ./gen -wsdl ../../../shared/corpus/schema/metadata.wsdl -sdr ../../../shared/corpus/schema/sdr-12.37.2-metadataRegistry.json -o zz_generated.go

import (
	"path"
	"strings"
)

// MetaSuffix ends every metadata XML file in source format.
const MetaSuffix = "-meta.xml"

// Type is one metadata type as source format lays it out.
type Type struct {
	Name         string // API name, also the XML root element
	Suffix       string // file suffix before -meta.xml; empty for bundles
	Folder       string // default folder
	StrictFolder bool   // the type is only recognised inside Folder
}

// ComplexType is a WSDL complex type: the elements a metadata type (or one of
// its nested parts) may contain, in WSDL order.
type ComplexType struct {
	Name   string
	Fields []Field
}

// Field is one element of a complex type.
type Field struct {
	Name     string
	Type     string   // xsd or simple type name for leaves
	Complex  string   // complex type name for nested elements
	Enum     []string // allowed values when the type is an enumeration
	Repeated bool     // maxOccurs="unbounded": always an array in the model
	Required bool
}

var (
	bySuffix = map[string]*Type{}
	byName   = map[string]*Type{}
	lwc      *Type
)

func init() {
	for i := range sdrTypes {
		t := &sdrTypes[i]
		if _, dup := byName[t.Name]; !dup {
			byName[t.Name] = t
		}
		if t.Suffix != "" {
			if _, dup := bySuffix[t.Suffix]; !dup {
				bySuffix[t.Suffix] = t
			}
		}
	}
	lwc = byName["LightningComponentBundle"]
	addObserved()
	indexFolders()
	for _, ct := range wsdlTypes {
		ct.index()
	}
}

// Types lists every known type, sorted by name.
func Types() []Type { return append([]Type(nil), sdrTypes...) }

// BySuffix returns the type with exactly this suffix.
func BySuffix(suffix string) *Type { return bySuffix[suffix] }

// ByName returns the type with this API name.
func ByName(name string) *Type { return byName[name] }

// Schema returns the element schema of a complex type, or nil when the WSDL
// does not describe it (then every element is accepted).
func Schema(name string) *ComplexType { return wsdlTypes[name] }

var fieldIndex = map[*ComplexType]map[string]*Field{}

func (c *ComplexType) index() {
	m := make(map[string]*Field, len(c.Fields))
	for i := range c.Fields {
		m[c.Fields[i].Name] = &c.Fields[i]
	}
	fieldIndex[c] = m
}

// Field returns the named element, or nil when the type has no such element.
func (c *ComplexType) Field(name string) *Field {
	if c == nil {
		return nil
	}
	return fieldIndex[c][name]
}

// File is a source file classified by its path.
type File struct {
	Type   *Type
	Name   string // component full name (file name without suffix; bundle name)
	Suffix string // the suffix as written
	IsXML  bool   // the metadata XML file (as opposed to a content file)
}

// Classify maps a slash-separated path to its metadata type by the
// source-deploy-retrieve conventions. It returns ok=false for files that are
// not metadata source (README.md, jest configs, ...).
func Classify(p string) (f File, ok bool) {
	dir, base := path.Split(p)
	if b, isLWC := lwcBundle(dir); isLWC {
		f = File{Type: lwc, Name: b, Suffix: path.Ext(base)}
		f.IsXML = base == b+".js"+MetaSuffix
		return f, true
	}
	if stem, isMeta := strings.CutSuffix(base, MetaSuffix); isMeta {
		i := strings.LastIndexByte(stem, '.')
		if i <= 0 {
			return File{}, false
		}
		f = File{Name: stem[:i], Suffix: stem[i+1:], IsXML: true}
		f.Type = bySuffix[f.Suffix]
		return f, f.Type != nil
	}
	// Content files such as Foo.cls carry their type in the suffix too.
	i := strings.LastIndexByte(base, '.')
	if i <= 0 {
		return File{}, false
	}
	f = File{Name: base[:i], Suffix: base[i+1:]}
	switch f.Suffix {
	case "cls", "trigger", "page", "component":
		f.Type = bySuffix[f.Suffix]
	}
	return f, f.Type != nil
}

// lwcBundle reports whether dir is inside an lwc/<bundle>/ folder.
func lwcBundle(dir string) (string, bool) {
	parts := strings.Split(strings.TrimSuffix(dir, "/"), "/")
	for i := len(parts) - 2; i >= 0; i-- {
		if parts[i] == "lwc" {
			return parts[i+1], true
		}
	}
	return "", false
}
