// Package parse reads the files of an SFDX project into positioned trees: the
// metadata XML (every kept element with its line and column), sfdx-project.json
// and .forceignore.
//
// The XML reader is driven by the type's WSDL schema. It keeps only the
// elements a caller asks for, so a 500 KB permission set costs a token scan
// and a handful of small nodes, not a generic tree of every field permission.
// Elements the schema does not know are remembered by name and position
// rather than kept.
package parse

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/sflint/sflint/internal/metadata"
)

// Limits that keep a hostile file from making the reader grow without bound.
// Real metadata is a few levels deep and at most a few megabytes (large
// profiles); a file beyond these is reported, not read.
const (
	MaxDepth    = 256
	MaxSize     = 64 << 20
	MaxUnknowns = 100 // unknown elements remembered per file
)

// Pos is a 1-based line and column (columns count characters).
type Pos struct {
	Line, Col int
}

// Element is one kept XML element.
type Element struct {
	Name     string
	Pos      Pos // position of the '<' of the start tag
	Text     string
	Children []*Element
}

// Child returns the first child with the given name, or nil.
func (e *Element) Child(name string) *Element {
	if e == nil {
		return nil
	}
	for _, c := range e.Children {
		if c.Name == name {
			return c
		}
	}
	return nil
}

// ChildText returns the trimmed text of the first child with the given name.
func (e *Element) ChildText(name string) string {
	if c := e.Child(name); c != nil {
		return c.Text
	}
	return ""
}

// Unknown is an element that the type's schema does not declare.
type Unknown struct {
	Path string // slash-separated element path below the root, e.g. "principals"
	Pos  Pos
}

// SyntaxError says why a document is not well-formed, and where.
type SyntaxError struct {
	Pos Pos
	Msg string
}

func (e *SyntaxError) Error() string { return fmt.Sprintf("%d:%d: %s", e.Pos.Line, e.Pos.Col, e.Msg) }

// Document is a parsed metadata XML file.
type Document struct {
	Root    *Element // nil when the file has no root element
	Unknown []Unknown
}

// Options select what the reader keeps.
type Options struct {
	// Schema describes the root type; nil accepts and keeps every element.
	Schema *metadata.ComplexType
	// Keep, when non-nil, names the root's children to keep; the rest are
	// scanned for well-formedness and dropped.
	Keep map[string]bool
}

// XML reads one metadata document. A document that is not well-formed yields
// a *SyntaxError; whatever was read before the error is not returned.
func XML(data []byte, opt Options) (*Document, error) {
	if err := precheck(data); err != nil {
		return nil, err
	}
	return read(data, opt, true)
}

// read is XML with the skipping of dropped sections switched on or off; the
// tests compare the two.
func read(data []byte, opt Options, skip bool) (*Document, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	r := reader{
		data:   data,
		pos:    Pos{Line: 1, Col: 1},
		opt:    opt,
		noSkip: !skip,
	}
	r.resume(0)
	doc, err := r.document()
	if err != nil {
		return nil, err
	}
	return doc, nil
}

// precheck refuses what the decoder would report confusingly: oversized
// files and UTF-16, with or without a byte-order mark.
func precheck(data []byte) error {
	switch {
	case len(data) > MaxSize:
		return &SyntaxError{Pos: Pos{1, 1},
			Msg: fmt.Sprintf("file is %d MiB, larger than the %d MiB sflint reads", len(data)>>20, MaxSize>>20)}
	case bytes.HasPrefix(data, []byte{0xff, 0xfe}), bytes.HasPrefix(data, []byte{0xfe, 0xff}),
		len(data) >= 2 && (data[0] == 0 || data[1] == 0):
		return &SyntaxError{Pos: Pos{1, 1}, Msg: "file is UTF-16 encoded; metadata files must be UTF-8"}
	}
	return nil
}

func refuseCharset(label string, _ io.Reader) (io.Reader, error) {
	return nil, fmt.Errorf("encoding %q is not supported; metadata files are UTF-8", label)
}

type frame struct {
	el     *Element // nil when the element is not kept
	schema *metadata.ComplexType
	path   string
	text   strings.Builder
	open   bool // schema-less: keep everything below
	// dropped marks a root child that Options.Keep leaves out: its content
	// may be skipped without the decoder.
	dropped bool
}

