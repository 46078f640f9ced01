package gen

import (
	"strings"
)

// AuraMethod is an @AuraEnabled static method of a class's top level: what
// a Lightning web component can import.
type AuraMethod struct {
	Name      string
	Cacheable bool
	Params    []AuraParam
}

// AuraParam is a parameter of an AuraMethod.
type AuraParam struct {
	Type string // as written, without spaces: String, List<Id>
	Name string
}

// ReadAuraMethods reads the name of the first class declared in Apex source
// and its top-level @AuraEnabled static methods. It reads declarations
// only: comments and string literals are skipped, method bodies are not
// looked at, and anything it does not understand is passed over.
func ReadAuraMethods(src string) (class string, methods []AuraMethod) {
	toks := apexTokens(src)
	depth := 0
	for i := 0; i < len(toks); i++ {
		switch t := toks[i]; {
		case t == "{":
			depth++
		case t == "}":
			depth--
		case class == "" && strings.EqualFold(t, "class") && i+1 < len(toks):
			class = toks[i+1]
		case depth == 1 && t == "@" && i+1 < len(toks) && strings.EqualFold(toks[i+1], "AuraEnabled"):
			m, next, ok := readMethod(toks, i)
			if ok {
				methods = append(methods, m)
			}
			i = next - 1
		}
	}
	return class, methods
}

// readMethod reads the declaration that the @AuraEnabled at toks[i]
// annotates. It returns the index to go on from.
func readMethod(toks []string, i int) (AuraMethod, int, bool) {
	var m AuraMethod
	i += 2
	if i < len(toks) && toks[i] == "(" {
		end := closing(toks, i)
		m.Cacheable = cacheable(toks[i+1 : end])
		i = end + 1
	}
	static := false
	var words []string
	for ; i < len(toks); i++ {
		switch t := toks[i]; {
		case t == "@":
			// Another annotation, with its arguments.
			if i+2 < len(toks) && toks[i+2] == "(" {
				i = closing(toks, i+2)
			} else {
				i++
			}
		case strings.EqualFold(t, "static"):
			static = true
		case t == "(":
			end := closing(toks, i)
			if len(words) < 2 || !static {
				return m, end + 1, false
			}
			m.Name = words[len(words)-1]
			m.Params = readParams(toks[i+1 : end])
			return m, end + 1, true
		case t == "{" || t == ";" || t == "=" || t == "}":
			return m, i, false
		default:
			words = append(words, t)
		}
	}
	return m, i, false
}

// cacheable reads cacheable=true in an annotation's arguments.
func cacheable(args []string) bool {
	for i := 0; i+2 < len(args); i++ {
		if strings.EqualFold(args[i], "cacheable") && args[i+1] == "=" {
			return strings.EqualFold(args[i+2], "true")
		}
	}
	return false
}

// readParams splits a parameter list at its top-level commas.
func readParams(toks []string) []AuraParam {
	var params []AuraParam
	var cur []string
	depth := 0
	flush := func() {
		if len(cur) >= 2 {
			typ := cur[:len(cur)-1]
			if strings.EqualFold(typ[0], "final") {
				typ = typ[1:]
			}
			params = append(params, AuraParam{Type: strings.Join(typ, ""), Name: cur[len(cur)-1]})
		}
		cur = nil
	}
	for _, t := range toks {
		switch t {
		case "<":
			depth++
		case ">":
			depth--
		case ",":
			if depth == 0 {
				flush()
				continue
			}
		}
		cur = append(cur, t)
	}
	flush()
	return params
}

// closing returns the index of the bracket that closes toks[open] (or the
// last index).
func closing(toks []string, open int) int {
	depth := 0
	for i := open; i < len(toks); i++ {
		switch toks[i] {
		case "(":
			depth++
		case ")":
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return len(toks) - 1
}

// apexTokens splits source into identifiers, numbers and one-character
// punctuation, dropping white space, comments and string literals (each
// literal becomes the token "”").
func apexTokens(src string) []string {
	var toks []string
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case strings.HasPrefix(src[i:], "//"):
			i = skipTo(src, i, "\n")
		case strings.HasPrefix(src[i:], "/*"):
			i = skipTo(src, i+2, "*/")
		case c == '\'':
			i = skipQuoted(src, i) + 1
			toks = append(toks, "''")
		case isIdent(c):
			j := i
			for j < len(src) && isIdent(src[j]) {
				j++
			}
			toks = append(toks, src[i:j])
			i = j
		default:
			toks = append(toks, src[i:i+1])
			i++
		}
	}
	return toks
}

// skipTo returns the index just past the next end at or after i.
func skipTo(s string, i int, end string) int {
	j := strings.Index(s[i:], end)
	if j < 0 {
		return len(s)
	}
	return i + j + len(end)
}
