package lwc

import (
	"bytes"
	"unicode"
	"unicode/utf8"
)

// kind is the lexical class of a token.
type kind uint8

const (
	kIdent        kind = iota // identifier or keyword
	kPunct                    // punctuator, one byte except ++, -- and ...
	kNumber                   // numeric literal
	kString                   // '...' or "..."
	kTemplate                 // `...` without substitutions
	kTemplateHead             // `...${
	kTemplateMid              // }...${
	kTemplateTail             // }...`
	kRegex                    // /.../flags
)

// token is one lexical token. Comments and white space produce none.
type token struct {
	kind       kind
	start, end int    // byte offsets in the source
	value      string // cooked text of strings and template pieces
	pos        Pos
}

// Entries of the lexer's group stack.
const (
	openParen    = '(' // ( of a call or an expression
	openCtlParen = 'c' // ( after if, while, for or with
	openBrace    = '{'
	openSubst    = '$' // ${ inside a template literal
)

// regexKeywords are the keywords after which an expression, and so a regular
// expression literal, may start.
var regexKeywords = map[string]bool{
	"return": true, "typeof": true, "instanceof": true, "in": true, "of": true,
	"new": true, "delete": true, "void": true, "throw": true, "case": true,
	"do": true, "else": true, "yield": true, "await": true,
}

// ctlKeywords are the statements whose parenthesised condition may be
// followed directly by a regular expression literal.
var ctlKeywords = map[string]bool{"if": true, "while": true, "for": true, "with": true}

type lexer struct {
	src  []byte
	off  int
	toks []token
	// stack holds the open groups the lexer must see: a } closes either a
	// block or a template substitution, and a ) after if (...) is followed
	// by a statement, where / starts a regular expression.
	stack   []byte
	ctlExit bool // the last token is a ) that closed an if/while/for/with condition
}

// lex splits src into tokens, each with its position. Every step consumes at
// least one byte, so lex ends on any input.
func lex(src []byte) []token {
	l := &lexer{src: src}
	l.skipHashbang()
	for l.off < len(l.src) {
		l.step()
	}
	setPositions(src, l.toks)
	return l.toks
}

// skipHashbang skips a #! line at the start, after any byte order mark.
func (l *lexer) skipHashbang() {
	rest := bytes.TrimPrefix(l.src, []byte(byteOrderMark))
	if bytes.HasPrefix(rest, []byte("#!")) {
		l.off = l.lineEnd(0)
	}
}

func (l *lexer) step() {
	c := l.src[l.off]
	switch {
	case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f':
		l.off++
	case c == '/':
		l.slash()
	case c == '"' || c == '\'':
		l.str(c)
	case c == '`':
		l.template(l.off, true)
	case isDigit(c) || c == '.' && isDigit(l.at(l.off+1)):
		l.number()
	case isIdentByte(c):
		l.ident()
	case c >= utf8.RuneSelf:
		l.unicode()
	default:
		l.punct()
	}
}

// at returns the byte at i, or 0 past the end.
func (l *lexer) at(i int) byte {
	if i < len(l.src) {
		return l.src[i]
	}
	return 0
}

func (l *lexer) emit(k kind, start int, value string) {
	l.toks = append(l.toks, token{kind: k, start: start, end: l.off, value: value})
	l.ctlExit = false
}

// lineEnd returns the offset of the first line terminator at or after i.
func (l *lexer) lineEnd(i int) int {
	for i < len(l.src) && l.src[i] != '\n' && l.src[i] != '\r' {
		i++
	}
	return i
}

func (l *lexer) slash() {
	switch l.at(l.off + 1) {
	case '/':
		l.off = l.lineEnd(l.off)
		return
	case '*':
		l.blockComment()
		return
	}
	if l.regexAllowed() {
		if end := l.regexEnd(); end > 0 {
			start := l.off
			l.off = end
			l.emit(kRegex, start, "")
			return
		}
	}
	l.punct()
}

