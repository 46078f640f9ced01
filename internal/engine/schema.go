package engine

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"slices"

	"github.com/sflint/sflint/internal/metadata"
	"github.com/sflint/sflint/internal/model"
)

// The input document's schema is derived from the tables the model itself
// uses (the WSDL element schemas, and what model.Reads keeps of each type),
// so it lists every element a record can hold, and the type checker refuses
// a rule that reads an element no file can have. The rest follows the
// model's input*.go files by hand; the tests validate the input of every
// example and fixture project against it, so a key added there and not here
// fails them. docs/input.schema.json is this schema written out.

// SchemaID is the published schema's address.
const SchemaID = "https://github.com/sflint/sflint/blob/main/docs/input.schema.json"

// recordList is a top-level list of records of one metadata type.
type recordList struct {
	key, typ, links string // links names a definition, "" when there are none
}

// recordLists follows model.Input.
var recordLists = []recordList{
	{"externalClientApps", "ExternalClientApplication", "appLinks"},
	{"oauthSettings", model.TypeOauthSettings, "childLinks"},
	{"globalOauthSettings", model.TypeGlobalOauthSettings, "childLinks"},
	{"oauthPolicies", model.TypeOauthPolicies, "childLinks"},
	{"policies", model.TypePolicies, "childLinks"},
	{"externalCredentials", "ExternalCredential", "credentialLinks"},
	{"namedCredentials", "NamedCredential", "namedCredentialLinks"},
	{"permissionSets", "PermissionSet", "permissionSetLinks"},
	{"profiles", "Profile", "permissionSetLinks"},
	{"connectedApps", "ConnectedApp", ""},
	{"corsOrigins", "CorsWhitelistOrigin", ""},
	{"cspTrustedSites", "CspTrustedSite", ""},
	{"remoteSiteSettings", "RemoteSiteSetting", ""},
}

type obj = map[string]any

// InputSchema returns the JSON Schema (draft-07) of the input document.
func InputSchema() map[string]any {
	defs := obj{}
	for _, d := range []obj{positionDefinitions(), projectDefinitions(), linkDefinitions(),
		lwcDefinitions(), apexDefinitions()} {
		maps.Copy(defs, d)
	}
	props := obj{
		"version": obj{"type": "integer", "const": model.InputVersion,
			"description": "changes only when a change would break policies"},
		"project":     ref("project"),
		"files":       arrayOf(ref("file")),
		"malformed":   arrayOf(ref("malformed")),
		"lwcBundles":  arrayOf(ref("lwcBundle")),
		"apexClasses": arrayOf(ref("apexClass")),
	}
	for _, l := range recordLists {
		props[l.key] = arrayOf(ref(l.typ))
		defs[l.typ] = recordSchema(l, defs)
	}
	lwc := recordList{typ: "LightningComponentBundle"}
	defs[lwc.typ] = recordSchema(lwc, defs)
	required := sortedKeysOf(props)
	props["options"] = obj{"type": "object", "additionalProperties": obj{"type": "object"},
		"description": "only while rules are evaluated: each rule's options, by rule id"}
	return obj{
		"$schema":              "http://json-schema.org/draft-07/schema#",
		"$id":                  SchemaID,
		"title":                fmt.Sprintf("sflint input, version %d", model.InputVersion),
		"description":          "What sflint's rules see of one SFDX project. See docs/input.md.",
		"type":                 "object",
		"properties":           props,
		"required":             required,
		"additionalProperties": false,
		"definitions":          defs,
	}
}

// InputSchemaJSON is InputSchema as published: indented, keys sorted.
func InputSchemaJSON() []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(InputSchema()); err != nil {
		panic(err) // maps of strings, numbers and bools always encode
	}
	return buf.Bytes()
}

func ref(name string) obj { return obj{"$ref": "#/definitions/" + name} }

func arrayOf(items obj) obj { return obj{"type": "array", "items": items} }

func str() obj { return obj{"type": "string"} }

func boolean() obj { return obj{"type": "boolean"} }

// text is a string with a description.
func text(desc string) obj { return obj{"type": "string", "description": desc} }

// orNull is s, or null.
func orNull(s obj, desc string) obj {
	return obj{"anyOf": []any{s, obj{"type": "null"}}, "description": desc}
}

// closed is an object with exactly these properties, all required unless
// listed in optional.
func closed(desc string, props obj, optional ...string) obj {
	var req []string
	for _, k := range sortedKeysOf(props) {
		if !slices.Contains(optional, k) {
			req = append(req, k)
		}
	}
	o := obj{"type": "object", "properties": props, "required": req, "additionalProperties": false}
	if desc != "" {
		o["description"] = desc
	}
	return o
}

