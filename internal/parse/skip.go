package parse

import (
	"bytes"
	"unicode/utf8"
)

// skipSection finds the end of an element whose start tag ends just before
// data[from], without tokenizing it: it returns the offset just past the
// matching end tag. It accepts only a plain subset of XML (elements without
// attributes, text with the five predefined entities, comments), all of
// which the decoder accepts too; on anything else (attributes, character
// references, CDATA, processing instructions, declarations, a character the
// decoder would refuse, mismatched tags, the end of input) it returns false,
// and the caller reads the section with the decoder, which then accepts it
// or reports the error exactly as it always does. Skipping is therefore an
// optimisation that never changes a result. maxDepth bounds the nesting
// below the skipped element.
func skipSection(data []byte, from int, name string, maxDepth int) (int, bool) {
	stack := []string{name}
	i := from
	for {
		lt := bytes.IndexByte(data[i:], '<')
		if lt < 0 || !plainText(data[i:i+lt]) || bytes.Contains(data[i:i+lt], []byte("]]>")) {
			return 0, false
		}
		i += lt + 1
		if i >= len(data) {
			return 0, false
		}
		switch data[i] {
		case '/':
			n := nameLen(data[i+1:])
			j := i + 1 + n
			if n == 0 || string(data[i+1:j]) != stack[len(stack)-1] {
				return 0, false
			}
			j += spaceLen(data[j:])
			if j >= len(data) || data[j] != '>' {
				return 0, false
			}
			i = j + 1
			stack = stack[:len(stack)-1]
			if len(stack) == 0 {
				return i, true
			}
		case '!':
			if !bytes.HasPrefix(data[i:], []byte("!--")) {
				return 0, false
			}
			end := bytes.Index(data[i+3:], []byte("--"))
			if end < 0 || i+3+end+2 >= len(data) || data[i+3+end+2] != '>' ||
				!plainText(data[i+3:i+3+end]) {
				return 0, false
			}
			i += 3 + end + 3
		default:
			n := nameLen(data[i:])
			if n == 0 {
				return 0, false
			}
			j := i + n
			switch {
			case j < len(data) && data[j] == '>':
				if len(stack) >= maxDepth {
					return 0, false
				}
				stack = append(stack, string(data[i:j]))
				i = j + 1
			case j+1 < len(data) && data[j] == '/' && data[j+1] == '>':
				i = j + 2
			default:
				return 0, false
			}
		}
	}
}

// nameLen is the length of the ASCII XML name at the start of b: a letter or
// '_' then letters, digits, '_', '-', '.' and ':'. Other names are left to
// the decoder.
func nameLen(b []byte) int {
	n := 0
	for n < len(b) {
		c := b[n]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', c == '_':
		case n > 0 && ('0' <= c && c <= '9' || c == '-' || c == '.' || c == ':'):
		default:
			return n
		}
		n++
	}
	return n
}

func spaceLen(b []byte) int {
	n := 0
	for n < len(b) && (b[n] == ' ' || b[n] == '\t' || b[n] == '\n' || b[n] == '\r') {
		n++
	}
	return n
}

// entities are the references plainText accepts after '&'.
var entities = [][]byte{[]byte("lt;"), []byte("gt;"), []byte("amp;"), []byte("apos;"), []byte("quot;")}

// plainText reports whether b is character data the decoder accepts: valid
// UTF-8 of XML characters, with '&' only in a predefined entity.
func plainText(b []byte) bool {
	for i := 0; i < len(b); {
		c := b[i]
		switch {
		case c == '&':
			ok := false
			for _, e := range entities {
				if bytes.HasPrefix(b[i+1:], e) {
					i += 1 + len(e)
					ok = true
					break
				}
			}
			if !ok {
				return false
			}
		case c >= 0x20 && c < utf8.RuneSelf, c == '\n', c == '\t', c == '\r':
			i++
		case c < 0x20:
			return false
		default:
			r, size := utf8.DecodeRune(b[i:])
			if r == utf8.RuneError || !isXMLChar(r) {
				return false
			}
			i += size
		}
	}
	return true
}

// isXMLChar is the XML 1.0 Char production for characters outside ASCII.
func isXMLChar(r rune) bool {
	return r <= 0xD7FF || 0xE000 <= r && r <= 0xFFFD || 0x10000 <= r && r <= 0x10FFFF
}
