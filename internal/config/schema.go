package config

import (
	"bytes"
	"encoding/json"

	"github.com/sflint/sflint/internal/engine"
)

// SchemaID is the published address of the configuration schema;
// docs/config.schema.json is Schema of the built-in catalog, and a test
// keeps the two identical.
const SchemaID = "https://github.com/sflint/sflint/blob/main/docs/config.schema.json"

type obj = map[string]any

// Schema returns the JSON Schema (draft-07) of .sflint.yaml for a catalog.
// Rule ids and categories are patterns rather than a fixed list, so a file
// that configures a user's own policy still validates; the options of the
// catalog's rules are typed from their METADATA. It cannot see what only
// Check can (an id no policy defines, a missing policy directory).
func Schema(cat *engine.Catalog) ([]byte, error) {
	severity := obj{"enum": []string{"error", "warning", "info", "off"},
		"description": "the severity findings are reported at; off turns the rule off"}
	ruleProps := obj{}
	for _, r := range cat.Rules {
		if len(r.Options) > 0 {
			ruleProps[r.ID] = ruleSchema(r)
		}
	}
	s := obj{
		"$schema":              "http://json-schema.org/draft-07/schema#",
		"$id":                  SchemaID,
		"title":                "sflint configuration (" + FileName + ")",
		"type":                 "object",
		"additionalProperties": false,
		"properties": obj{
			"fail-on": obj{"enum": FailOnLevels,
				"description": "lowest severity that makes sflint lint exit 1; --fail-on wins"},
			"exclude": obj{"type": []string{"array", "null"},
				"description": "gitignore patterns, relative to this file, " +
					"of files whose findings are not reported",
				"items": obj{"type": "string", "minLength": 1}},
			"policies": obj{"type": []string{"array", "null"},
				"description": "directories of extra Rego policies, relative to this file",
				"items":       obj{"type": "string", "minLength": 1}},
			"categories": obj{"type": []string{"object", "null"},
				"description":          "settings for every rule of a category (the id before the slash)",
				"propertyNames":        obj{"pattern": "^[a-z0-9-]+$"},
				"additionalProperties": obj{"$ref": "#/definitions/categorySetting"}},
			"rules": obj{"type": []string{"object", "null"},
				"description":          "settings for one rule, by id; they win over its category's",
				"propertyNames":        obj{"pattern": "^[a-z0-9-]+/[a-z0-9-]+$"},
				"properties":           ruleProps,
				"additionalProperties": obj{"$ref": "#/definitions/ruleSetting"}},
		},
		"definitions": obj{
			"severity": severity,
			"categorySetting": obj{"oneOf": []any{
				obj{"$ref": "#/definitions/severity"},
				obj{"type": "object", "additionalProperties": false,
					"properties": obj{"severity": obj{"$ref": "#/definitions/severity"}}},
			}},
			"ruleSetting": obj{"oneOf": []any{
				obj{"$ref": "#/definitions/severity"},
				obj{"type": "object", "additionalProperties": false, "properties": obj{
					"severity": obj{"$ref": "#/definitions/severity"},
					"options": obj{"type": "object",
						"description": "the rule's options; see sflint explain RULE"},
				}},
			}},
		},
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// ruleSchema is the setting of a rule that declares options: those options
// and no others, each typed.
func ruleSchema(r *engine.Rule) obj {
	opts := obj{}
	for i := range r.Options {
		opts[r.Options[i].Name] = r.Options[i].Schema()
	}
	return obj{"oneOf": []any{
		obj{"$ref": "#/definitions/severity"},
		obj{"type": "object", "additionalProperties": false, "properties": obj{
			"severity": obj{"$ref": "#/definitions/severity"},
			"options": obj{"type": "object", "additionalProperties": false, "properties": opts,
				"description": r.Title},
		}},
	}}
}
