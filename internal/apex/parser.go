package apex

import (
	"slices"
	"strings"
	"sync"
)

// Limits that keep hostile input cheap. Real Apex stays far below them.
const (
	maxClassDepth  = 16  // nested class declarations
	maxTypeTokens  = 64  // tokens of one type argument list
	maxExprDepth   = 64  // nested expressions, locals and constants
	maxExprNodes   = 256 // parts of one expression, inner parts included
	maxFollowDepth = 8   // helpers followed through one another
	maxCallouts    = 256 // callouts of one class
)

// span is a range of token indices [from, to).
type span struct{ from, to int }

// parser walks the token slice. Brackets are matched once up front, so any
// construct can be skipped in one step and every range nests in its parent.
type parser struct {
	src    string  // the source, converted once so that texts share it
	toks   []Token // ends with EOF
	end    []int   // for an opener: the index where its content stops
	closed []bool  // for an opener: whether toks[end] is its closer
	i      int
}

func newParser(src []byte, b *buffers) *parser {
	toks, text := lexInto(b.toks, src)
	b.toks = toks
	p := &parser{src: text, toks: toks}
	p.matchBrackets(b)
	return p
}

// buffers are the parser's per-token slices. Parse reuses them from file to
// file: tokens are large and a project has thousands of classes, so
// allocating them anew for each file costs more than lexing.
type buffers struct {
	toks   []Token
	end    []int
	closed []bool
}

var bufferPool = sync.Pool{New: func() any { return new(buffers) }}

// maxPooledTokens bounds the buffers kept for the next file, so one huge
// file does not pin its memory.
const maxPooledTokens = 1 << 18

// matchBrackets pairs ( [ { with their closers. A closer pairs with the
// nearest open bracket of its kind; brackets left open inside it end where it
// stands. A closer with no open bracket of its kind is a stray token, and a
// bracket never closed runs to EOF.
func (p *parser) matchBrackets(b *buffers) {
	n := len(p.toks)
	b.end = slices.Grow(b.end[:0], n)[:n]
	b.closed = slices.Grow(b.closed[:0], n)[:n]
	clear(b.end)
	clear(b.closed)
	p.end, p.closed = b.end, b.closed
	var stack []int
	var open [3]int
	for i := range p.toks {
		k, opener := bracket(&p.toks[i])
		switch {
		case k < 0:
		case opener:
			stack = append(stack, i)
			open[k]++
		case open[k] > 0:
			for {
				o := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				ok, _ := bracket(&p.toks[o])
				open[ok]--
				p.end[o] = i
				if ok == k {
					p.closed[o] = true
					break
				}
			}
		}
	}
	for _, o := range stack {
		p.end[o] = n - 1
	}
}

// bracket returns the kind of bracket t is (0, 1, 2, or -1 for none) and
// whether it opens.
func bracket(t *Token) (int, bool) {
	if t.Kind != Punct || len(t.Text) != 1 {
		return -1, false
	}
	if k := strings.IndexByte("([{", t.Text[0]); k >= 0 {
		return k, true
	}
	return strings.IndexByte(")]}", t.Text[0]), false
}

// after returns the index just past the bracketed construct opening at o.
func (p *parser) after(o int) int {
	if p.closed[o] {
		return p.end[o] + 1
	}
	return p.end[o]
}

// inside returns the content of the bracketed construct opening at o.
func (p *parser) inside(o int) span {
	return span{o + 1, p.end[o]}
}

// skip returns the index of the token after the one at k, jumping over a
// bracketed construct as a whole.
func (p *parser) skip(k int) int {
	if _, opener := bracket(&p.toks[k]); opener {
		return p.after(k)
	}
	return k + 1
}

// step is skip for expressions: it also jumps over the type after 'new', whose
// type arguments may hold commas (new Map<String, String>()).
func (p *parser) step(k, lim int) int {
	if p.toks[k].Kind == Keyword && p.toks[k].Lower == "new" {
		if te := p.typeEnd(k+1, lim); te > 0 {
			return te
		}
	}
	return p.skip(k)
}

