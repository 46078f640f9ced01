package apex

import (
	"sort"
	"strings"
)

// methodState is what the analysis keeps about one method body. Locals live
// in one flat namespace per method: a name declared twice, even in sibling
// blocks, is never substituted, which keeps the analysis from guessing.
type methodState struct {
	cs       *classState
	m        *Method // nil for an initializer block
	name     string
	body     span // inside the braces; empty without a body
	decl     span // the whole member, for attributing literals
	params   map[string]*paramInfo
	locals   map[string]*local
	assigned map[string]int // assignments after declaration, by lower-cased name
	declared map[int]bool   // token indices of declared names
	events   []event
	callouts []*Callout
	sites    []site
}

type paramInfo struct {
	idx int
	p   Param
	typ string // lower-cased
}

// local is a local variable; its initializer is evaluated on first use.
type local struct {
	typ     string // lower-cased
	decls   int
	hasInit bool
	init    span
	state   evalState
	val     Expr
}

type eventKind int

const (
	evCreate eventKind = iota // a request variable is declared or assigned
	evSetter                  // req.setEndpoint(...) and the like
	evSite                    // a call of a method of this class
)

// event is something found by the scan, replayed in source order once every
// declaration of the method is known.
type event struct {
	kind  eventKind
	at    int    // the variable (evCreate), setter name (evSetter) or called name
	v     int    // evSetter: the variable's token index
	fresh bool   // evCreate: the value is new HttpRequest()
	field bool   // evSetter: written this.req
	newAt int    // evCreate: the 'new' token
	lower string // the variable, lower-cased
}

// site is a call of a method of the class, with evaluated arguments.
type site struct {
	caller *methodState
	name   string // lower-cased
	pos    Pos
	args   []Expr
}

var setters = map[string]bool{
	"setendpoint": true, "setmethod": true, "setheader": true, "setbody": true,
}

var assignOps = map[string]bool{
	"=": true, "+=": true, "-=": true, "*=": true, "/=": true, "%=": true,
	"&=": true, "|=": true, "^=": true, "<<=": true,
}

func (cs *classState) addMethod(m *Method, body, decl span) {
	ms := &methodState{cs: cs, m: m, body: body, decl: decl,
		params: map[string]*paramInfo{}, locals: map[string]*local{},
		assigned: map[string]int{}, declared: map[int]bool{}}
	if m != nil {
		ms.name = m.Name
		for i, prm := range m.Params {
			ms.params[strings.ToLower(prm.Name)] = &paramInfo{idx: i, p: prm,
				typ: strings.ToLower(prm.Type)}
		}
	}
	cs.methods = append(cs.methods, ms)
}

// scan walks every token of the body once, recording declarations,
// assignments, setter calls and call sites.
func (ms *methodState) scan() {
	for k := ms.body.from; k < ms.body.to; {
		if n := ms.declaration(k); n > k {
			k = n
			continue
		}
		ms.assignment(k)
		ms.setter(k)
		ms.callSite(k)
		k++
	}
	sort.SliceStable(ms.events, func(i, j int) bool {
		return ms.events[i].at < ms.events[j].at
	})
}

// declaration reads a local variable declaration at k and returns the index
// after its first name, or k when there is none.
func (ms *methodState) declaration(k int) int {
	p, b := ms.cs.p, ms.body.to
	if k > ms.body.from && !declPrev(&p.toks[k-1]) {
		return k
	}
	te := p.typeEnd(k, b)
	if te < 0 || te+1 >= b || p.toks[te].Kind != Ident || !declNext(p, te+1) ||
		p.toks[k].Lower == "select" {
		return k
	}
	typ := strings.ToLower(p.joined(span{k, te}))
	for n := te; ; {
		e := ms.declare(typ, n)
		if e+2 >= b || !p.isAt(e, ",") || p.toks[e+1].Kind != Ident || !declNext(p, e+2) {
			break
		}
		n = e + 1
	}
	return te + 1
}

// declPrev reports whether a declaration may follow t.
func declPrev(t *Token) bool {
	if t.Kind == Keyword {
		return t.Lower == "final"
	}
	return t.Kind == Punct && strings.Contains("{};(", t.Text) && len(t.Text) == 1
}

// declNext reports whether the token at k may follow a declared name.
func declNext(p *parser, k int) bool {
	return p.isAt(k, "=") || p.isAt(k, ";") || p.isAt(k, ",") || p.isAt(k, ":") ||
		p.isAt(k, ")")
}

// declare records the declarator whose name is at n and returns the index
// after it.
func (ms *methodState) declare(typ string, n int) int {
	p := ms.cs.p
	name := &p.toks[n]
	ms.declared[n] = true
	l := ms.locals[name.Lower]
	if l == nil {
		l = &local{}
		ms.locals[name.Lower] = l
	}
	l.typ = typ
	l.decls++
	if !p.isAt(n+1, "=") {
		ms.events = append(ms.events, event{kind: evCreate, at: n, lower: name.Lower})
		return n + 1
	}
	e := p.exprEnd(n+2, ms.body.to)
	l.init, l.hasInit = span{n + 2, e}, true
	ms.creation(n, l.init.from)
	return e
}

