package lwc

import (
	"strings"
	"testing"
)

// render shows tokens as kind:text, the kind as one letter:
// i ident, p punct, n number, s string, t template, h m e template head,
// middle and end, r regex.
func render(src string) string {
	var b strings.Builder
	for i, t := range lex([]byte(src)) {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteByte("ipnsthmer"[t.kind])
		b.WriteByte(':')
		b.WriteString(src[t.start:t.end])
	}
	return b.String()
}

func TestLex(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		src  string
		want string
	}{
		{"division", "a / b", "i:a p:/ i:b"},
		{"regex after assignment", "a = /b/g", "i:a p:= r:/b/g"},
		{"regex after arrow", "() => /x/", "p:( p:) p:= p:> r:/x/"},
		{"division after postfix", "a++ / 2", "i:a p:++ p:/ n:2"},
		{"division after this", "this / 2", "i:this p:/ n:2"},
		{"regex after keyword", "return /x/", "i:return r:/x/"},
		{"regex after condition", "while (a) /x/", "i:while p:( i:a p:) r:/x/"},
		{"division after call", "f(a) /x/ 1", "i:f p:( i:a p:) p:/ i:x p:/ n:1"},
		{"division after method named if", "a.if(b) /x/ 1", "i:a p:. i:if p:( i:b p:) p:/ i:x p:/ n:1"},
		{"regex class hides slash", "= /[/]/", "p:= r:/[/]/"},
		{"numbers", "1.5e-3 0x1F 1_000n .5 1..a", "n:1.5e-3 n:0x1F n:1_000n n:.5 n:1. p:. i:a"},
		{"spread and private", "[...a, #b]", "p:[ p:... i:a p:, p:# i:b p:]"},
		{"comments", "a // b\n/* c */ d", "i:a i:d"},
		{"template pieces", "`a${b}c${d}e`", "h:`a${ i:b m:}c${ i:d e:}e`"},
		{"brace in substitution", "`${ {} }`", "h:`${ p:{ p:} e:}`"},
		{"stray paren in substitution", "`${ f( }x`", "h:`${ i:f p:( e:}x`"},
		{"stray close paren in substitution", "`${ ) }x`", "h:`${ p:) e:}x`"},
		{"unicode identifier and space", "é\u00a0ü", "i:é i:ü"},
		{"unterminated block comment", "a /* b", "i:a"},
		{"unterminated template", "`a${b", "h:`a${ i:b"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := render(tt.src); got != tt.want {
				t.Errorf("lex(%q):\n got %s\nwant %s", tt.src, got, tt.want)
			}
		})
	}
}

func TestCook(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		raw      string
		template bool
		want     string
	}{
		{"plain", "abc", false, "abc"},
		{"simple escapes", `a\n\t\'\"\\\/`, false, "a\n\t'\"\\/"},
		{"hex", `\x41\x7e`, false, "A~"},
		{"bad hex", `\xZ1`, false, "xZ1"},
		{"unicode", `\u0041\u00e9`, false, "Aé"},
		{"code point", `\u{1F642}`, false, "🙂"},
		{"bad code point", `\u{110000}`, false, "u{110000}"},
		{"surrogate pair", `\uD83D\uDE42`, false, "🙂"},
		{"lone surrogate", `\uD83Dx`, false, "\uFFFDx"},
		{"short unicode", `\u12`, false, "u12"},
		{"line continuation", "a\\\r\nb\\\nc", false, "abc"},
		{"template line ends", "a\r\nb\rc\n", true, "a\nb\nc\n"},
		{"trailing backslash", `a\`, false, "a"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := cook([]byte(tt.raw), tt.template); got != tt.want {
				t.Errorf("cook(%q) = %q, want %q", tt.raw, got, tt.want)
			}
		})
	}
}