type reader struct {
	dec    *xml.Decoder
	noSkip bool
	base   int64 // offset in data of the decoder's first byte
	// baseLines is the number of lines before base: the decoder counts
	// lines from where it started.
	baseLines int
	data      []byte
	opt       Options

	// Position cursor: offsets only grow, so positions are computed in one pass.
	off int64
	pos Pos

	stack []*frame
	doc   Document
	done  bool // root closed
}

// at converts a byte offset to a position.
func (r *reader) at(off int64) Pos {
	if off > int64(len(r.data)) {
		off = int64(len(r.data))
	}
	// Most spans hold no carriage return: count their lines and the
	// characters of the last one in bulk. Skipped sections make these spans
	// long.
	if r.off < off {
		seg := r.data[r.off:off]
		if bytes.IndexByte(seg, '\r') < 0 {
			if last := bytes.LastIndexByte(seg, '\n'); last >= 0 {
				r.pos.Line += bytes.Count(seg, []byte{'\n'})
				r.pos.Col = 1 + utf8.RuneCount(seg[last+1:])
			} else {
				r.pos.Col += utf8.RuneCount(seg)
			}
			r.off = off
			return r.pos
		}
	}
	for r.off < off {
		c := r.data[r.off]
		switch {
		case c == '\n':
			r.pos.Line++
			r.pos.Col = 1
			r.off++
		case c == '\r':
			if r.off+1 < int64(len(r.data)) && r.data[r.off+1] == '\n' {
				r.off++
				continue
			}
			r.pos.Line++
			r.pos.Col = 1
			r.off++
		case c < utf8.RuneSelf:
			r.pos.Col++
			r.off++
		default:
			_, n := utf8.DecodeRune(r.data[r.off:])
			r.pos.Col++
			r.off += int64(n)
		}
	}
	return r.pos
}

func (r *reader) fail(off int64, format string, args ...any) error {
	return &SyntaxError{Pos: r.at(off), Msg: fmt.Sprintf(format, args...)}
}

// resume starts a decoder at offset base of the document. The decoder keeps
// no state that matters between tokens (RawToken does not match tags; the
// reader does), so a new one can take over after a skipped section.
func (r *reader) resume(base int64) {
	r.base = base
	r.baseLines = r.at(base).Line - 1
	r.dec = xml.NewDecoder(bytes.NewReader(r.data[base:]))
	r.dec.Strict = true
	r.dec.CharsetReader = refuseCharset
}

// offset is the decoder's position in the document.
func (r *reader) offset() int64 { return r.base + r.dec.InputOffset() }

// skip passes over the content of the dropped element that the decoder has
// just opened, at scanner speed, when skipSection vouches for it.
func (r *reader) skip(t xml.StartElement) {
	f := r.stack[len(r.stack)-1]
	from := r.offset()
	if r.noSkip || !f.dropped || t.Name.Space != "" || from < 2 || r.data[from-2] == '/' {
		return
	}
	end, ok := skipSection(r.data, int(from), t.Name.Local, MaxDepth-len(r.stack))
	if !ok {
		return
	}
	r.stack = r.stack[:len(r.stack)-1]
	// Dropped sections come in long runs (thousands of field permissions):
	// skip the ones that follow too, before starting a decoder again.
	for {
		next, name, ok := r.droppedAt(end)
		if !ok {
			break
		}
		after, ok := skipSection(r.data, next, name, MaxDepth-len(r.stack)-1)
		if !ok {
			break
		}
		end = after
	}
	r.resume(int64(end))
}

// droppedAt reports whether white space and then the plain start tag of a
// root child that Options.Keep drops begin at off, and returns the offset
// past that tag and its name.
func (r *reader) droppedAt(off int) (int, string, bool) {
	i := off + spaceLen(r.data[off:])
	if i >= len(r.data) || r.data[i] != '<' || len(r.stack) != 1 || r.opt.Keep == nil || r.opt.Schema == nil {
		return 0, "", false
	}
	n := nameLen(r.data[i+1:])
	j := i + 1 + n
	if n == 0 || j >= len(r.data) || r.data[j] != '>' {
		return 0, "", false
	}
	name := string(r.data[i+1 : j])
	if r.opt.Keep[name] || r.opt.Schema.Field(name) == nil {
		return 0, "", false
	}
	return j + 1, name, true
}