// positioned adds line and col to props.
func positioned(props obj) obj {
	props["line"] = obj{"type": "integer", "minimum": 0, "description": "1-based; 0 when unknown"}
	props["col"] = obj{"type": "integer", "minimum": 0, "description": "1-based, in characters"}
	return props
}

func positionDefinitions() obj {
	return obj{
		"value": closed("an element holding text: the trimmed text, and where the element starts",
			positioned(obj{"value": str()})),
		"unknownElement": closed("an element the type's WSDL schema does not declare",
			positioned(obj{
				"path": str(), "name": str(),
				"suggestion": text(`the closest declared element, or ""`),
			})),
		"invalidValue": closed("a value that is not one of its WSDL type's values",
			positioned(obj{"path": str(), "value": str(), "expected": arrayOf(str())})),
		"markedValue": closed("a value holding '$', '@', \"your\", \"replace_\", \"placeholder\" "+
			"or \"example.my.salesforce.com\"",
			positioned(obj{"path": str(), "field": str(), "value": str()})),
		"reference": closed("a by-name reference to another component", positioned(obj{
			"name": str(), "found": boolean(),
			"nearMiss": text(`a name that differs only in case, or ""`),
		})),
	}
}

func projectDefinitions() obj {
	return obj{
		"project": closed("sfdx-project.json, or a bare source tree", obj{
			"file": text(`"sfdx-project.json", or "" for a bare tree`),
			"bare": boolean(), "namespace": str(),
			"packageDirectories": arrayOf(str()),
			"replacements":       arrayOf(ref("replacement")),
			"sourceApiVersion":   orNull(ref("value"), "null when sfdx-project.json has none"),
		}),
		"replacement": closed("a string replacement of sfdx-project.json", obj{
			"filename": str(), "glob": str(), "stringToReplace": str(), "regexToReplace": str(),
		}),
		"file": closed("a source file, classified by its name", obj{
			"path": str(), "name": str(), "suffix": str(),
			"type":       orNull(str(), "the metadata type, null for an unknown suffix"),
			"suggestion": text("for an unknown suffix, the known one it resembles"),
			"folderType": text("the type whose default folder holds the file"),
		}),
		"malformed": closed("a file that is not well-formed XML or has the wrong root element",
			positioned(obj{"file": str(), "message": str()})),
	}
}

func linkDefinitions() obj {
	grant := closed("a permission set or profile granting the principal", obj{
		"file": str(), "name": str(), "type": str(), "enabled": boolean(),
	})
	principal := closed("a principal parameter", positioned(obj{
		"name": str(), "type": str(), "grants": arrayOf(grant),
	}))
	return obj{
		"appLinks": closed("the settings and policies files of the app", obj{
			"oauthSettings":       arrayOf(str()),
			"globalOauthSettings": arrayOf(str()),
			"oauthPolicies":       arrayOf(str()),
			"policies":            arrayOf(str()),
		}),
		"childLinks":      closed("", obj{"app": ref("reference")}),
		"credentialLinks": closed("", obj{"principals": arrayOf(principal)}),
		"namedCredentialLinks": closed("", obj{
			"legacy":             boolean(),
			"externalCredential": ref("reference"),
		}, "externalCredential"),
		"permissionSetLinks": closed("", obj{
			"principalAccesses": arrayOf(ref("principalAccess")),
		}),
		"principalAccess": closed("an externalCredentialPrincipalAccesses entry, resolved",
			positioned(obj{
				"value": str(), "enabled": boolean(),
				"namespace": str(), "foreignNamespace": boolean(),
				"externalCredential": str(), "principal": str(),
				"credentialFound": boolean(), "credentialNearMiss": str(),
				"principalFound": boolean(), "principalNearMiss": str(),
			})),
	}
}

// recordSchema describes a parsed file of one type: the common fields, its
// elements and its links.
func recordSchema(l recordList, defs obj) obj {
	props := positioned(obj{
		"file":            str(),
		"type":            obj{"type": "string", "const": l.typ},
		"name":            str(),
		"unknownElements": arrayOf(ref("unknownElement")),
		"invalidValues":   arrayOf(ref("invalidValue")),
		"markedValues":    arrayOf(ref("markedValue")),
	})
	required := sortedKeysOf(props)
	if l.links != "" {
		props["links"] = ref(l.links)
		required = append(required, "links")
		slices.Sort(required)
	}
	opt, _ := model.Reads(metadata.ByName(l.typ))
	for _, f := range opt.Schema.Fields {
		if opt.Keep == nil || opt.Keep[f.Name] {
			props[f.Name] = fieldSchema(f, defs)
		}
	}
	o := closed(l.typ+" file", props)
	o["required"] = required
	return o
}

