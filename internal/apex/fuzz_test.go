package apex

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// seeds are realistic classes and hostile snippets for both fuzz targets.
var seeds = []string{
	controller,
	chain,
	broken,
	"",
	"'",
	"/*",
	"@",
	"class",
	"class A {",
	"class A { void m() { HttpRequest r = new HttpRequest(); r.setEndpoint('x' + ",
	"'unterminated\r'next' \\u12",
	"a\x00b\xff\xfe\r\r\n\n'\xc3'",
	"\uFEFFpublic class A { String s = '\\uD800\\uDC00\\uDFFF'; }",
	strings.Repeat("(", 200) + strings.Repeat(")", 100),
	strings.Repeat("class a{", 50),
	strings.Repeat("{[(", 100) + strings.Repeat("}", 150),
	"class A { void m(String p) { HttpRequest r = new HttpRequest(); r.setEndpoint(" +
		strings.Repeat("p + ", 300) + "p); } void n() { m('x'); m('y'); } }",
	"class A { void s(String p) { HttpRequest r = new HttpRequest(); r.setEndpoint(p);" +
		" s(p + p); t(p); } void t(String q) { s(q + q); } }",
	"class A { void m() { String a = b; String b = a; HttpRequest r = new HttpRequest();" +
		" r.setMethod(a); } static final String X = Y; static final String Y = X; }",
	"class A { static final String C0 = 'a';" + constantChain(60) + "}",
	"class A { List<List<String>> x = new List<List<String>>(); Map<String,String> m = " +
		"new Map<String,String>{'a'=>'b'}; a < b > c; }",
	"class A { @AuraEnabled(cacheable=true scope='global') public static void x(){" +
		"EncodingUtil.urlEncode(EncodingUtil.urlEncode(UserInfo.getSessionId(),'x'),'y');}}",
}

// constantChain declares C1 = C0 + C0 up to Cn, doubling the size each time.
func constantChain(n int) string {
	var b strings.Builder
	for i := 1; i <= n; i++ {
		b.WriteString(" static final String C" + itoa(i) + " = C" + itoa(i-1) + " + C" +
			itoa(i-1) + ";")
	}
	return b.String()
}

func itoa(i int) string {
	return string(rune('0'+i/10)) + string(rune('0'+i%10))
}

func FuzzLex(f *testing.F) {
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		toks := Lex(src)
		if len(toks) == 0 || toks[len(toks)-1].Kind != EOF || len(toks) > len(src)+1 {
			t.Fatalf("%d tokens for %d bytes, last %v", len(toks), len(src), toks[len(toks)-1])
		}
		prev := Token{Pos: Pos{Line: 1, Col: 0}}
		for _, tok := range toks {
			checkToken(t, src, tok, prev)
			prev = tok
		}
	})
}

// checkToken compares a token with the source and with a position counted
// independently from the start of the input.
func checkToken(t *testing.T, src []byte, tok, prev Token) {
	t.Helper()
	if tok.Off < prev.End || tok.End < tok.Off || tok.End > len(src) ||
		string(src[tok.Off:tok.End]) != tok.Text {
		t.Fatalf("token %v does not match src[%d:%d]", tok, tok.Off, tok.End)
	}
	if tok.Kind != EOF && tok.End == tok.Off {
		t.Fatalf("empty token %v", tok)
	}
	if want := posAt(src, tok.Off); tok.Pos != want {
		t.Fatalf("token %q at offset %d has position %v, want %v", tok.Text, tok.Off,
			tok.Pos, want)
	}
	if !prev.Pos.before(tok.Pos) {
		t.Fatalf("token %v does not come after %v", tok, prev)
	}
}

// posAt counts the line and column of a byte offset.
func posAt(src []byte, off int) Pos {
	p, i := Pos{Line: 1, Col: 1}, 0
	if strings.HasPrefix(string(src), "\uFEFF") {
		i = 3
	}
	for i < off {
		r, size := utf8.DecodeRune(src[i:])
		switch {
		case r == '\r' && i+1 < len(src) && src[i+1] == '\n':
			size = 2
			fallthrough
		case r == '\n' || r == '\r':
			p = Pos{Line: p.Line + 1, Col: 1}
		default:
			p.Col++
		}
		i += size
	}
	return p
}

func FuzzParse(f *testing.F) {
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		file := Parse(src)
		if again := Parse(src); !reflect.DeepEqual(file, again) {
			t.Fatal("two parses of the same input differ")
		}
		end := posAt(src, len(src))
		check := func(what string, p Pos) {
			if p.Line < 1 || p.Col < 1 || end.before(p) {
				t.Fatalf("%s at %v, outside the source ending at %v", what, p, end)
			}
		}
		for _, c := range file.AllClasses() {
			checkClass(c, check)
		}
	})
}

// checkClass calls check on every position of the class.
func checkClass(c *Class, check func(string, Pos)) {
	check("class", c.Pos)
	checkAnnotations(c.Annotations, check)
	for _, m := range c.Methods {
		check("method", m.Pos)
		checkAnnotations(m.Annotations, check)
		for _, p := range m.Params {
			check("param", p.Pos)
		}
	}
	for _, k := range c.Constants {
		check("constant", k.Pos)
		checkExpr(k.Value, check)
	}
	for _, co := range c.Callouts {
		check("callout", co.Pos)
		for _, call := range co.Calls {
			check("call", call.Pos)
			for _, a := range call.Args {
				checkExpr(a, check)
			}
		}
	}
	for _, l := range c.Literals {
		check("literal", l.Pos)
	}
	for _, u := range c.SessionIDs {
		check("session id", u.Pos)
	}
}

func checkAnnotations(as []Annotation, check func(string, Pos)) {
	for _, a := range as {
		check("annotation", a.Pos)
	}
}

func checkExpr(e Expr, check func(string, Pos)) {
	for _, pt := range e {
		check("part", pt.Pos)
		checkExpr(pt.Inner, check)
	}
}
