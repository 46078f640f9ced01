package model

import (
	"strconv"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/sflint/sflint/internal/metadata"
	"github.com/sflint/sflint/internal/parse"
)

// invalidValues lists the leaf elements whose text is not a value of their
// WSDL type: an enumeration member, a boolean or a number. Values replaced at
// deploy time (${VAR}, @VAR) are not judged.
func invalidValues(el *parse.Element, schema *metadata.ComplexType, path string) []*ast.Term {
	var out []*ast.Term
	for _, c := range el.Children {
		f := schema.Field(c.Name)
		if f == nil {
			continue
		}
		p := strings.TrimPrefix(path+"/"+c.Name, "/")
		if f.Complex != "" {
			out = append(out, invalidValues(c, metadata.Schema(f.Complex), p)...)
			continue
		}
		if expected, ok := checkValue(c.Text, f); !ok {
			items := append([][2]*ast.Term{
				item("path", ast.StringTerm(p)),
				item("value", ast.StringTerm(c.Text)),
				item("expected", listTerm(expected, ast.StringTerm)),
			}, posItems(c.Pos)...)
			out = append(out, ast.ObjectTerm(items...))
		}
	}
	return out
}

// checkValue reports whether text is valid for the field, and what was
// expected when it is not.
func checkValue(text string, f *metadata.Field) ([]string, bool) {
	if strings.Contains(text, "${") || strings.HasPrefix(text, "@") {
		return nil, true
	}
	switch {
	case f.Enum != nil:
		for _, v := range f.Enum {
			if v == text {
				return nil, true
			}
		}
		return f.Enum, false
	case f.Type == "boolean":
		return []string{"true", "false"}, text == "true" || text == "false"
	case f.Type == "int" || f.Type == "long":
		_, err := strconv.ParseInt(text, 10, 64)
		return []string{"an integer"}, err == nil || text == ""
	case f.Type == "double":
		_, err := strconv.ParseFloat(text, 64)
		return []string{"a number"}, err == nil || text == ""
	}
	return nil, true
}

// markedValues lists the leaf elements whose text holds a character or word
// that every deploy-time token or template placeholder contains: '$', '@',
// "your", "replace_", "placeholder" or "example.my.salesforce.com", ignoring
// case. Rules that look for those read this short list instead of walking
// every value of a record, which in a large profile means thousands.
func markedValues(out []*ast.Term, el *parse.Element, path string) []*ast.Term {
	for _, c := range el.Children {
		p := c.Name
		if path != "" {
			p = path + "/" + c.Name
		}
		if len(c.Children) > 0 {
			out = markedValues(out, c, p)
			continue
		}
		if marked(c.Text) {
			items := append([][2]*ast.Term{
				item("path", ast.StringTerm(p)),
				item("field", ast.StringTerm(c.Name)),
				item("value", ast.StringTerm(c.Text)),
			}, posItems(c.Pos)...)
			out = append(out, ast.ObjectTerm(items...))
		}
	}
	return out
}

var markers = []string{"your", "replace_", "placeholder", "example.my.salesforce.com"}

func marked(text string) bool {
	if strings.ContainsAny(text, "$@") {
		return true
	}
	for _, m := range markers {
		if containsFold(text, m) {
			return true
		}
	}
	return false
}

// containsFold reports whether s holds lower, an ASCII lower-case word, in
// any case, without allocating.
func containsFold(s, lower string) bool {
	for i := 0; i+len(lower) <= len(s); i++ {
		j := 0
		for j < len(lower) {
			c := s[i+j]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c != lower[j] {
				break
			}
			j++
		}
		if j == len(lower) {
			return true
		}
	}
	return false
}
