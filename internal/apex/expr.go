package apex

import "strings"

// PartKind tells what a part of an expression is.
type PartKind int

// Part kinds.
const (
	PartLiteral      PartKind = iota // a string literal; Text is its decoded value
	PartUnknown                      // not resolved; Text is the source text
	PartParam                        // a parameter of the method; Text is its name
	PartURLEncoded                   // EncodingUtil.urlEncode(x, enc); Inner is x
	PartEscaped                      // String.escapeSingleQuotes(x); Inner is x
	PartSessionID                    // UserInfo.getSessionId()
	PartOrgDomainURL                 // URL.getOrgDomainUrl(), maybe .toExternalForm()
)

var partNames = [...]string{"literal", "unknown", "param", "urlEncode",
	"escapeSingleQuotes", "sessionId", "orgDomainUrl"}

func (k PartKind) String() string {
	if k >= 0 && int(k) < len(partNames) {
		return partNames[k]
	}
	return "PartKind(?)"
}

// Part is one operand of a string concatenation.
type Part struct {
	Kind PartKind
	Text string
	// Pos is the opening quote of a literal, else the first token of the part.
	// A part substituted from a constant, a local or a call-site argument
	// keeps the position where it is written, not where it is used.
	Pos   Pos
	Inner Expr // PartURLEncoded, PartEscaped: the argument
}

// Expr is a string expression as a flat list of concatenated parts.
type Expr []Part

// Literal returns the value of an expression made of literals only.
func (e Expr) Literal() (string, bool) {
	if len(e) == 0 {
		return "", false
	}
	var b strings.Builder
	for _, pt := range e {
		if pt.Kind != PartLiteral {
			return "", false
		}
		b.WriteString(pt.Text)
	}
	return b.String(), true
}

// LiteralPrefix returns the value of the literal parts before the first part
// that is not a literal: what the expression is known to start with.
func (e Expr) LiteralPrefix() string {
	var b strings.Builder
	for _, pt := range e {
		if pt.Kind != PartLiteral {
			break
		}
		b.WriteString(pt.Text)
	}
	return b.String()
}

// Contains reports whether a part of the kind occurs, inner parts included.
func (e Expr) Contains(k PartKind) bool {
	for _, pt := range e {
		if pt.Kind == k || pt.Inner.Contains(k) {
			return true
		}
	}
	return false
}

// String renders the expression for messages: literals as their value, other
// parts as placeholders such as {param:soql}, {urlEncode:...}, {sessionId} or
// {unknown:source text}.
func (e Expr) String() string {
	var b strings.Builder
	e.render(&b)
	return b.String()
}

func (e Expr) render(b *strings.Builder) {
	for _, pt := range e {
		switch pt.Kind {
		case PartLiteral:
			b.WriteString(pt.Text)
		case PartParam:
			b.WriteString("{param:" + pt.Text + "}")
		case PartURLEncoded, PartEscaped:
			b.WriteString("{" + pt.Kind.String() + ":")
			pt.Inner.render(b)
			b.WriteString("}")
		case PartSessionID, PartOrgDomainURL:
			b.WriteString("{" + pt.Kind.String() + "}")
		default:
			b.WriteString("{unknown")
			if t := strings.Join(strings.Fields(pt.Text), " "); t != "" {
				b.WriteString(":" + t)
			}
			b.WriteString("}")
		}
	}
}

// tooBig reports whether the expression has more than maxExprNodes parts,
// inner parts included, looking at no more than that many.
func tooBig(e Expr) bool {
	n := maxExprNodes
	return !fits(e, &n)
}

func fits(e Expr, n *int) bool {
	for _, pt := range e {
		*n--
		if *n < 0 || !fits(pt.Inner, n) {
			return false
		}
	}
	return true
}

// evaluator turns token spans into expressions. In a method it sees the
// method's parameters and locals, then the class constants; with ms nil it
// sees the constants only.
type evaluator struct {
	cs *classState
	ms *methodState
}

