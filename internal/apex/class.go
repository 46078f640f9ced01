package apex

import "strings"

// mods are the annotations and modifiers in front of a declaration.
type mods struct {
	annos      []Annotation
	visibility string
	static     bool
	final      bool
	sharing    string
}

var visibilities = map[string]bool{
	"public": true, "private": true, "global": true, "protected": true,
}

// otherModifiers are read and dropped.
var otherModifiers = map[string]bool{
	"abstract": true, "virtual": true, "override": true, "transient": true,
	"testmethod": true, "webservice": true,
}

var sharingWords = map[string]bool{"with": true, "without": true, "inherited": true}

// file reads the top level. Anything but a class (interfaces, enums,
// triggers, stray tokens) is skipped.
func (p *parser) file() []*Class {
	var classes []*Class
	eof := len(p.toks) - 1
	for p.i < eof {
		start := p.i
		m := p.modifiers(eof)
		switch {
		case p.i >= eof:
		case p.isWord("class"):
			if c := p.class(m, start, eof, 0); c != nil {
				classes = append(classes, c)
			}
		case p.is("{"):
			p.i = p.after(p.i)
		}
		if p.i == start {
			p.i++
		}
	}
	return classes
}

func (p *parser) modifiers(lim int) mods {
	var m mods
	for p.i < lim {
		t := &p.toks[p.i]
		switch {
		case t.Kind == AnnotationName:
			m.annos = append(m.annos, p.annotation(lim))
			continue
		case t.Kind == Keyword && visibilities[t.Lower]:
			m.visibility = t.Lower
		case t.Kind == Keyword && t.Lower == "static":
			m.static = true
		case t.Kind == Keyword && t.Lower == "final":
			m.final = true
		case t.Kind == Keyword && otherModifiers[t.Lower]:
		case t.Kind == Ident && sharingWords[t.Lower] && p.i+1 < lim &&
			p.toks[p.i+1].Lower == "sharing":
			m.sharing = t.Lower + " sharing"
			p.i++
		default:
			return m
		}
		p.i++
	}
	return m
}

func (p *parser) annotation(lim int) Annotation {
	t := &p.toks[p.i]
	p.i++
	a := Annotation{Name: t.Text[1:], Pos: t.Pos}
	if p.i < lim && p.is("(") {
		a.Params = p.annotationParams(p.inside(p.i))
		p.i = p.after(p.i)
	}
	return a
}

// annotationParams reads name=value pairs, separated by spaces or commas.
func (p *parser) annotationParams(s span) map[string]string {
	params := map[string]string{}
	for k := s.from; k < s.to; k++ {
		t := &p.toks[k]
		if (t.Kind != Ident && t.Kind != Keyword) || k+2 >= s.to || !p.isAt(k+1, "=") {
			continue
		}
		v := &p.toks[k+2]
		if v.Kind == StringLit {
			params[t.Lower] = v.Value
		} else {
			params[t.Lower] = strings.ToLower(v.Text)
		}
		k += 2
	}
	return params
}

// class reads a class declaration at the 'class' keyword; its modifiers
// start at start. It returns nil when there is no name; a class without a
// body is returned empty.
func (p *parser) class(m mods, start, lim, depth int) *Class {
	p.i++
	if p.i >= lim || p.toks[p.i].Kind != Ident {
		return nil
	}
	name := &p.toks[p.i]
	c := &Class{Name: name.Text, Pos: name.Pos, Visibility: m.visibility,
		Sharing: m.sharing, Annotations: m.annos}
	for p.i < lim && !p.is("{") {
		if p.is(";") || p.is("}") {
			return c
		}
		p.i = p.skip(p.i)
	}
	if p.i >= lim {
		return c
	}
	open := p.i
	if depth < maxClassDepth {
		newClassState(p, c).build(span{start, open}, p.inside(open), depth)
	}
	p.i = p.after(open)
	return c
}