func (l *lexer) blockComment() {
	for i := l.off + 2; i+1 < len(l.src); i++ {
		if l.src[i] == '*' && l.src[i+1] == '/' {
			l.off = i + 2
			return
		}
	}
	l.off = len(l.src)
}

// regexEnd returns the offset just past the regular expression literal that
// starts at l.off, flags included, or -1 when none ends on this line.
func (l *lexer) regexEnd() int {
	inClass := false
	for i := l.off + 1; i < len(l.src); i++ {
		switch l.src[i] {
		case '\n', '\r':
			return -1
		case '\\':
			if c := l.at(i + 1); c == '\n' || c == '\r' {
				return -1
			}
			i++
		case '[':
			inClass = true
		case ']':
			inClass = false
		case '/':
			if !inClass {
				return l.identEnd(i + 1)
			}
		}
	}
	return -1
}

// regexAllowed reports whether a / at this point starts a regular
// expression: it does where an expression may start, and divides after
// something that ends one.
func (l *lexer) regexAllowed() bool {
	n := len(l.toks)
	if n == 0 {
		return true
	}
	t := l.toks[n-1]
	switch t.kind {
	case kNumber, kString, kTemplate, kTemplateTail, kRegex:
		return false
	case kTemplateHead, kTemplateMid:
		return true
	case kIdent:
		if n > 1 && l.isPunct(n-2, ".") {
			return false // a property named like a keyword
		}
		return regexKeywords[string(l.src[t.start:t.end])]
	}
	switch string(l.src[t.start:t.end]) {
	case ")":
		return l.ctlExit
	case "]", "++", "--":
		return false
	}
	return true
}

func (l *lexer) isPunct(i int, p string) bool {
	t := l.toks[i]
	return t.kind == kPunct && string(l.src[t.start:t.end]) == p
}

// str scans a quoted string. An unescaped line terminator ends it, as it
// ends a broken string in every editor.
func (l *lexer) str(quote byte) {
	start := l.off
	i := l.off + 1
	for i < len(l.src) {
		c := l.src[i]
		if c == quote {
			break
		}
		if c == '\n' || c == '\r' {
			break
		}
		if c == '\\' {
			i += escapeLen(l.src, i)
			continue
		}
		i++
	}
	body := l.src[start+1 : min(i, len(l.src))]
	if i < len(l.src) && l.src[i] == quote {
		i++
	}
	l.off = i
	l.emit(kString, start, cook(body, false))
}

// escapeLen returns the length of the backslash sequence at src[i], so that
// an escaped quote, backtick or line end does not end the literal.
func escapeLen(src []byte, i int) int {
	if i+2 < len(src) && src[i+1] == '\r' && src[i+2] == '\n' {
		return 3
	}
	return min(2, len(src)-i)
}

// template scans template text from start, which holds the opening backtick
// (head is true) or the } that closes a substitution. It stops after the
// closing backtick or after a ${, which opens a substitution.
func (l *lexer) template(start int, head bool) {
	i := start + 1
	for i < len(l.src) {
		switch c := l.src[i]; {
		case c == '`':
			l.off = i + 1
			l.emit(pick(head, kTemplate, kTemplateTail), start, cook(l.src[start+1:i], true))
			return
		case c == '$' && l.at(i+1) == '{':
			l.off = i + 2
			l.emit(pick(head, kTemplateHead, kTemplateMid), start, cook(l.src[start+1:i], true))
			l.stack = append(l.stack, openSubst)
			return
		case c == '\\':
			i += escapeLen(l.src, i)
		default:
			i++
		}
	}
	l.off = len(l.src)
	l.emit(pick(head, kTemplate, kTemplateTail), start, cook(l.src[start+1:], true))
}

func pick(head bool, first, later kind) kind {
	if head {
		return first
	}
	return later
}

