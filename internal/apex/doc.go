// Package apex reads Apex classes (.cls) well enough to follow their HTTP
// callouts: which endpoint, HTTP method, headers and body each HttpRequest
// gets, and where those values come from.
//
// The data flows in three steps. Lex turns source into positioned tokens
// (1-based lines and columns counted in characters; comments are skipped but
// kept by the Lexer). Parse matches brackets once, reads class declarations,
// their members and the modifiers and annotations the rules need, and skips
// what it cannot read, so broken code still gives a best-effort File. Then
// each method body is scanned for local variables, HttpRequest variables and
// the setEndpoint, setMethod, setHeader and setBody calls made on them, and
// for calls of other methods of the same class.
//
// String expressions are evaluated into an Expr: a flat list of concatenated
// parts. String literals are decoded; method parameters become PartParam parts;
// EncodingUtil.urlEncode, String.escapeSingleQuotes, UserInfo.getSessionId
// and URL.getOrgDomainUrl (with or without toExternalForm) are recognised,
// with or without the System namespace. A static final String constant of
// the class and a String local declared once with an initializer and never
// assigned again are replaced by their value, whose parts keep the position
// where they are written. Everything else is a PartUnknown part holding its
// source text: the package never guesses a value.
//
// A helper that builds a request from its parameters is followed to its
// call sites in the same class, through up to eight helpers; see Callout
// for how the helper's own callout is marked.
//
// Known limits:
//   - There is no type inference: a name is a request only when declared as
//     HttpRequest (a local, a parameter or a field of the class), and values
//     other than strings are unknown.
//   - Only constants of the same class are substituted, written CONST or
//     ClassName.CONST; constants of other classes, of outer classes and
//     custom labels or metadata stay unknown.
//   - Locals share one namespace per method and control flow is ignored: a
//     local assigned twice, or declared twice in sibling blocks, is unknown;
//     a later setter call on the same request replaces an earlier one in the
//     summary fields (Callout.Calls keeps them all).
//   - Helpers are followed only within the class and only when the call has
//     as many arguments as the helper has parameters and no other overload of
//     that arity exists. A request set up partly in a helper that returns it
//     and partly in the caller gives two callouts, one for each part.
//   - Interfaces, enums and triggers are skipped; properties are read only
//     for their literals.
//   - Very large or deeply nested input is cut short by fixed limits (class
//     nesting, expression depth and size, callouts per class) rather than
//     analysed in full.
package apex