// classState is what the parser keeps about a class while reading it.
type classState struct {
	p         *parser
	c         *Class
	lower     string               // class name, lower-cased
	consts    map[string]*constDef // by lower-cased name
	defs      []*constDef          // parallel to c.Constants
	reqFields map[string]bool      // fields of type HttpRequest
	names     map[string]bool      // method names, lower-cased
	methods   []*methodState       // methods and initializer blocks in source order
	inner     []span               // inner class declarations
}

// constDef is a constant with its initializer, evaluated on first use.
type constDef struct {
	typ   string // lower-cased
	init  span
	dup   bool // declared twice: never substituted
	state evalState
	val   Expr
}

type evalState int

const (
	pending evalState = iota
	evaluating
	done
)

func newClassState(p *parser, c *Class) *classState {
	return &classState{p: p, c: c, lower: strings.ToLower(c.Name),
		consts: map[string]*constDef{}, reqFields: map[string]bool{},
		names: map[string]bool{}}
}

// build reads the class body, then analyses it: members first, so that
// method bodies can see every constant, field and method of the class.
// The header is read only for its literals.
func (cs *classState) build(header, body span, depth int) {
	p := cs.p
	p.i = body.from
	for p.i < body.to {
		cs.member(body.to, depth)
	}
	cs.evalConstants()
	for _, ms := range cs.methods {
		ms.scan()
	}
	for _, ms := range cs.methods {
		ms.evaluate()
	}
	cs.follow()
	cs.collect(header)
	cs.collect(body)
}

func (cs *classState) member(lim, depth int) {
	p := cs.p
	start := p.i
	m := p.modifiers(lim)
	switch {
	case p.i >= lim:
	case p.isWord("class"):
		if in := p.class(m, start, lim, depth+1); in != nil {
			cs.c.Inner = append(cs.c.Inner, in)
			cs.inner = append(cs.inner, span{start, p.i})
		}
	case p.isWord("interface"), p.isWord("enum"):
		p.recover(lim)
	case p.is("{"):
		cs.addMethod(nil, p.inside(p.i), span{start, p.after(p.i)})
		p.i = p.after(p.i)
	case p.is(";"):
		p.i++
	default:
		cs.declaration(m, start, lim)
	}
	if p.i == start {
		p.i++
	}
}

// declaration reads a method, constructor, property or field.
func (cs *classState) declaration(m mods, start, lim int) {
	p := cs.p
	te := p.typeEnd(p.i, lim)
	if te < 0 {
		p.recover(lim)
		return
	}
	if te == p.i+1 && p.isAt(te, "(") {
		cs.method(m, start, "", p.toks[p.i], te, lim)
		return
	}
	if te >= lim || p.toks[te].Kind != Ident {
		p.recover(lim)
		return
	}
	typ := p.joined(span{p.i, te})
	p.i = te + 1
	switch {
	case p.i < lim && p.is("("):
		cs.method(m, start, typ, p.toks[te], p.i, lim)
	case p.i < lim && p.is("{"):
		p.i = p.after(p.i) // a property
	default:
		cs.fields(m, typ, te, lim)
	}
}

// method reads a method from its parameter list on; name is its name token.
func (cs *classState) method(m mods, start int, typ string, name Token, open, lim int) {
	p := cs.p
	meth := &Method{Name: name.Text, Pos: name.Pos, Visibility: m.visibility,
		Static: m.static, ReturnType: typ, Params: p.params(p.inside(open)),
		Annotations: m.annos}
	for _, a := range m.annos {
		if strings.EqualFold(a.Name, "AuraEnabled") {
			meth.AuraEnabled = true
			meth.Cacheable = meth.Cacheable || a.Params["cacheable"] == "true"
		}
	}
	p.i = p.after(open)
	body := span{p.i, p.i}
	switch {
	case p.i < lim && p.is("{"):
		body = p.inside(p.i)
		p.i = p.after(p.i)
	case p.i < lim && p.is(";"):
		p.i++
	default:
		p.recover(lim)
	}
	cs.c.Methods = append(cs.c.Methods, meth)
	cs.names[strings.ToLower(meth.Name)] = true
	cs.addMethod(meth, body, span{start, p.i})
}