// fieldSchema follows model.elementTerm: a leaf is a value, a complex element
// an object of its own elements, and a repeatable element an array of them.
func fieldSchema(f metadata.Field, defs obj) obj {
	s := ref("value")
	if f.Complex != "" {
		s = ref(complexSchema(f.Complex, defs))
	}
	if f.Repeated {
		return arrayOf(s)
	}
	return s
}

// complexSchema adds the definition of a WSDL complex type and returns its
// name. A type the WSDL does not describe is kept whole by the reader, every
// child an array.
func complexSchema(name string, defs obj) string {
	if _, done := defs[name]; done {
		return name
	}
	ct := metadata.Schema(name)
	if ct == nil {
		defs[name] = obj{"type": "object",
			"description": name + " is not in the WSDL: every child element is an array"}
		return name
	}
	defs[name] = nil // placeholder against recursion
	props := positioned(obj{})
	for _, f := range ct.Fields {
		props[f.Name] = fieldSchema(f, defs)
	}
	o := closed(name, props)
	o["required"] = []string{"col", "line"}
	defs[name] = o
	return name
}

// lwcDefinitions follow model/lwcinput.go.
func lwcDefinitions() obj {
	imp := closed("an import of an Apex method (@salesforce/apex)", positioned(obj{
		"local": str(), "namespace": str(), "class": str(), "method": str(), "module": str(),
		"continuation": boolean(),
	}))
	call := closed("a fetch or XMLHttpRequest call", positioned(obj{
		"func": str(), "url": str(), "urlExpr": str(),
	}))
	url := closed("a string literal holding /services/", positioned(obj{"value": str()}))
	return obj{
		"lwcBundle": closed("a Lightning web component", obj{
			"name":    str(),
			"meta":    orNull(ref("LightningComponentBundle"), "the .js-meta.xml, or null"),
			"scripts": arrayOf(ref("lwcScript")),
		}),
		"lwcScript": closed("a JavaScript file of the bundle", obj{
			"file": str(), "apexImports": arrayOf(imp), "httpCalls": arrayOf(call),
			"serviceUrls": arrayOf(url),
		}),
	}
}

// apexDefinitions follow model/apexinput.go.
func apexDefinitions() obj {
	literal := closed("a string literal", positioned(obj{"value": str(), "method": str()}))
	session := closed("a use of UserInfo.getSessionId()", positioned(obj{"method": str()}))
	expr := ref("apexExpression")
	header := closed("", positioned(obj{"name": expr, "value": expr}))
	return obj{
		"apexClass": closed("an Apex class (inner classes are listed too)", positioned(obj{
			"file": str(), "name": str(), "visibility": str(), "sharing": str(),
			"methods":    arrayOf(ref("apexMethod")),
			"callouts":   arrayOf(ref("apexCallout")),
			"literals":   arrayOf(literal),
			"sessionIds": arrayOf(session),
		})),
		"apexMethod": closed("", positioned(obj{
			"name": str(), "visibility": str(), "static": boolean(), "auraEnabled": boolean(),
			"cacheable": boolean(), "returnType": str(),
			"params": arrayOf(closed("", obj{"name": str(), "type": str()})),
		})),
		"apexCallout": closed("an HTTP callout, with what is known of its request", positioned(obj{
			"method": str(), "via": arrayOf(str()), "request": str(),
			"headers":         arrayOf(header),
			"httpMethod":      ref("apexExpression"),
			"body":            ref("apexExpression"),
			"endpoint":        ref("apexExpression"),
			"namedCredential": ref("calloutNamedCredential"),
		}), "httpMethod", "body", "endpoint", "namedCredential"),
		"apexExpression": closed("a string expression: value (when all literal), text, parts",
			positioned(obj{
				"literal": boolean(), "value": str(), "text": str(), "prefix": str(),
				"parts": arrayOf(ref("apexExpressionPart")),
			})),
		"apexExpressionPart": closed("", positioned(obj{
			"kind": str(), "text": str(), "inner": arrayOf(ref("apexExpressionPart")),
		})),
		"calloutNamedCredential": closed("the Named Credential a callout: endpoint names",
			positioned(obj{
				"name": str(), "found": boolean(), "nearMiss": str(), "path": str(),
				"file": text("the Named Credential's file, when found"),
			}), "file"),
	}
}
