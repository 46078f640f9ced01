package apex

import (
	"sort"
	"strings"
)

// follow turns the callouts of helpers into callouts at their call sites, up
// to maxFollowDepth helpers deep, and sorts the callouts of the class.
func (cs *classState) follow() {
	type item struct {
		c     *Callout
		ms    *methodState
		depth int
	}
	var queue []item
	for _, ms := range cs.methods {
		for _, c := range ms.callouts {
			queue = append(queue, item{c, ms, 0})
			cs.c.Callouts = append(cs.c.Callouts, c)
		}
	}
	for len(queue) > 0 && len(cs.c.Callouts) < maxCallouts {
		it := queue[0]
		queue = queue[1:]
		if it.depth >= maxFollowDepth || !it.c.dependsOnParams() {
			continue
		}
		for _, s := range cs.sitesOf(it.ms) {
			if len(cs.c.Callouts) >= maxCallouts {
				break
			}
			nc := it.c.at(it.ms, s)
			it.c.Template = true
			cs.c.Callouts = append(cs.c.Callouts, nc)
			queue = append(queue, item{nc, s.caller, it.depth + 1})
		}
	}
	sort.SliceStable(cs.c.Callouts, func(i, j int) bool {
		return cs.c.Callouts[i].Pos.before(cs.c.Callouts[j].Pos)
	})
}

// sitesOf returns the calls of the method from other methods of the class
// with as many arguments as it has parameters. Without types an overload of
// the same arity cannot be told apart, so such methods are not followed.
func (cs *classState) sitesOf(ms *methodState) []site {
	if ms.m == nil {
		return nil
	}
	name, n := strings.ToLower(ms.m.Name), len(ms.m.Params)
	for _, other := range cs.methods {
		if other != ms && other.m != nil && len(other.m.Params) == n &&
			strings.EqualFold(other.m.Name, name) {
			return nil
		}
	}
	var out []site
	for _, caller := range cs.methods {
		if caller == ms {
			continue
		}
		for _, s := range caller.sites {
			if s.name == name && len(s.args) == n {
				out = append(out, s)
			}
		}
	}
	return out
}

func (c *Callout) dependsOnParams() bool {
	for _, call := range c.Calls {
		for _, a := range call.Args {
			if a.Contains(PartParam) {
				return true
			}
		}
	}
	return false
}

// at returns the callout c of the helper as seen from the call site s.
func (c *Callout) at(helper *methodState, s site) *Callout {
	nc := &Callout{Request: c.Request, InMethod: s.caller.name, Pos: s.pos,
		Via: append([]string{helper.m.Name}, c.Via...)}
	for _, call := range c.Calls {
		args := make([]Expr, len(call.Args))
		for i, a := range call.Args {
			args[i] = helper.subst(a, s.args)
		}
		nc.Calls = append(nc.Calls, Call{Name: call.Name, Pos: call.Pos, Args: args})
	}
	nc.summarize()
	return nc
}

// subst replaces the parameters of the method in e by the arguments. A result
// larger than maxExprNodes becomes one unknown part with no text.
func (ms *methodState) subst(e Expr, args []Expr) Expr {
	if len(e) == 0 {
		return e
	}
	budget := maxExprNodes
	out, ok := ms.substInto(nil, e, args, &budget)
	if !ok || tooBig(out) {
		return Expr{{Kind: PartUnknown, Pos: e[0].Pos}}
	}
	return out
}

func (ms *methodState) substInto(out, e Expr, args []Expr, budget *int) (Expr, bool) {
	for _, pt := range e {
		if pi, ok := ms.params[strings.ToLower(pt.Text)]; ok && pt.Kind == PartParam &&
			pi.idx < len(args) {
			*budget -= len(args[pi.idx])
			out = append(out, args[pi.idx]...)
		} else {
			if pt.Inner != nil {
				inner, ok := ms.substInto(nil, pt.Inner, args, budget)
				if !ok {
					return nil, false
				}
				pt.Inner = inner
			}
			*budget--
			out = append(out, pt)
		}
		if *budget < 0 {
			return nil, false
		}
	}
	return out, true
}

// summarize fills the summary fields of a callout from its calls.
func (c *Callout) summarize() {
	c.Method, c.Endpoint, c.Headers, c.Body = nil, nil, nil, nil
	for _, call := range c.Calls {
		first := Expr{{Kind: PartUnknown, Pos: call.Pos}}
		if len(call.Args) > 0 {
			first = call.Args[0]
		}
		switch strings.ToLower(call.Name) {
		case "setendpoint":
			c.Endpoint, c.EndpointPos = first, call.Pos
		case "setmethod":
			c.Method, c.MethodPos = first, call.Pos
		case "setbody":
			c.Body, c.BodyPos = &first, call.Pos
		case "setheader":
			h := Header{Name: first, Pos: call.Pos}
			if len(call.Args) > 1 {
				h.Value = call.Args[1]
			}
			c.Headers = append(c.Headers, h)
		}
	}
}
