package apex

import (
	"fmt"
	"slices"
	"testing"
)

// show renders a token as "Kind text line:col", with the decoded value of a
// string and the error of an invalid token.
func show(t Token) string {
	s := fmt.Sprintf("%s %q %s", t.Kind, t.Text, t.Pos)
	switch t.Kind {
	case StringLit:
		s += fmt.Sprintf(" =%q", t.Value)
	case Invalid:
		s += " !" + t.Err
	}
	return s
}

func TestLex(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		src  string
		want []string
	}{{
		name: "comment markers inside strings",
		src:  "a = 'it\\'s // no'; // yes\n/* 'b' */ c",
		want: []string{`Ident "a" 1:1`, `Punct "=" 1:3`,
			`StringLit "'it\\'s // no'" 1:5 ="it's // no"`, `Punct ";" 1:18`,
			`Ident "c" 2:11`, `EOF "" 2:12`},
	}, {
		name: "escapes",
		src:  `'\\' '\n\t' '\u0041\u00e9' '\uD83D\uDE00' '\q' '\uZZ'`,
		want: []string{`StringLit "'\\\\'" 1:1 ="\\"`,
			`StringLit "'\\n\\t'" 1:6 ="\n\t"`,
			`StringLit "'\\u0041\\u00e9'" 1:13 ="Aé"`,
			`StringLit "'\\uD83D\\uDE00'" 1:28 ="😀"`,
			`StringLit "'\\q'" 1:43 ="q"`,
			`StringLit "'\\uZZ'" 1:48 ="uZZ"`, `EOF "" 1:54`},
	}, {
		name: "lone surrogate",
		src:  `'\uD83Dx'`,
		want: []string{"StringLit \"'\\\\uD83Dx'\" 1:1 =\"\uFFFDx\"", `EOF "" 1:10`},
	}, {
		name: "case is kept and keywords are found in any case",
		src:  "HTTPREQUEST Class PUBLIC with",
		want: []string{`Ident "HTTPREQUEST" 1:1`, `Keyword "Class" 1:13`,
			`Keyword "PUBLIC" 1:19`, `Ident "with" 1:26`, `EOF "" 1:30`},
	}, {
		name: "line ends",
		src:  "a\rb\r\nc\nd",
		want: []string{`Ident "a" 1:1`, `Ident "b" 2:1`, `Ident "c" 3:1`, `Ident "d" 4:1`,
			`EOF "" 4:2`},
	}, {
		name: "columns count characters",
		src:  "'é€' x",
		want: []string{`StringLit "'é€'" 1:1 ="é€"`, `Ident "x" 1:6`, `EOF "" 1:7`},
	}, {
		name: "unterminated string ends at the line end",
		src:  "'abc\nx",
		want: []string{`Invalid "'abc" 1:1 !unterminated string literal`, `Ident "x" 2:1`,
			`EOF "" 2:2`},
	}, {
		name: "unterminated string at the end of input",
		src:  `'ab\`,
		want: []string{`Invalid "'ab\\" 1:1 !unterminated string literal`, `EOF "" 1:5`},
	}, {
		name: "unterminated comment",
		src:  "a /* b\n",
		want: []string{`Ident "a" 1:1`, `Invalid "/* b\n" 1:3 !unterminated comment`,
			`EOF "" 2:1`},
	}, {
		name: "NUL and invalid UTF-8",
		src:  "a\x00b\xffc",
		want: []string{`Ident "a" 1:1`, `Invalid "\x00" 1:2 !unexpected character`,
			`Ident "b" 1:3`, `Invalid "\xff" 1:4 !unexpected character`, `Ident "c" 1:5`,
			`EOF "" 1:6`},
	}, {
		name: "annotation",
		src:  "@AuraEnabled(cacheable=true) @ x",
		want: []string{`AnnotationName "@AuraEnabled" 1:1`, `Punct "(" 1:13`,
			`Ident "cacheable" 1:14`, `Punct "=" 1:23`, `Keyword "true" 1:24`,
			`Punct ")" 1:28`, `Punct "@" 1:30`, `Ident "x" 1:32`, `EOF "" 1:33`},
	}, {
		name: "numbers",
		src:  "12 3.5 10L 1.5e3d 7.x",
		want: []string{`Number "12" 1:1`, `Number "3.5" 1:4`, `Number "10L" 1:8`,
			`Number "1.5e3d" 1:12`, `Number "7" 1:19`, `Punct "." 1:20`, `Ident "x" 1:21`,
			`EOF "" 1:22`},
	}, {
		name: "closing type arguments stay apart",
		src:  "List<List<String>>",
		want: []string{`Ident "List" 1:1`, `Punct "<" 1:5`, `Ident "List" 1:6`,
			`Punct "<" 1:10`, `Ident "String" 1:11`, `Punct ">" 1:17`, `Punct ">" 1:18`,
			`EOF "" 1:19`},
	}, {
		name: "operators",
		src:  "a?.b??c=>d!==e",
		want: []string{`Ident "a" 1:1`, `Punct "?." 1:2`, `Ident "b" 1:4`, `Punct "??" 1:5`,
			`Ident "c" 1:7`, `Punct "=>" 1:8`, `Ident "d" 1:10`, `Punct "!==" 1:11`,
			`Ident "e" 1:14`, `EOF "" 1:15`},
	}, {
		name: "byte order mark",
		src:  "\uFEFFclass",
		want: []string{`Keyword "class" 1:1`, `EOF "" 1:6`},
	}, {
		name: "empty",
		src:  "",
		want: []string{`EOF "" 1:1`},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var got []string
			for _, tok := range Lex([]byte(tt.src)) {
				got = append(got, show(tok))
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("Lex(%q)\ngot:\n%s\nwant:\n%s", tt.src, lines(got), lines(tt.want))
			}
		})
	}
}

func TestLexerComments(t *testing.T) {
	t.Parallel()
	l := NewLexer([]byte("a // one\r/* two\n */ b"))
	for l.Next().Kind != EOF {
	}
	want := []Comment{{Text: "// one", Pos: Pos{1, 3}}, {Text: "/* two\n */", Pos: Pos{2, 1}}}
	if got := l.Comments(); !slices.Equal(got, want) {
		t.Errorf("Comments() = %q, want %q", got, want)
	}
}

func TestLexLowerAndOffsets(t *testing.T) {
	t.Parallel()
	src := "Foo.SetEndpoint"
	toks := Lex([]byte(src))
	if toks[2].Lower != "setendpoint" || toks[0].Lower != "foo" {
		t.Errorf("Lower = %q, %q", toks[0].Lower, toks[2].Lower)
	}
	for _, tok := range toks {
		if src[tok.Off:tok.End] != tok.Text {
			t.Errorf("src[%d:%d] = %q, want %q", tok.Off, tok.End, src[tok.Off:tok.End], tok.Text)
		}
	}
}

func lines(ss []string) string {
	out := ""
	for _, s := range ss {
		out += "\t" + s + "\n"
	}
	return out
}