// params reads a parameter list; commas inside type arguments do not split.
func (p *parser) params(s span) []Param {
	if s.from >= s.to {
		return nil
	}
	var out []Param
	angle, start := 0, s.from
	for k := s.from; k < s.to; k = p.skip(k) {
		switch {
		case p.isAt(k, "<"):
			angle++
		case p.isAt(k, ">") && angle > 0:
			angle--
		case p.isAt(k, ",") && angle == 0:
			out = append(out, p.param(span{start, k}))
			start = k + 1
		}
	}
	return append(out, p.param(span{start, s.to}))
}

// param reads one parameter: [final] Type name. A malformed one is kept
// with what could be read, so that the parameter count stays right.
func (p *parser) param(s span) Param {
	for s.from < s.to && (p.toks[s.from].Lower == "final" ||
		p.toks[s.from].Kind == AnnotationName) {
		s.from++
	}
	if s.from >= s.to {
		return Param{Pos: p.toks[min(s.from, len(p.toks)-1)].Pos}
	}
	last := &p.toks[s.to-1]
	if last.Kind != Ident || s.to-s.from < 2 {
		return Param{Type: p.joined(s), Pos: p.toks[s.from].Pos}
	}
	return Param{Name: last.Text, Type: p.joined(span{s.from, s.to - 1}), Pos: last.Pos}
}

// fields reads the declarators of a field declaration; k is the first name.
func (cs *classState) fields(m mods, typ string, k, lim int) {
	p := cs.p
	for {
		name := &p.toks[k]
		k++
		init := span{k, k}
		if k < lim && p.isAt(k, "=") {
			e := p.exprEnd(k+1, lim)
			init, k = span{k + 1, e}, e
		}
		cs.field(m, typ, name, init)
		if k+1 >= lim || !p.isAt(k, ",") || p.toks[k+1].Kind != Ident {
			break
		}
		k++
	}
	p.i = k
	switch t := &p.toks[k]; {
	case p.i >= lim:
	case p.is(";"):
		p.i++
	case t.Kind != AnnotationName && (t.Kind != Keyword || !isModifier(t.Lower)):
		p.recover(lim)
	}
}

func (cs *classState) field(m mods, typ string, name *Token, init span) {
	lt := strings.ToLower(typ)
	if isRequestType(lt) {
		cs.reqFields[name.Lower] = true
	}
	if !m.static || !m.final || init.from >= init.to {
		return
	}
	cd := &constDef{typ: lt, init: init}
	if first, ok := cs.consts[name.Lower]; ok {
		first.dup, cd.dup = true, true
	} else {
		cs.consts[name.Lower] = cd
	}
	cs.defs = append(cs.defs, cd)
	k := Constant{Name: name.Text, Type: typ, Pos: name.Pos}
	cs.c.Constants = append(cs.c.Constants, k)
}

// evalConstants fills Constant.Value, in the class scope only.
func (cs *classState) evalConstants() {
	ev := &evaluator{cs: cs}
	for i := range cs.c.Constants {
		c := &cs.c.Constants[i]
		cd := cs.defs[i]
		v, ok := ev.constValue(cd, 0)
		if cd.dup || !ok {
			v = ev.unknown(cd.init)
		}
		c.Value = v
	}
}

func isModifier(lower string) bool {
	return visibilities[lower] || otherModifiers[lower] || lower == "static" ||
		lower == "final"
}

func isRequestType(lower string) bool {
	return lower == "httprequest" || lower == "system.httprequest"
}

func isStringType(lower string) bool {
	return lower == "string" || lower == "system.string"
}
