package lwc

import (
	"bytes"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// simpleEscapes maps the character after a backslash to what it stands for.
var simpleEscapes = map[byte]byte{
	'n': '\n', 't': '\t', 'r': '\r', 'b': '\b', 'f': '\f', 'v': '\v', '0': 0,
}

// cook returns the value of the body of a string literal or of a piece of
// template text: escapes decoded and, in a template, line ends read as LF.
// Malformed escapes stand for themselves.
func cook(raw []byte, template bool) string {
	if bytes.IndexByte(raw, '\\') < 0 && (!template || bytes.IndexByte(raw, '\r') < 0) {
		return string(raw)
	}
	var b strings.Builder
	for i := 0; i < len(raw); {
		switch c := raw[i]; {
		case c == '\\':
			i = unescape(&b, raw, i+1)
		case c == '\r' && template:
			b.WriteByte('\n')
			i++
			if i < len(raw) && raw[i] == '\n' {
				i++
			}
		default:
			b.WriteByte(c)
			i++
		}
	}
	return b.String()
}

// unescape writes what the escape whose body starts at raw[i] stands for and
// returns the offset after it.
func unescape(b *strings.Builder, raw []byte, i int) int {
	if i >= len(raw) {
		return i
	}
	c := raw[i]
	if v, ok := simpleEscapes[c]; ok {
		b.WriteByte(v)
		return i + 1
	}
	switch c {
	case '\r':
		if i+1 < len(raw) && raw[i+1] == '\n' {
			return i + 2
		}
		return i + 1
	case '\n':
		return i + 1
	case 'x':
		if v, ok := hexValue(raw, i+1, i+3); ok {
			b.WriteRune(rune(v))
			return i + 3
		}
	case 'u':
		return unescapeUnicode(b, raw, i)
	}
	r, n := utf8.DecodeRune(raw[i:])
	if r != 0x2028 && r != 0x2029 { // a line continuation stands for nothing
		b.Write(raw[i : i+n])
	}
	return i + n
}

// unescapeUnicode decodes \uXXXX, a surrogate pair of them, or \u{X...},
// with raw[i] the u.
func unescapeUnicode(b *strings.Builder, raw []byte, i int) int {
	if i+1 < len(raw) && raw[i+1] == '{' {
		end := bytes.IndexByte(raw[i+2:min(len(raw), i+2+16)], '}')
		if end >= 0 {
			v, ok := hexValue(raw, i+2, i+2+end)
			if ok && v <= utf8.MaxRune {
				b.WriteRune(rune(v))
				return i + 3 + end
			}
		}
		b.WriteByte('u')
		return i + 1
	}
	v, ok := hexValue(raw, i+1, i+5)
	if !ok {
		b.WriteByte('u')
		return i + 1
	}
	r := rune(v)
	if utf16.IsSurrogate(r) && i+6 < len(raw) && raw[i+5] == '\\' && raw[i+6] == 'u' {
		if lo, ok := hexValue(raw, i+7, i+11); ok {
			if pair := utf16.DecodeRune(r, rune(lo)); pair != utf8.RuneError {
				b.WriteRune(pair)
				return i + 11
			}
		}
	}
	b.WriteRune(r) // a lone surrogate becomes U+FFFD
	return i + 5
}

// hexValue parses raw[from:to] as hexadecimal digits.
func hexValue(raw []byte, from, to int) (uint64, bool) {
	if from >= to || to > len(raw) {
		return 0, false
	}
	for _, c := range raw[from:to] {
		if !isDigit(c) && !('a' <= c|0x20 && c|0x20 <= 'f') {
			return 0, false
		}
	}
	v, err := strconv.ParseUint(string(raw[from:to]), 16, 32)
	return v, err == nil
}
