package lwc

import (
	"bytes"
	"unicode/utf8"
)

// byteOrderMark may open a file; it is not part of the first line's text.
const byteOrderMark = "\uFEFF"

// Pos is a 1-based line and column; columns count characters (runes).
type Pos struct {
	Line, Col int
}

// setPositions fills in the position of every token in one pass; the
// tokens are in source order. A byte order mark at the start takes no
// column, since editors do not show it.
func setPositions(src []byte, toks []token) {
	pos := Pos{Line: 1, Col: 1}
	off := 0
	if bytes.HasPrefix(src, []byte(byteOrderMark)) {
		off = len(byteOrderMark)
	}
	for i := range toks {
		for off < toks[i].start {
			off = advance(src, off, &pos)
		}
		toks[i].pos = pos
	}
}

// advance moves past the character at off, updating pos, and returns the
// offset after it. CRLF counts as one line end.
func advance(src []byte, off int, pos *Pos) int {
	c := src[off]
	switch {
	case c == '\r' && off+1 < len(src) && src[off+1] == '\n':
		return off + 1
	case c == '\n' || c == '\r':
		pos.Line++
		pos.Col = 1
		return off + 1
	case c < utf8.RuneSelf:
		pos.Col++
		return off + 1
	}
	_, n := utf8.DecodeRune(src[off:])
	pos.Col++
	return off + n
}