// primaryPuncts may appear between the '+' of a concatenation; any other
// operator makes the whole expression unknown.
var primaryPuncts = map[string]bool{".": true, "?.": true, "(": true, "[": true, "{": true}

func (ev *evaluator) expr(s span, depth int) Expr {
	p := ev.cs.p
	if s.from >= s.to || depth > maxExprDepth {
		return ev.unknown(s)
	}
	var out Expr
	start := s.from
	for k := s.from; k < s.to; k = p.step(k, s.to) {
		t := &p.toks[k]
		switch {
		case t.Kind != Punct:
		case t.Text == "+" && k > start:
			out = append(out, ev.primary(span{start, k}, depth)...)
			start = k + 1
		case !primaryPuncts[t.Text]:
			return ev.unknown(s)
		}
		if len(out) > maxExprNodes {
			return ev.unknown(s)
		}
	}
	if start >= s.to {
		return ev.unknown(s)
	}
	out = append(out, ev.primary(span{start, s.to}, depth)...)
	if tooBig(out) {
		return ev.unknown(s)
	}
	return out
}

// primary evaluates one operand of a concatenation.
func (ev *evaluator) primary(s span, depth int) Expr {
	p := ev.cs.p
	t := &p.toks[s.from]
	switch {
	case s.to-s.from == 1 && t.Kind == StringLit:
		return Expr{{Kind: PartLiteral, Text: t.Value, Pos: t.Pos}}
	case s.to-s.from == 1 && t.Kind == Ident:
		return ev.name(s, depth)
	case p.isAt(s.from, "(") && p.closed[s.from] && p.after(s.from) == s.to:
		return ev.group(s, depth)
	}
	if e, ok := ev.call(s, depth); ok {
		return e
	}
	return ev.unknown(s)
}

// group evaluates a parenthesised operand. Its parts are spliced only when it
// is a single part or holds a string literal, so that (1 + 2) is not read as
// the concatenation of two unknowns.
func (ev *evaluator) group(s span, depth int) Expr {
	e := ev.expr(ev.cs.p.inside(s.from), depth+1)
	if len(e) == 1 {
		return e
	}
	for _, pt := range e {
		if pt.Kind == PartLiteral {
			return e
		}
	}
	return ev.unknown(s)
}

// name resolves a lone identifier: a local, a parameter, a constant.
func (ev *evaluator) name(s span, depth int) Expr {
	t := ev.cs.p.toks[s.from]
	if ms := ev.ms; ms != nil {
		if l, ok := ms.locals[t.Lower]; ok {
			return ev.local(s, l, depth)
		}
		if pi, ok := ms.params[t.Lower]; ok {
			if ms.assigned[t.Lower] > 0 {
				return ev.unknown(s)
			}
			return Expr{{Kind: PartParam, Text: pi.p.Name, Pos: t.Pos}}
		}
	}
	return ev.constant(s, t.Lower, depth)
}

// local substitutes a String local declared once with an initializer and
// never assigned again.
func (ev *evaluator) local(s span, l *local, depth int) Expr {
	lower := ev.cs.p.toks[s.from].Lower
	if l.decls != 1 || !l.hasInit || ev.ms.assigned[lower] > 0 || !isStringType(l.typ) {
		return ev.unknown(s)
	}
	switch l.state {
	case evaluating:
		return ev.unknown(s)
	case pending:
		l.state = evaluating
		l.val = ev.expr(l.init, depth+1)
		l.state = done
	}
	return l.val
}

// constant substitutes a String constant of the class.
func (ev *evaluator) constant(use span, lower string, depth int) Expr {
	cd, ok := ev.cs.consts[lower]
	if !ok || cd.dup || !isStringType(cd.typ) {
		return ev.unknown(use)
	}
	if v, ok := ev.constValue(cd, depth); ok {
		return v
	}
	return ev.unknown(use)
}

