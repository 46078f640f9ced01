package gen

import (
	"strings"
	"unicode/utf8"
)

// printWidth is Prettier's default line width, which the Salesforce CLI's
// project template keeps. The generated Apex and JavaScript must already be
// formatted the way Prettier formats them, so the few constructs whose
// layout depends on the length of a name or query are laid out here with
// Prettier's rules; everything else in the templates is written so that its
// layout does not depend on lengths.
const printWidth = 80

// fits reports whether text, indented by indent spaces, fits on one line.
func fits(indent int, text string) bool {
	return indent+utf8.RuneCountInString(text) <= printWidth
}

// wrap lays out head, then items between open and close, then tail, as
// Prettier lays out call arguments, parameter lists and array literals: on
// one line when that fits, else one item per line, indented one level more
// (4 spaces), with close on a line of its own. An empty list never breaks.
func wrap(indent int, head, open string, items []string, close, tail string) string {
	pad := strings.Repeat(" ", indent)
	one := head + open + strings.Join(items, ", ") + close + tail
	if len(items) == 0 || fits(indent, one) {
		return pad + one
	}
	inner := pad + "    "
	lines := inner + strings.Join(items, ",\n"+inner)
	return pad + head + open + "\n" + lines + "\n" + pad + close + tail
}

// chain lays out an Apex declaration lhs = a + b + c; as Prettier does: on
// one line when it fits, else with each operand on a line of its own below
// the lhs. A single operand, a string literal, is never broken.
func chain(indent int, lhs string, operands []string) string {
	pad := strings.Repeat(" ", indent)
	one := lhs + " = " + strings.Join(operands, " + ") + ";"
	if len(operands) < 2 || fits(indent, one) {
		return pad + one
	}
	inner := pad + "    "
	return pad + lhs + " =\n" + inner + strings.Join(operands, " +\n"+inner) + ";"
}

// operands turns the parts of a path or query into Apex operands: string
// literals for the text and wrapper(param) for each parameter.
func operands(wrapper string, parts []Part) []string {
	var out []string
	for _, p := range parts {
		if p.Param != "" {
			out = append(out, wrapper+"("+p.Param+")")
			continue
		}
		out = append(out, apexString(p.Text))
	}
	return out
}

// prefixed puts prefix before each item: typed parameters ("String x").
func prefixed(prefix string, items []string) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = prefix + it
	}
	return out
}

// apexStrings quotes each item as an Apex string literal.
func apexStrings(items []string) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = apexString(it)
	}
	return out
}

// jsStrings quotes each item as a JavaScript string literal.
func jsStrings(items []string) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = jsString(it)
	}
	return out
}
