package lwc

// link pairs brackets so that call arguments can be found without parsing.
// For every opening token ( [ { or template head, and for every comma
// directly inside such a group, next holds the index of the following comma
// of the group or of the token that closes it; len(toks) when the group is
// never closed. A template middle closes one substitution and opens the
// next. Other tokens hold -1. One pass; every entry is set at most once.
func link(src []byte, toks []token) []int {
	next := make([]int, len(toks))
	for i := range next {
		next[i] = -1
	}
	g := groups{next: next}
	for i, t := range toks {
		switch t.kind {
		case kTemplateHead:
			g.open(i, true)
		case kTemplateMid:
			g.closeSubst(i)
			g.open(i, true)
		case kTemplateTail:
			g.closeSubst(i)
		case kPunct:
			g.punct(i, src[t.start])
		}
	}
	for len(g.stack) > 0 {
		g.close(len(toks))
	}
	return next
}

// group is an open bracket: last is its opener or its latest direct comma.
type group struct {
	last  int
	subst bool // a template substitution
}

type groups struct {
	next   []int
	stack  []group
	substs int // template substitutions on the stack
}

func (g *groups) open(i int, subst bool) {
	g.stack = append(g.stack, group{last: i, subst: subst})
	if subst {
		g.substs++
	}
}

func (g *groups) close(i int) {
	top := g.stack[len(g.stack)-1]
	g.next[top.last] = i
	g.stack = g.stack[:len(g.stack)-1]
	if top.subst {
		g.substs--
	}
}

// closeSubst ends the innermost substitution and any bracket left open in it.
func (g *groups) closeSubst(i int) {
	if g.substs == 0 {
		return
	}
	for !g.stack[len(g.stack)-1].subst {
		g.close(i)
	}
	g.close(i)
}

// punct handles a punctuator starting with c. Any closing bracket closes
// the innermost bracket, mismatched or not, but never a template
// substitution: only the lexer decides where one ends.
func (g *groups) punct(i int, c byte) {
	n := len(g.stack)
	switch c {
	case '(', '[', '{':
		g.open(i, false)
	case ')', ']', '}':
		if n > 0 && !g.stack[n-1].subst {
			g.close(i)
		}
	case ',':
		if n > 0 {
			g.next[g.stack[n-1].last] = i
			g.stack[n-1].last = i
		}
	}
}
