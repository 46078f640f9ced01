package lwc

import (
	"strings"
	"unicode/utf8"
)

// Bounds on source text copied into results, so that a hostile file of
// nested or unclosed calls cannot make the output grow faster than the input.
const (
	maxExpr  = 512 // bytes of Call.URLExpr
	maxSubst = 64  // bytes of a substitution kept in a template's value
)

// template reports the template literal whose head is token i when any of
// its text pieces names a /services/ path.
func (s *scanner) template(i int) {
	pieces := s.templatePieces(i)
	found := false
	for _, p := range pieces {
		found = found || strings.Contains(s.toks[p].value, servicesPath)
	}
	if found {
		lit := Literal{Value: s.templateValue(pieces), Pos: s.toks[i].pos}
		s.out.ServiceURLs = append(s.out.ServiceURLs, lit)
	}
}

// templatePieces returns the indices of the head, middles and tail of the
// template whose head is token i; the tail is missing when it is
// unterminated.
func (s *scanner) templatePieces(i int) []int {
	pieces := []int{i}
	for j := i; s.isKind(j, kTemplateHead) || s.isKind(j, kTemplateMid); {
		j = s.closer(j)
		if !s.isKind(j, kTemplateMid) && !s.isKind(j, kTemplateTail) {
			break
		}
		pieces = append(pieces, j)
	}
	return pieces
}

// templateValue joins the text of the pieces, writing each substitution as
// ${source}, since the scan cannot evaluate it, or as ${…} when the source
// is long.
func (s *scanner) templateValue(pieces []int) string {
	var b strings.Builder
	for n, p := range pieces {
		t := s.toks[p]
		b.WriteString(t.value)
		if t.kind != kTemplateHead && t.kind != kTemplateMid {
			break
		}
		end := len(s.src)
		if n+1 < len(pieces) {
			end = s.toks[pieces[n+1]].start
		}
		sub := "…"
		if end-t.end <= maxSubst {
			sub = strings.TrimSpace(s.str[t.end:end])
		}
		b.WriteString("${" + sub + "}")
	}
	return b.String()
}

// source returns the trimmed source text of tokens [a, b), cut to maxExpr
// bytes at a rune boundary. It shares the memory of the source.
func (s *scanner) source(a, b int) string {
	from, to := s.toks[a].start, s.toks[b-1].end
	if to-from > maxExpr {
		to = from + maxExpr
		for to > from && !utf8.RuneStart(s.src[to]) {
			to--
		}
	}
	return strings.TrimSpace(s.str[from:to])
}