// number scans a numeric literal loosely: its digits, letters (hex digits,
// exponent, BigInt suffix), one decimal point and an exponent sign.
func (l *lexer) number() {
	start := l.off
	i := start
	radix := l.src[i] == '0' && isLetter(l.at(i+1))
	dot := false
	for i < len(l.src) {
		c := l.src[i]
		switch {
		case isIdentByte(c):
		case c == '.' && !dot && !radix:
			dot = true
		case (c == '+' || c == '-') && !radix && i > start && (l.src[i-1]|0x20) == 'e':
		default:
			l.off = i
			l.emit(kNumber, start, "")
			return
		}
		i++
	}
	l.off = i
	l.emit(kNumber, start, "")
}

func (l *lexer) ident() {
	start := l.off
	l.off = l.identEnd(l.off)
	l.emit(kIdent, start, "")
}

// identEnd returns the end of the identifier characters from i. Non-ASCII
// runes other than white space count as identifier characters, which keeps
// invalid UTF-8 inside one harmless token.
func (l *lexer) identEnd(i int) int {
	for i < len(l.src) {
		c := l.src[i]
		if isIdentByte(c) {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			return i
		}
		r, n := utf8.DecodeRune(l.src[i:])
		if isSpace(r) {
			return i
		}
		i += n
	}
	return i
}

// unicode handles a non-ASCII rune outside literals: white space such as
// NBSP or a byte order mark is skipped, anything else starts an identifier.
func (l *lexer) unicode() {
	r, n := utf8.DecodeRune(l.src[l.off:])
	if isSpace(r) {
		l.off += n
		return
	}
	l.ident()
}

func isSpace(r rune) bool {
	return r == 0xFEFF || unicode.IsSpace(r)
}

func (l *lexer) punct() {
	start := l.off
	c := l.src[l.off]
	switch {
	case (c == '+' || c == '-') && l.at(l.off+1) == c:
		l.off += 2
	case c == '.' && l.at(l.off+1) == '.' && l.at(l.off+2) == '.':
		l.off += 3
	default:
		l.off++
	}
	switch c {
	case '}':
		if l.closeBrace(start) {
			return
		}
	case '(':
		l.openParen()
	case '{':
		l.stack = append(l.stack, openBrace)
	}
	l.emit(kPunct, start, "")
	if c == ')' {
		l.closeParen()
	}
}

// openParen remembers whether this ( holds the condition of a statement.
func (l *lexer) openParen() {
	open := byte(openParen)
	if n := len(l.toks); n > 0 && l.toks[n-1].kind == kIdent {
		t := l.toks[n-1]
		if ctlKeywords[string(l.src[t.start:t.end])] && (n < 2 || !l.isPunct(n-2, ".")) {
			open = openCtlParen
		}
	}
	l.stack = append(l.stack, open)
}

// closeParen pops a matching ( and notes whether it closed a condition. A
// stray ) leaves braces and substitutions open.
func (l *lexer) closeParen() {
	n := len(l.stack)
	if n == 0 || l.stack[n-1] != openParen && l.stack[n-1] != openCtlParen {
		return
	}
	l.ctlExit = l.stack[n-1] == openCtlParen
	l.stack = l.stack[:n-1]
}

// closeBrace handles the } at start. Parentheses left open inside the block
// or substitution are dropped. It reports true when the } ended a template
// substitution, in which case the template text that follows was scanned.
func (l *lexer) closeBrace(start int) bool {
	n := len(l.stack)
	for n > 0 && (l.stack[n-1] == openParen || l.stack[n-1] == openCtlParen) {
		n--
	}
	l.stack = l.stack[:n]
	if n == 0 {
		return false
	}
	top := l.stack[n-1]
	l.stack = l.stack[:n-1]
	if top == openSubst {
		l.template(start, false)
		return true
	}
	return false
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func isLetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

func isIdentByte(c byte) bool {
	return isLetter(c) || isDigit(c) || c == '_' || c == '$'
}
