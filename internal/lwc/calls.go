package lwc

import "strings"

// fetchReceivers are the global objects through which fetch is also called.
var fetchReceivers = map[string]bool{"window": true, "globalThis": true, "self": true}

// httpMethods are the first arguments that mark a .open call as
// XMLHttpRequest.open rather than, say, window.open.
var httpMethods = map[string]bool{
	"GET": true, "POST": true, "PUT": true, "PATCH": true, "DELETE": true,
	"HEAD": true, "OPTIONS": true,
}

// fetch matches fetch(...) or window.fetch(...) at token i, the name.
func (s *scanner) fetch(i int) {
	if s.is(i-1, kPunct, ".") {
		if !fetchReceivers[s.text(i-2)] || !s.isKind(i-2, kIdent) || s.is(i-3, kPunct, ".") {
			return
		}
	} else if s.is(i-1, kIdent, "function") || s.is(i-1, kPunct, "#") {
		return // a declaration, or a private method this.#fetch
	}
	s.call(i, FuncFetch, 0)
}

// xhrOpen matches x.open('GET', url) at token i, the name open.
func (s *scanner) xhrOpen(i int) {
	if !s.is(i-1, kPunct, ".") || !s.is(i+1, kPunct, "(") {
		return
	}
	a, b, ok := s.arg(i+1, 0)
	if !ok || b-a != 1 || !s.isKind(a, kString) && !s.isKind(a, kTemplate) {
		return
	}
	if !httpMethods[strings.ToUpper(s.toks[a].value)] {
		return
	}
	s.call(i, FuncXHROpen, 1)
}

// sendBeacon matches navigator.sendBeacon(url, ...) at token i, the name.
func (s *scanner) sendBeacon(i int) {
	if s.is(i-1, kPunct, ".") && s.is(i-2, kIdent, "navigator") {
		s.call(i, FuncSendBeacon, 0)
	}
}

// call records a call of the name at token i, with the URL in argument
// number urlArg, unless no ( follows or a { follows the ), which makes it a
// method definition such as fetch() { ... } in a class.
func (s *scanner) call(i int, fn string, urlArg int) {
	open := i + 1
	if !s.is(open, kPunct, "(") {
		return
	}
	if closer := s.closer(open); s.is(closer+1, kPunct, "{") {
		return
	}
	c := Call{Func: fn, Pos: s.toks[i].pos}
	if a, b, ok := s.arg(open, urlArg); ok && b > a {
		c.URLExpr = s.source(a, b)
		if b-a == 1 && (s.isKind(a, kString) || s.isKind(a, kTemplate)) {
			c.URL = s.toks[a].value
		}
	}
	s.out.Fetches = append(s.out.Fetches, c)
}

// closer returns the index of the token closing the group opened at token
// open, len(toks) when it is never closed.
func (s *scanner) closer(open int) int {
	j := s.next[open]
	for j >= 0 && j < len(s.toks) && s.is(j, kPunct, ",") {
		j = s.next[j]
	}
	return j
}

// arg returns the token range [a, b) of argument n of the group opened at
// token open; ok is false when there are fewer arguments.
func (s *scanner) arg(open, n int) (a, b int, ok bool) {
	if !s.is(open, kPunct, "(") {
		return 0, 0, false
	}
	a, b = open+1, s.next[open]
	for ; n > 0; n-- {
		if b < 0 || b >= len(s.toks) || !s.is(b, kPunct, ",") {
			return 0, 0, false
		}
		a, b = b+1, s.next[b]
	}
	if b < 0 {
		return 0, 0, false
	}
	return a, b, true
}