// isAt reports whether the token at k is the punctuation s.
func (p *parser) isAt(k int, s string) bool {
	return k < len(p.toks) && p.toks[k].Kind == Punct && p.toks[k].Text == s
}

func (p *parser) is(s string) bool {
	return p.isAt(p.i, s)
}

// isWord reports whether the current token is the name or keyword w (lower).
func (p *parser) isWord(w string) bool {
	t := &p.toks[p.i]
	return (t.Kind == Ident || t.Kind == Keyword) && t.Lower == w
}

// text returns the source text of a span, or "" for an empty span.
func (p *parser) text(s span) string {
	if s.from >= s.to {
		return ""
	}
	return p.src[p.toks[s.from].Off:p.toks[s.to-1].End]
}

// joined returns the token texts of a span without the space between them.
func (p *parser) joined(s span) string {
	var b strings.Builder
	for k := s.from; k < s.to; k++ {
		b.WriteString(p.toks[k].Text)
	}
	return b.String()
}

// exprEnd returns the index of the ';', ',' or closer that ends the
// expression starting at k, or lim. On broken code a missing ';' is assumed
// before a modifier or an annotation, which cannot be part of an expression,
// and after a string left open at the end of its line.
func (p *parser) exprEnd(k, lim int) int {
	for k < lim {
		t := &p.toks[k]
		switch kind, opener := bracket(t); {
		case t.Kind == Punct && (t.Text == ";" || t.Text == ","), kind >= 0 && !opener:
			return k
		case t.Kind == AnnotationName, t.Kind == Keyword && isModifier(t.Lower):
			return k
		case t.Kind == Invalid && t.Text[0] == '\'':
			return k + 1
		}
		k = p.step(k, lim)
	}
	return lim
}

// split cuts a span at its top-level commas. An empty span has no pieces.
func (p *parser) split(s span) []span {
	if s.from >= s.to {
		return nil
	}
	var out []span
	start := s.from
	for k := s.from; k < s.to; k = p.step(k, s.to) {
		if p.isAt(k, ",") {
			out = append(out, span{start, k})
			start = k + 1
		}
	}
	return append(out, span{start, s.to})
}

// typeEnd returns the index after the type reference starting at k, or -1:
// a name, dotted names, type arguments and array brackets.
func (p *parser) typeEnd(k, lim int) int {
	if k >= lim {
		return -1
	}
	t := &p.toks[k]
	if t.Kind != Ident && (t.Kind != Keyword || t.Lower != "void") {
		return -1
	}
	k++
	for k+1 < lim && p.isAt(k, ".") && p.toks[k+1].Kind == Ident {
		k += 2
	}
	if k < lim && p.isAt(k, "<") {
		if k = p.typeArgs(k, lim); k < 0 {
			return -1
		}
	}
	for k+1 < lim && p.isAt(k, "[") && p.isAt(k+1, "]") {
		k += 2
	}
	return k
}

// typeArgs returns the index after the type argument list opening at k, or
// -1 when the tokens cannot be one (a comparison such as a < b).
func (p *parser) typeArgs(k, lim int) int {
	depth := 0
	for n := 0; k < lim && n < maxTypeTokens; k, n = k+1, n+1 {
		t := &p.toks[k]
		switch {
		case p.isAt(k, "<"):
			depth++
		case p.isAt(k, ">"):
			depth--
			if depth == 0 {
				return k + 1
			}
		case t.Kind == Ident, p.isAt(k, ","), p.isAt(k, "."), p.isAt(k, "["),
			p.isAt(k, "]"):
		default:
			return -1
		}
	}
	return -1
}

// recover skips a member it cannot read: up to and including the next ';',
// stray '}' or block.
func (p *parser) recover(lim int) {
	for p.i < lim {
		t := &p.toks[p.i]
		if _, opener := bracket(t); opener {
			p.i = p.after(p.i)
			if t.Text == "{" {
				return
			}
			continue
		}
		p.i++
		if t.Kind == Punct && (t.Text == ";" || t.Text == "}") {
			return
		}
	}
}
