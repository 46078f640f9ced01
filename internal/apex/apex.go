package apex

import "fmt"

// File is what Parse found in one Apex source file.
type File struct {
	Classes []*Class // top-level classes in source order
}

// Class is a class with what the linter needs from it.
type Class struct {
	Name        string
	Pos         Pos    // the class name
	Visibility  string // public, private, global, protected or ""
	Sharing     string // "with sharing", "without sharing", "inherited sharing" or ""
	Annotations []Annotation
	Methods     []*Method  // methods and constructors in source order
	Constants   []Constant // static final fields with an initializer
	Callouts    []*Callout // sorted by position, see Callout.Template
	Literals    []Literal  // every string literal outside inner classes
	SessionIDs  []Use      // every UserInfo.getSessionId() outside inner classes
	Inner       []*Class   // inner classes in source order
}

// Annotation is an annotation such as @AuraEnabled(cacheable=true).
type Annotation struct {
	Name string // as written, without the '@'
	Pos  Pos    // the '@'
	// Params maps lower-cased parameter names to values: a string literal's
	// decoded value, or the lower-cased text of any other single token.
	Params map[string]string
}

// Method is a method or, when ReturnType is "", a constructor.
type Method struct {
	Name        string
	Pos         Pos    // the method name
	Visibility  string // public, private, global, protected or ""
	Static      bool
	AuraEnabled bool
	Cacheable   bool // @AuraEnabled(cacheable=true), in any case
	ReturnType  string
	Params      []Param
	Annotations []Annotation
}

// Param is a method parameter.
type Param struct {
	Name string
	Type string // token texts joined without spaces, e.g. Map<String,Object>
	Pos  Pos    // the parameter name
}

// Constant is a static final field with an initializer.
type Constant struct {
	Name  string
	Type  string
	Pos   Pos // the field name
	Value Expr
}

// Literal is a string literal of the class.
type Literal struct {
	Value    string // decoded
	Pos      Pos    // the opening quote
	InMethod string // the enclosing method, "" outside methods
}

// Use is one place where something is used.
type Use struct {
	Pos      Pos
	InMethod string
}

// Callout is one HttpRequest and the calls made on it.
//
// A callout found in a method whose request depends on the method's
// parameters (a helper such as send(method, path)) is followed to every call
// site of that method in the same class. Each call site gives one more
// Callout, with the parameters replaced by the call's argument expressions;
// its Pos and InMethod are those of the call site and Via names the helpers
// followed. Its setter positions stay those in the helper, while the parts
// that came from the call's arguments point into the caller, at the literal
// to blame. The helper's own callout is kept with Template set, so that
// consumers can skip it and report only at the call sites. A helper without
// call sites in the class keeps an ordinary callout with PartParam parts.
type Callout struct {
	Request  string // the HttpRequest variable as written
	InMethod string // "" in an initializer block
	// Pos is the 'new' of 'new HttpRequest()', or the first setter call when
	// the request was made elsewhere, or for a followed callout the helper's
	// name at the call site.
	Pos      Pos
	Via      []string // helpers followed, outermost first; nil for direct callouts
	Template bool     // followed to call sites that are reported separately
	Calls    []Call   // every setter call on the request, in source order

	// The fields below summarise Calls; a later setter replaces an earlier one.
	// Setter positions are those of the setter's name (setEndpoint).
	Method      Expr // nil when setMethod is never called
	MethodPos   Pos
	Endpoint    Expr // nil when setEndpoint is never called
	EndpointPos Pos
	Headers     []Header
	Body        *Expr // nil when setBody is never called
	BodyPos     Pos
}

// Call is one setter call on a request.
type Call struct {
	Name string // setEndpoint, setMethod, setHeader or setBody, as written
	Pos  Pos    // the setter's name
	Args []Expr
}

// Header is one setHeader call.
type Header struct {
	Name  Expr
	Value Expr // nil when the call has a single argument
	Pos   Pos  // the setHeader name
}

// Parse reads Apex source. It never fails: on broken code it keeps what it
// could recognise and skips the rest.
func Parse(src []byte) *File {
	b := bufferPool.Get().(*buffers)
	p := newParser(src, b)
	f := &File{Classes: p.file()}
	if cap(b.toks) <= maxPooledTokens {
		// What the file kept are strings of its source, never tokens.
		clear(b.toks)
		bufferPool.Put(b)
	}
	return f
}

// AllClasses returns the top-level classes and their inner classes, each class
// followed by its inner classes.
func (f *File) AllClasses() []*Class {
	var all []*Class
	var walk func([]*Class)
	walk = func(cs []*Class) {
		for _, c := range cs {
			all = append(all, c)
			walk(c.Inner)
		}
	}
	walk(f.Classes)
	return all
}

func (p Pos) String() string {
	return fmt.Sprintf("%d:%d", p.Line, p.Col)
}

// before orders positions.
func (p Pos) before(q Pos) bool {
	return p.Line < q.Line || p.Line == q.Line && p.Col < q.Col
}
