package apex

// collect records the string literals and session id uses of a span of the
// class. Inner classes are left out: they record their own.
func (cs *classState) collect(s span) {
	p := cs.p
	inner, mi := 0, 0
	for k := s.from; k < s.to; k++ {
		if inner < len(cs.inner) && k >= cs.inner[inner].from {
			k = cs.inner[inner].to - 1
			inner++
			continue
		}
		for mi < len(cs.methods) && cs.methods[mi].decl.to <= k {
			mi++
		}
		in := ""
		if mi < len(cs.methods) && cs.methods[mi].decl.from <= k {
			in = cs.methods[mi].name
		}
		if t := &p.toks[k]; t.Kind == StringLit {
			l := Literal{Value: t.Value, Pos: t.Pos, InMethod: in}
			cs.c.Literals = append(cs.c.Literals, l)
		}
		if pos, ok := cs.sessionIDAt(k, s.to); ok {
			cs.c.SessionIDs = append(cs.c.SessionIDs, Use{Pos: pos, InMethod: in})
		}
	}
}

// sessionIDAt recognises UserInfo.getSessionId( at k. The position is that of
// UserInfo, or of System in System.UserInfo.getSessionId().
func (cs *classState) sessionIDAt(k, lim int) (Pos, bool) {
	p := cs.p
	t := &p.toks[k]
	if t.Kind != Ident || t.Lower != "userinfo" || k+3 >= lim || !p.isAt(k+1, ".") ||
		p.toks[k+2].Lower != "getsessionid" || !p.isAt(k+3, "(") {
		return Pos{}, false
	}
	if k >= 2 && p.isAt(k-1, ".") && p.toks[k-2].Lower == "system" {
		return p.toks[k-2].Pos, true
	}
	return t.Pos, true
}