// constValue evaluates a constant once, in the class scope. It returns false
// on a cycle (A = B, B = A).
func (ev *evaluator) constValue(cd *constDef, depth int) (Expr, bool) {
	switch cd.state {
	case evaluating:
		return nil, false
	case pending:
		cd.state = evaluating
		cd.val = (&evaluator{cs: ev.cs}).expr(cd.init, depth+1)
		cd.state = done
	}
	return cd.val, true
}

// seg is one link of a call chain such as EncodingUtil.urlEncode(...).
type seg struct {
	name string // lower-cased
	open int    // the '(' of a call, or -1
}

// chain reads a span made only of dotted names and calls, or returns nil.
func (p *parser) chain(s span) []seg {
	var segs []seg
	for k := s.from; ; k++ {
		if k >= s.to || p.toks[k].Kind != Ident {
			return nil
		}
		sg := seg{name: p.toks[k].Lower, open: -1}
		k++
		if k < s.to && p.isAt(k, "(") {
			sg.open, k = k, p.after(k)
		}
		segs = append(segs, sg)
		if k >= s.to {
			return segs
		}
		if !p.isAt(k, ".") {
			return nil
		}
	}
}

// shape writes a chain as lower-cased names with () after calls, leaving out
// a leading System namespace: "encodingutil.urlencode()".
func shape(segs []seg) string {
	if len(segs) > 1 && segs[0].name == "system" && segs[0].open < 0 {
		segs = segs[1:]
	}
	var b strings.Builder
	for i, sg := range segs {
		if i > 0 {
			b.WriteByte('.')
		}
		b.WriteString(sg.name)
		if sg.open >= 0 {
			b.WriteString("()")
		}
	}
	return b.String()
}

// call recognises the system calls the rules care about and ClassName.CONST.
func (ev *evaluator) call(s span, depth int) (Expr, bool) {
	p := ev.cs.p
	segs := p.chain(s)
	if len(segs) == 0 {
		return nil, false
	}
	last := segs[len(segs)-1]
	pt := Part{Text: p.text(s), Pos: p.toks[s.from].Pos}
	switch shape(segs) {
	case "encodingutil.urlencode()":
		return ev.wrap(pt, PartURLEncoded, last.open, 2, depth)
	case "string.escapesinglequotes()":
		return ev.wrap(pt, PartEscaped, last.open, 1, depth)
	case "userinfo.getsessionid()":
		pt.Kind = PartSessionID
	case "url.getorgdomainurl()", "url.getorgdomainurl().toexternalform()":
		pt.Kind = PartOrgDomainURL
	default:
		if len(segs) == 2 && last.open < 0 && segs[0].name == ev.cs.lower {
			return ev.constant(s, last.name, depth), true
		}
		return nil, false
	}
	for _, sg := range segs {
		if sg.open >= 0 && p.inside(sg.open).from < p.inside(sg.open).to {
			return nil, false
		}
	}
	return Expr{pt}, true
}

// wrap makes a part of a call that takes n arguments and whose first
// argument is kept as the inner expression.
func (ev *evaluator) wrap(pt Part, k PartKind, open, n, depth int) (Expr, bool) {
	args := ev.args(open, depth)
	if len(args) != n {
		return nil, false
	}
	pt.Kind, pt.Inner = k, args[0]
	return Expr{pt}, true
}

// args evaluates the arguments of the call whose '(' is at open.
func (ev *evaluator) args(open, depth int) []Expr {
	p := ev.cs.p
	var out []Expr
	for _, s := range p.split(p.inside(open)) {
		out = append(out, ev.expr(s, depth+1))
	}
	return out
}

// unknown is the whole span as one unknown part.
func (ev *evaluator) unknown(s span) Expr {
	p := ev.cs.p
	k := min(s.from, len(p.toks)-1)
	return Expr{{Kind: PartUnknown, Text: p.text(s), Pos: p.toks[k].Pos}}
}
