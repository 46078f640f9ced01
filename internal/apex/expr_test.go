package apex

import "testing"

func TestExprMethods(t *testing.T) {
	t.Parallel()
	lit := func(s string) Part { return Part{Kind: PartLiteral, Text: s} }
	tests := []struct {
		name       string
		e          Expr
		literal    string
		isLiteral  bool
		prefix     string
		rendered   string
		hasSession bool
	}{{
		name: "never set",
	}, {
		name:      "empty literal",
		e:         Expr{lit("")},
		isLiteral: true,
	}, {
		name:      "literals only",
		e:         Expr{lit("callout:X"), lit("/a")},
		literal:   "callout:X/a",
		isLiteral: true,
		prefix:    "callout:X/a",
		rendered:  "callout:X/a",
	}, {
		name: "parameter in an encoded query",
		e: Expr{lit("/q?q="), {Kind: PartURLEncoded, Inner: Expr{lit("SELECT "),
			{Kind: PartParam, Text: "soql"}}}, lit("&x")},
		prefix:   "/q?q=",
		rendered: "/q?q={urlEncode:SELECT {param:soql}}&x",
	}, {
		name: "session id inside an escaped part",
		e: Expr{{Kind: PartOrgDomainURL}, {Kind: PartEscaped,
			Inner: Expr{{Kind: PartSessionID}}}},
		rendered:   "{orgDomainUrl}{escapeSingleQuotes:{sessionId}}",
		hasSession: true,
	}, {
		name:     "unknown source text is shown on one line",
		e:        Expr{{Kind: PartUnknown, Text: "a(\n   b)"}, {Kind: PartUnknown}},
		rendered: "{unknown:a( b)}{unknown}",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got, ok := tt.e.Literal(); got != tt.literal || ok != tt.isLiteral {
				t.Errorf("Literal() = %q, %v, want %q, %v", got, ok, tt.literal, tt.isLiteral)
			}
			if got := tt.e.LiteralPrefix(); got != tt.prefix {
				t.Errorf("LiteralPrefix() = %q, want %q", got, tt.prefix)
			}
			if got := tt.e.String(); got != tt.rendered {
				t.Errorf("String() = %q, want %q", got, tt.rendered)
			}
			if got := tt.e.Contains(PartSessionID); got != tt.hasSession {
				t.Errorf("Contains(PartSessionID) = %v, want %v", got, tt.hasSession)
			}
		})
	}
}

func TestExprFromSource(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		expr string
		want string
	}{
		{"concatenation", `'a' + ('b' + p) + 'c'`, "ab{param:p}c"},
		{"other operators make it unknown", `p == null ? 'a' : 'b'`,
			"{unknown:p == null ? 'a' : 'b'}"},
		{"unary plus", `+ 'a'`, "{unknown:+ 'a'}"},
		{"trailing plus", `'a' +`, "{unknown:'a' +}"},
		{"urlEncode needs two arguments", `EncodingUtil.urlEncode(p)`,
			"{unknown:EncodingUtil.urlEncode(p)}"},
		{"getSessionId takes none", `UserInfo.getSessionId(p)`,
			"{unknown:UserInfo.getSessionId(p)}"},
		{"org domain host is not the URL", `URL.getOrgDomainUrl().getHost()`,
			"{unknown:URL.getOrgDomainUrl().getHost()}"},
		{"system namespace", `System.URL.getOrgDomainUrl() + System.UserInfo.getSessionId()`,
			"{orgDomainUrl}{sessionId}"},
		{"cast", `(String) p`, "{unknown:(String) p}"},
		{"new with type arguments", `new Map<String, String>{'a' => 'b'}.get('a')`,
			"{unknown:new Map<String, String>{'a' => 'b'}.get('a')}"},
		{"constant cycle", `A`, "{unknown:A}"},
		{"other class constant", `Other.B`, "{unknown:Other.B}"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			src := "class K { static final String A = B; static final String B = A;\n" +
				"void m(String p) { HttpRequest r = new HttpRequest(); r.setBody(" +
				tt.expr + "); } }"
			cs := Parse([]byte(src)).Classes[0].Callouts
			if len(cs) != 1 || cs[0].Body == nil {
				t.Fatalf("callouts = %v, want one with a body", cs)
			}
			if got := cs[0].Body.String(); got != tt.want {
				t.Errorf("body %s = %q, want %q", tt.expr, got, tt.want)
			}
		})
	}
}