func (r *reader) document() (*Document, error) {
	for {
		start := r.offset()
		tok, err := r.dec.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, r.syntax(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if err := r.start(t, start); err != nil {
				return nil, err
			}
			r.skip(t)
		case xml.EndElement:
			if err := r.end(t, start); err != nil {
				return nil, err
			}
		case xml.CharData:
			if err := r.chars(t, start); err != nil {
				return nil, err
			}
		case xml.Directive:
			// A DOCTYPE may define entities; they are never expanded (the
			// decoder rejects references to undefined entities), but the
			// declaration itself has no place in metadata.
			return nil, r.fail(start, "DOCTYPE and other declarations are not allowed in metadata files")
		}
	}
	if len(r.stack) > 0 {
		return nil, r.fail(int64(len(r.data)), "unexpected end of file: <%s> is not closed",
			r.stack[len(r.stack)-1].name())
	}
	if r.doc.Root == nil {
		return nil, r.fail(int64(len(r.data)), "no root element")
	}
	return &r.doc, nil
}

func (f *frame) name() string {
	if f.el != nil {
		return f.el.Name
	}
	i := strings.LastIndexByte(f.path, '/')
	return f.path[i+1:]
}

// syntax turns a decoder error into a positioned one.
func (r *reader) syntax(err error) error {
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		p := r.at(r.offset())
		if line := r.baseLines + se.Line; line > p.Line {
			p = Pos{Line: line, Col: 1}
		}
		return &SyntaxError{Pos: p, Msg: se.Msg}
	}
	return &SyntaxError{Pos: r.at(r.offset()), Msg: err.Error()}
}

func (r *reader) start(t xml.StartElement, off int64) error {
	if r.done {
		return r.fail(off, "content after the root element")
	}
	if len(r.stack) >= MaxDepth {
		return r.fail(off, "elements nested deeper than %d levels", MaxDepth)
	}
	name := t.Name.Local
	f := &frame{}
	if len(r.stack) == 0 {
		f.el = &Element{Name: name, Pos: r.at(off)}
		f.schema = r.opt.Schema
		f.open = r.opt.Schema == nil
		r.doc.Root = f.el
		r.stack = append(r.stack, f)
		return nil
	}
	parent := r.stack[len(r.stack)-1]
	f.path = strings.TrimPrefix(parent.path+"/"+name, "/")
	switch {
	case parent.el == nil:
		// Inside a dropped element: scan only.
	case parent.open:
		f.el = &Element{Name: name, Pos: r.at(off)}
		f.open = true
	default:
		fld := parent.schema.Field(name)
		if fld == nil {
			if len(r.doc.Unknown) < MaxUnknowns {
				r.doc.Unknown = append(r.doc.Unknown, Unknown{Path: f.path, Pos: r.at(off)})
			}
			break
		}
		if len(r.stack) == 1 && r.opt.Keep != nil && !r.opt.Keep[name] {
			f.dropped = true
			break
		}
		f.el = &Element{Name: name, Pos: r.at(off)}
		// A simple-typed element with children (LWC targetConfigs, typed
		// as a string in the WSDL) keeps them as they are.
		f.schema = metadata.Schema(fld.Complex)
		f.open = f.schema == nil
	}
	if f.el != nil {
		parent.el.Children = append(parent.el.Children, f.el)
	}
	r.stack = append(r.stack, f)
	return nil
}

func (r *reader) end(t xml.EndElement, off int64) error {
	if len(r.stack) == 0 {
		return r.fail(off, "unexpected end tag </%s>", t.Name.Local)
	}
	f := r.stack[len(r.stack)-1]
	if name := f.name(); name != t.Name.Local {
		return r.fail(off, "element <%s> closed by </%s>", name, t.Name.Local)
	}
	if f.el != nil && len(f.el.Children) == 0 {
		f.el.Text = strings.TrimSpace(f.text.String())
	}
	r.stack = r.stack[:len(r.stack)-1]
	if len(r.stack) == 0 {
		r.done = true
	}
	return nil
}

func (r *reader) chars(t xml.CharData, off int64) error {
	if len(r.stack) == 0 {
		if trimmed := bytes.TrimLeft(t, " \t\r\n"); len(trimmed) > 0 {
			return r.fail(off+int64(len(t)-len(trimmed)), "text outside the root element")
		}
		return nil
	}
	if f := r.stack[len(r.stack)-1]; f.el != nil {
		f.text.Write(t)
	}
	return nil
}