// creation records that the variable at n gets the value starting at rhs.
// Only the start matters (new HttpRequest(), or anything else), so the end
// of the value is not looked for: a chain a = b = c stays linear.
func (ms *methodState) creation(n, rhs int) {
	p, b := ms.cs.p, ms.body.to
	ev := event{kind: evCreate, at: n, lower: p.toks[n].Lower, newAt: min(rhs, b-1)}
	if rhs < b && p.toks[rhs].Lower == "new" {
		te := p.typeEnd(rhs+1, b)
		ev.fresh = te > 0 && p.isAt(te, "(") &&
			isRequestType(strings.ToLower(p.joined(span{rhs + 1, te})))
	}
	ms.events = append(ms.events, ev)
}

func (ms *methodState) assignment(k int) {
	p, b := ms.cs.p, ms.body.to
	t := &p.toks[k]
	if t.Kind != Ident || k+1 >= b || ms.declared[k] ||
		(k > ms.body.from && p.isAt(k-1, ".")) {
		return
	}
	op := &p.toks[k+1]
	if op.Kind != Punct || !assignOps[op.Text] {
		return
	}
	ms.assigned[t.Lower]++
	if op.Text == "=" {
		ms.creation(k, k+2)
	}
}

// setter records req.setX( or this.req.setX( at k.
func (ms *methodState) setter(k int) {
	p, a, b := ms.cs.p, ms.body.from, ms.body.to
	t := &p.toks[k]
	if t.Kind != Ident || k+3 >= b || !p.isAt(k+1, ".") || !setters[p.toks[k+2].Lower] ||
		!p.isAt(k+3, "(") {
		return
	}
	ev := event{kind: evSetter, at: k + 2, v: k, lower: t.Lower}
	if k > a && p.isAt(k-1, ".") {
		if k-2 < a || p.toks[k-2].Lower != "this" || (k-3 >= a && p.isAt(k-3, ".")) {
			return
		}
		ev.field = true
	}
	ms.events = append(ms.events, ev)
}

// callSite records a call of a method of this class at k: name(, this.name(
// or ClassName.name(.
func (ms *methodState) callSite(k int) {
	p, a, b := ms.cs.p, ms.body.from, ms.body.to
	t := &p.toks[k]
	if t.Kind != Ident || k+1 >= b || !p.isAt(k+1, "(") || !ms.cs.names[t.Lower] {
		return
	}
	if k > a && p.toks[k-1].Lower == "new" {
		return
	}
	if k > a && p.isAt(k-1, ".") {
		q := k - 2
		if q < a || (p.toks[q].Lower != "this" && p.toks[q].Lower != ms.cs.lower) ||
			(q > a && p.isAt(q-1, ".")) {
			return
		}
	}
	ms.events = append(ms.events, event{kind: evSite, at: k})
}

// evaluate replays the events in source order: it builds the callouts of the
// method and evaluates the arguments of its call sites.
func (ms *methodState) evaluate() {
	ev := &evaluator{cs: ms.cs, ms: ms}
	cur := map[string]*Callout{}
	p := ms.cs.p
	for _, e := range ms.events {
		switch e.kind {
		case evCreate:
			ms.create(e, cur)
		case evSetter:
			ms.set(e, cur, ev)
		case evSite:
			t := &p.toks[e.at]
			ms.sites = append(ms.sites, site{caller: ms, name: t.Lower, pos: t.Pos,
				args: ev.args(e.at+1, 0)})
		}
	}
	for _, c := range ms.callouts {
		c.summarize()
	}
}

func (ms *methodState) create(e event, cur map[string]*Callout) {
	if !ms.isRequest(e.lower, false) {
		return
	}
	key := ms.key(e.lower, false)
	if !e.fresh {
		delete(cur, key)
		return
	}
	p := ms.cs.p
	c := &Callout{Request: p.toks[e.at].Text, InMethod: ms.name, Pos: p.toks[e.newAt].Pos}
	cur[key] = c
	ms.callouts = append(ms.callouts, c)
}

func (ms *methodState) set(e event, cur map[string]*Callout, ev *evaluator) {
	if !ms.isRequest(e.lower, e.field) {
		return
	}
	p := ms.cs.p
	key := ms.key(e.lower, e.field)
	name := &p.toks[e.at]
	c := cur[key]
	if c == nil {
		c = &Callout{Request: p.toks[e.v].Text, InMethod: ms.name, Pos: name.Pos}
		cur[key] = c
		ms.callouts = append(ms.callouts, c)
	}
	c.Calls = append(c.Calls, Call{Name: name.Text, Pos: name.Pos, Args: ev.args(e.at+1, 0)})
}

// key names the request variable in the map of current callouts, so that
// req and this.req are the same request when req is a field.
func (ms *methodState) key(lower string, field bool) string {
	_, isLocal := ms.locals[lower]
	_, isParam := ms.params[lower]
	if field || (!isLocal && !isParam) {
		return "this." + lower
	}
	return lower
}

// isRequest reports whether the variable is an HttpRequest: a local, else a
// parameter, else a field of the class. With field set only fields count.
func (ms *methodState) isRequest(lower string, field bool) bool {
	if field {
		return ms.cs.reqFields[lower]
	}
	if l, ok := ms.locals[lower]; ok {
		return isRequestType(l.typ)
	}
	if pi, ok := ms.params[lower]; ok {
		return isRequestType(pi.typ)
	}
	return ms.cs.reqFields[lower]
}
