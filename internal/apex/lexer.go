package apex

import (
	"slices"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// Pos is a 1-based line and column. Columns count characters (runes); a byte
// that is not valid UTF-8 counts as one character. "\n", "\r\n" and a lone
// "\r" each end a line.
type Pos struct {
	Line, Col int
}

// TokenKind tells what a token is.
type TokenKind int

// Token kinds.
const (
	EOF            TokenKind = iota
	Ident                    // a name; also type names such as String, List, System
	Keyword                  // a reserved word that is never a name, see keywords
	StringLit                // a single-quoted string literal
	Number                   // an integer, long, decimal or double literal
	Punct                    // an operator or punctuation
	AnnotationName           // @Name; Text keeps the '@'
	Invalid                  // malformed input; Err says what is wrong
)

var kindNames = [...]string{"EOF", "Ident", "Keyword", "StringLit", "Number", "Punct",
	"AnnotationName", "Invalid"}

func (k TokenKind) String() string {
	if k >= 0 && int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "TokenKind(?)"
}

// Token is one lexical token.
type Token struct {
	Kind  TokenKind
	Text  string // the source text as written (strings keep their quotes)
	Lower string // names, keywords, annotations: Text lower-cased; else Text
	Value string // StringLit: the decoded value
	Err   string // Invalid: what is wrong
	Pos   Pos    // first character; the opening quote of a string, the '@'
	Off   int    // byte offset of the first character
	End   int    // byte offset just past the token
}

// Comment is a // or /* */ comment with its text and position.
type Comment struct {
	Text string
	Pos  Pos
}

// isKeyword holds for the reserved words the parser relies on. Type names (String,
// List, Map, Set, Object, System) and contextual words (with, without,
// inherited, sharing, get, set) are lexed as identifiers, because Apex code
// uses them as names; compare Token.Lower to recognise them.
func isKeyword(lower string) bool {
	switch lower {
	case "abstract", "break", "catch", "class", "continue", "delete", "do", "else", "enum", "extends",
		"false", "final", "finally", "for", "global", "if", "implements", "insert", "instanceof",
		"interface", "merge", "new", "null", "override", "private", "protected", "public", "return",
		"static", "super", "switch", "testmethod", "this", "throw", "transient", "trigger", "true",
		"try", "undelete", "update", "upsert", "virtual", "void", "webservice", "when", "while":
		return true
	}
	return false
}

// puncts lists operators longest first so that the first match is the
// longest. '>' is never combined with another '>': List<List<String>> must
// close two type argument lists, so shifts are lexed as separate '>' tokens.
var puncts = []string{
	"===", "!==", "<<=",
	"==", "!=", "<=", ">=", "&&", "||", "++", "--", "+=", "-=", "*=", "/=", "%=",
	"&=", "|=", "^=", "=>", "?.", "??", "<<",
	"(", ")", "{", "}", "[", "]", ";", ",", ".", "=", "+", "-", "*", "/", "%",
	"&", "|", "^", "!", "~", "?", ":", "<", ">", "@",
}

// punctsByFirst lists puncts by first byte, longest first.
var punctsByFirst = func() (t [256][]string) {
	for _, p := range puncts {
		t[p[0]] = append(t[p[0]], p)
	}
	return t
}()

// Lexer reads tokens from Apex source one at a time. It never fails: malformed
// input yields Invalid tokens, and every call to Next makes progress.
type Lexer struct {
	src      []byte
	text     string // src converted once; token texts are slices of it
	off      int
	pos      Pos
	comments []Comment
	lowers   map[string]string // see lower
}

// NewLexer returns a lexer over src. A leading UTF-8 byte order mark is
// skipped without counting a column, as editors do.
func NewLexer(src []byte) *Lexer {
	l := &Lexer{src: src, text: string(src), pos: Pos{Line: 1, Col: 1}}
	if strings.HasPrefix(l.text, "\uFEFF") {
		l.off = 3
	}
	return l
}

// Lex returns all tokens of src, comments left out, ending with one EOF token.
func Lex(src []byte) []Token {
	toks, _ := lexInto(nil, src)
	return toks
}

// lexInto appends the tokens of src to toks[:0] and returns them with the
// text their strings point into.
func lexInto(toks []Token, src []byte) ([]Token, string) {
	l := NewLexer(src)
	// Apex averages a token per five or six bytes; starting near that size
	// saves growing a large slice of large tokens again and again.
	toks = slices.Grow(toks[:0], len(src)/5+8)
	for {
		t := l.Next()
		toks = append(toks, t)
		if t.Kind == EOF {
			return toks, l.text
		}
	}
}

// Comments returns the comments read so far.
func (l *Lexer) Comments() []Comment {
	return l.comments
}

// Next returns the next token; at the end of input it keeps returning EOF.
func (l *Lexer) Next() Token {
	if start, pos, ok := l.skipSpace(); !ok {
		return l.invalid(start, pos, "unterminated comment")
	}
	start, pos := l.off, l.pos
	if l.off >= len(l.src) {
		return Token{Kind: EOF, Pos: pos, Off: start, End: start}
	}
	c := l.src[l.off]
	switch {
	case isLetter(c):
		l.word()
		return l.wordToken(start, pos)
	case isDigit(c):
		l.number()
		return l.token(Number, start, pos)
	case c == '\'':
		return l.str(start, pos)
	case c == '@' && isLetter(l.peek(1)):
		l.advance()
		l.word()
		return l.token(AnnotationName, start, pos)
	}
	rest := l.text[l.off:min(l.off+3, len(l.src))]
	for _, p := range punctsByFirst[c] {
		if strings.HasPrefix(rest, p) {
			l.off += len(p)
			l.pos.Col += len(p)
			return l.token(Punct, start, pos)
		}
	}
	l.advance()
	return l.invalid(start, pos, "unexpected character")
}

// skipSpace skips white space and comments. It returns false, with where
// the comment starts, when a block comment is not closed.
func (l *Lexer) skipSpace() (int, Pos, bool) {
	for l.off < len(l.src) {
		c := l.src[l.off]
		switch {
		case c == ' ' || c == '\t' || c == '\f' || c == '\v':
			l.off++
			l.pos.Col++
		case c == '\n' || c == '\r':
			l.advance()
		case c == '/' && l.peek(1) == '/':
			l.lineComment()
		case c == '/' && l.peek(1) == '*':
			if start, pos, ok := l.blockComment(); !ok {
				return start, pos, false
			}
		default:
			return 0, Pos{}, true
		}
	}
	return 0, Pos{}, true
}

func (l *Lexer) lineComment() {
	start, pos := l.off, l.pos
	for l.off < len(l.src) && l.src[l.off] != '\n' && l.src[l.off] != '\r' {
		l.advance()
	}
	l.comments = append(l.comments, Comment{Text: l.text[start:l.off], Pos: pos})
}

// blockComment reads a /* */ comment. An unclosed comment runs to the end of
// input; ok is false and start and pos say where it began.
func (l *Lexer) blockComment() (start int, pos Pos, ok bool) {
	start, pos = l.off, l.pos
	l.advance()
	l.advance()
	for l.off < len(l.src) {
		if l.src[l.off] == '*' && l.peek(1) == '/' {
			l.advance()
			l.advance()
			c := Comment{Text: l.text[start:l.off], Pos: pos}
			l.comments = append(l.comments, c)
			return start, pos, true
		}
		l.advance()
	}
	return start, pos, false
}

// str reads a string literal. Apex strings cannot span lines: a line end or
// the end of input before the closing quote gives an Invalid token that keeps
// what was decoded so far in Value.
func (l *Lexer) str(start int, pos Pos) Token {
	// Most literals hold no escape and no line end: their value is a slice
	// of the source.
	if n := strings.IndexAny(l.text[start+1:], "'\\\r\n"); n >= 0 && l.text[start+1+n] == '\'' {
		if utf8.ValidString(l.text[start+1 : start+1+n]) {
			end := start + 1 + n + 1
			l.pos.Col += utf8.RuneCountInString(l.text[start:end])
			l.off = end
			t := l.token(StringLit, start, pos)
			t.Value = l.text[start+1 : end-1]
			return t
		}
	}
	l.advance()
	var b strings.Builder
	for l.off < len(l.src) {
		switch c := l.src[l.off]; c {
		case '\n', '\r':
			return l.unterminated(start, pos, b.String())
		case '\'':
			l.advance()
			t := l.token(StringLit, start, pos)
			t.Value = b.String()
			return t
		case '\\':
			l.escape(&b)
		default:
			_, size := utf8.DecodeRune(l.src[l.off:])
			b.Write(l.src[l.off : l.off+size])
			l.advance()
		}
	}
	return l.unterminated(start, pos, b.String())
}

func (l *Lexer) unterminated(start int, pos Pos, value string) Token {
	t := l.invalid(start, pos, "unterminated string literal")
	t.Value = value
	return t
}

// escapes maps the single-character escapes of Apex strings.
var escapes = map[byte]byte{
	'b': '\b', 't': '\t', 'n': '\n', 'f': '\f', 'r': '\r',
	'"': '"', '\'': '\'', '\\': '\\',
}

// escape decodes one backslash escape. An unknown escape keeps the escaped
// character, and a backslash before a line end leaves the line end to str.
func (l *Lexer) escape(b *strings.Builder) {
	l.advance()
	if l.off >= len(l.src) || l.src[l.off] == '\n' || l.src[l.off] == '\r' {
		return
	}
	c := l.src[l.off]
	if e, ok := escapes[c]; ok {
		b.WriteByte(e)
		l.advance()
		return
	}
	if c == 'u' {
		if r, ok := l.unicodeEscape(); ok {
			b.WriteRune(r)
			return
		}
	}
	_, size := utf8.DecodeRune(l.src[l.off:])
	b.Write(l.src[l.off : l.off+size])
	l.advance()
}

// unicodeEscape decodes \uXXXX at l.off (on the 'u'), joining a UTF-16
// surrogate pair written as two escapes. A lone surrogate decodes to U+FFFD.
func (l *Lexer) unicodeEscape() (rune, bool) {
	r, ok := hex4(l.src[l.off+1:])
	if !ok {
		return 0, false
	}
	l.skipASCII(5)
	if !utf16.IsSurrogate(r) {
		return r, true
	}
	if l.peek(0) == '\\' && l.peek(1) == 'u' {
		if r2, ok := hex4(l.src[l.off+2:]); ok {
			if pair := utf16.DecodeRune(r, r2); pair != utf8.RuneError {
				l.skipASCII(6)
				return pair, true
			}
		}
	}
	return utf8.RuneError, true
}

func hex4(b []byte) (rune, bool) {
	if len(b) < 4 {
		return 0, false
	}
	var r rune
	for _, c := range b[:4] {
		var d byte
		switch {
		case isDigit(c):
			d = c - '0'
		case c >= 'a' && c <= 'f':
			d = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			d = c - 'A' + 10
		default:
			return 0, false
		}
		r = r<<4 | rune(d)
	}
	return r, true
}

func (l *Lexer) word() {
	for l.off < len(l.src) && (isLetter(l.src[l.off]) || isDigit(l.src[l.off])) {
		l.off++
		l.pos.Col++
	}
}

func (l *Lexer) wordToken(start int, pos Pos) Token {
	t := l.token(Ident, start, pos)
	if isKeyword(t.Lower) {
		t.Kind = Keyword
	}
	return t
}

// number reads digits with an optional fraction, exponent and L or D suffix.
func (l *Lexer) number() {
	l.digits()
	if l.peek(0) == '.' && isDigit(l.peek(1)) {
		l.skipASCII(1)
		l.digits()
	}
	if c := l.peek(0); c == 'e' || c == 'E' {
		n := 1
		if s := l.peek(1); s == '+' || s == '-' {
			n = 2
		}
		if isDigit(l.peek(n)) {
			l.skipASCII(n)
			l.digits()
		}
	}
	switch l.peek(0) {
	case 'l', 'L', 'd', 'D':
		l.skipASCII(1)
	}
}

func (l *Lexer) digits() {
	for isDigit(l.peek(0)) {
		l.skipASCII(1)
	}
}

func (l *Lexer) token(k TokenKind, start int, pos Pos) Token {
	text := l.text[start:l.off]
	lower := text
	if k == Ident || k == AnnotationName {
		lower = l.lower(text)
	}
	return Token{Kind: k, Text: text, Lower: lower, Pos: pos, Off: start, End: l.off}
}

// lower lower-cases a name. Names repeat through a file, so each distinct
// one is lower-cased and allocated once.
func (l *Lexer) lower(text string) string {
	upper := false
	for i := 0; i < len(text); i++ {
		if c := text[i]; 'A' <= c && c <= 'Z' || c >= utf8.RuneSelf {
			upper = true
			break
		}
	}
	if !upper {
		return text
	}
	if s, ok := l.lowers[text]; ok {
		return s
	}
	if l.lowers == nil {
		l.lowers = map[string]string{}
	}
	s := strings.ToLower(text)
	l.lowers[text] = s
	return s
}

func (l *Lexer) invalid(start int, pos Pos, msg string) Token {
	t := l.token(Invalid, start, pos)
	t.Err = msg
	return t
}

// advance moves past one character, counting lines and columns.
func (l *Lexer) advance() {
	c := l.src[l.off]
	switch {
	case c == '\r' && l.peek(1) == '\n':
		l.off += 2
		l.pos = Pos{Line: l.pos.Line + 1, Col: 1}
	case c == '\n' || c == '\r':
		l.off++
		l.pos = Pos{Line: l.pos.Line + 1, Col: 1}
	case c < utf8.RuneSelf:
		l.off++
		l.pos.Col++
	default:
		_, size := utf8.DecodeRune(l.src[l.off:])
		l.off += size
		l.pos.Col++
	}
}

// skipASCII moves past n characters known to be ASCII and not line ends.
func (l *Lexer) skipASCII(n int) {
	l.off += n
	l.pos.Col += n
}

// peek returns the byte n bytes ahead, or 0 past the end.
func (l *Lexer) peek(n int) byte {
	if l.off+n < len(l.src) {
		return l.src[l.off+n]
	}
	return 0
}

func isLetter(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_'
}

func isDigit(c byte) bool {
	return c >= '0' && c <= '9'
}
