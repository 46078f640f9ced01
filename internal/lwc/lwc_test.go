package lwc

import (
	"os"
	"reflect"
	"testing"
)

func apex(local, ns, class, method string, line, col int) ApexImport {
	mod := ApexPrefix + class + "." + method
	if ns != "" {
		mod = ApexPrefix + ns + "." + class + "." + method
	}
	return ApexImport{
		Local: local, Namespace: ns, Class: class, Method: method, Module: mod,
		Pos: Pos{line, col},
	}
}

func call(fn, url, expr string, line, col int) Call {
	return Call{Func: fn, URL: url, URLExpr: expr, Pos: Pos{line, col}}
}

func lit(value string, line, col int) Literal {
	return Literal{Value: value, Pos: Pos{line, col}}
}

func TestScanImports(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		src  string
		want []ApexImport
	}{
		{
			name: "single quotes",
			src:  "import getItems from '@salesforce/apex/ItemController.getItems';",
			want: []ApexImport{apex("getItems", "", "ItemController", "getItems", 1, 22)},
		},
		{
			name: "double quotes",
			src:  `import save from "@salesforce/apex/ItemController.save";`,
			want: []ApexImport{apex("save", "", "ItemController", "save", 1, 18)},
		},
		{
			name: "namespaced",
			src:  "\n  import save from '@salesforce/apex/acme.ItemController.save'",
			want: []ApexImport{apex("save", "acme", "ItemController", "save", 2, 20)},
		},
		{
			name: "several on one line",
			src:  `import a from '@salesforce/apex/A.a'; import b from "@salesforce/apex/B.b";`,
			want: []ApexImport{apex("a", "", "A", "a", 1, 15), apex("b", "", "B", "b", 1, 53)},
		},
		{
			name: "continuation",
			src:  "import startRequest from '@salesforce/apexContinuation/Svc.startRequest';",
			want: []ApexImport{{
				Local: "startRequest", Class: "Svc", Method: "startRequest",
				Module: "@salesforce/apexContinuation/Svc.startRequest", Continuation: true,
				Pos: Pos{1, 26},
			}},
		},
		{
			name: "path of another shape keeps only the module",
			src:  "import m from '@salesforce/apex/OnlyClass'",
			want: []ApexImport{{Local: "m", Module: "@salesforce/apex/OnlyClass", Pos: Pos{1, 15}}},
		},
		{
			name: "escaped module string",
			src:  `import a from '@salesforce\/apex/A.\u0061'`,
			want: []ApexImport{apex("a", "", "A", "a", 1, 15)},
		},
		{
			name: "inside comments",
			src: "// import a from '@salesforce/apex/A.a';\n" +
				"/* import b from '@salesforce/apex/B.b'; */\n" +
				"/**\n * import c from '@salesforce/apex/C.c';\n */",
		},
		{
			name: "inside a string",
			src:  `const s = "import x from '@salesforce/apex/A.b'";`,
		},
		{
			name: "inside a template",
			src:  "const s = `import x from '@salesforce/apex/A.b'`;",
		},
		{
			name: "named, namespace and side-effect imports",
			src: "import { a } from '@salesforce/apex/A.a';\n" +
				"import * as b from '@salesforce/apex/B.b';\n" +
				"import '@salesforce/apex/C.c';\n" +
				"import { refreshApex } from '@salesforce/apex';\n" +
				"import apex from '@salesforce/apex';\n" +
				"import LightningElement from 'lwc';",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := Scan([]byte(tt.src))
			if !reflect.DeepEqual(got.Imports, tt.want) {
				t.Errorf("Imports:\n got %+v\nwant %+v", got.Imports, tt.want)
			}
		})
	}
}

func TestScanFetches(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		src  string
		want []Call
	}{
		{
			name: "fetch with a literal",
			src:  "fetch('/api/items');",
			want: []Call{call(FuncFetch, "/api/items", "'/api/items'", 1, 1)},
		},
		{
			name: "fetch with a plain template",
			src:  "const r = await fetch(`https://example.com/x`, { method: 'POST' });",
			want: []Call{call(FuncFetch, "https://example.com/x", "`https://example.com/x`", 1, 17)},
		},
		{
			name: "fetch with a substitution",
			src:  "fetch(`/api/${id}`)",
			want: []Call{call(FuncFetch, "", "`/api/${id}`", 1, 1)},
		},
		{
			name: "fetch with a variable",
			src:  "fetch(url, { method: 'POST', body })",
			want: []Call{call(FuncFetch, "", "url", 1, 1)},
		},
		{
			name: "fetch with an expression and comments",
			src:  "fetch( /* base */ BASE + '/x' // path\n, opts)",
			want: []Call{call(FuncFetch, "", "BASE + '/x'", 1, 1)},
		},
		{
			name: "fetch without arguments",
			src:  "fetch()",
			want: []Call{call(FuncFetch, "", "", 1, 1)},
		},
		{
			name: "global receivers",
			src:  "window.fetch('/a'); globalThis.fetch('/b');",
			want: []Call{
				call(FuncFetch, "/a", "'/a'", 1, 8),
				call(FuncFetch, "/b", "'/b'", 1, 32),
			},
		},
		{
			name: "definitions and other receivers",
			src: "class A { fetch(u) { return 1; } async fetch() {} }\n" +
				"function fetch(u) {}\n" +
				"this.fetch('/a'); api.fetch('/b'); this.#fetch('/c'); a.window.fetch('/d');\n" +
				"const o = { fetch(x) { } };",
		},
		{
			name: "XMLHttpRequest open",
			src: "const xhr = new XMLHttpRequest();\n" +
				"xhr.open('GET', url);\n" +
				"this.req.open(\"post\", '/x', true);",
			want: []Call{
				call(FuncXHROpen, "", "url", 2, 5),
				call(FuncXHROpen, "/x", "'/x'", 3, 10),
			},
		},
		{
			name: "window open is not a request",
			src:  "window.open('https://example.com', '_blank'); open('GET', '/x');",
		},
		{
			name: "sendBeacon",
			src:  "navigator.sendBeacon('/log', body); other.sendBeacon('/no');",
			want: []Call{call(FuncSendBeacon, "/log", "'/log'", 1, 11)},
		},
		{
			name: "mentions in comments and strings",
			src: "// fetch('/a')\n/* window.fetch('/b') */\n" +
				"const s = \"fetch('/c')\"; const t = `xhr.open('GET', '/d')`;",
		},
		{
			name: "fetch inside a substitution",
			src:  "const t = `${await fetch('/in')}`;",
			want: []Call{call(FuncFetch, "/in", "'/in'", 1, 20)},
		},
		{
			name: "comma inside a substitution of the URL",
			src:  "fetch(`/x/${a, b}`, opts)",
			want: []Call{call(FuncFetch, "", "`/x/${a, b}`", 1, 1)},
		},
		{
			name: "unclosed call",
			src:  "fetch('/a'",
			want: []Call{call(FuncFetch, "/a", "'/a'", 1, 1)},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := Scan([]byte(tt.src))
			if !reflect.DeepEqual(got.Fetches, tt.want) {
				t.Errorf("Fetches:\n got %+v\nwant %+v", got.Fetches, tt.want)
			}
		})
	}
}

func TestScanServiceURLs(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		src  string
		want []Literal
	}{
		{
			name: "string",
			src:  "const q = '/services/data/v66.0/query';",
			want: []Literal{lit("/services/data/v66.0/query", 1, 11)},
		},
		{
			name: "escapes are decoded",
			src:  `x = "\/services\/apexrest\x2Fitems"`,
			want: []Literal{lit("/services/apexrest/items", 1, 5)},
		},
		{
			name: "template with substitutions",
			src:  "u = `${base}/services/data/${ v }/limits`",
			want: []Literal{lit("${base}/services/data/${v}/limits", 1, 5)},
		},
		{
			name: "multi-line template with CRLF",
			src:  "u = `\r\n/services/\r\n`",
			want: []Literal{lit("\n/services/\n", 1, 5)},
		},
		{
			name: "in comments and regular expressions",
			src:  "// '/services/a'\n/* \"/services/b\" */ r = /'\\/services\\/'/;",
		},
		{
			name: "split by a substitution",
			src:  "u = `/serv${x}ices/`",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := Scan([]byte(tt.src))
			if !reflect.DeepEqual(got.ServiceURLs, tt.want) {
				t.Errorf("ServiceURLs:\n got %+v\nwant %+v", got.ServiceURLs, tt.want)
			}
		})
	}
}

// TestScanLexing checks that regular expressions, templates and line ends
// are read so that the code after them is still found, at its exact place.
func TestScanLexing(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		src  string
		want *Script
	}{
		{
			name: "regex with quotes and slashes",
			src:  `const re = /["']\/\/x/g; fetch('/a');`,
			want: fetched(1, 26),
		},
		{
			name: "regex with a slash in a class",
			src:  "s.replace(/[/'\"]/g, ''); fetch('/a');",
			want: fetched(1, 26),
		},
		{
			name: "division is not a regex",
			src:  "const x = a / 2, s = '/services/data', y = b / 3;",
			want: &Script{ServiceURLs: []Literal{lit("/services/data", 1, 22)}},
		},
		{
			name: "division after a call and an index",
			src:  "f(a) / g[1] / 2; fetch('/a');",
			want: fetched(1, 18),
		},
		{
			name: "regex after return and typeof",
			src:  "return /\"/.test(s) && typeof /'/ && fetch('/a');",
			want: fetched(1, 37),
		},
		{
			name: "regex after an if condition",
			src:  "if (ok) /'/.test(s); fetch('/a');",
			want: fetched(1, 22),
		},
		{
			name: "regex after a block and in a substitution",
			src:  "{}\n/'/.test(s); `${/`/.source}`; fetch('/a');",
			want: fetched(2, 31),
		},
		{
			name: "keyword as a property divides",
			src:  "x = a.return / 2; s = '/'; fetch('/a');",
			want: fetched(1, 28),
		},
		{
			name: "nested templates",
			src:  "t = `a${`b${ {k: '}'}.k }`}c${`${`${'`'}`}`}`; fetch('/a');",
			want: fetched(1, 48),
		},
		{
			name: "escaped backtick and dollar in a template",
			src:  "t = `\\` \\${ fetch('/no') }`; fetch('/a');",
			want: fetched(1, 30),
		},
		{
			name: "CRLF line ends",
			src:  "// c\r\nimport a from '@salesforce/apex/A.a';\r\n\r\n  fetch('/a');\r\n",
			want: &Script{
				Imports: []ApexImport{apex("a", "", "A", "a", 2, 15)},
				Fetches: []Call{call(FuncFetch, "/a", "'/a'", 4, 3)},
			},
		},
		{
			name: "CR line ends",
			src:  "a;\r\rfetch('/a')",
			want: fetched(3, 1),
		},
		{
			name: "columns count runes",
			src:  "const é = '🙂'; fetch('/a');",
			want: fetched(1, 16),
		},
		{
			name: "byte order mark",
			src:  "\uFEFFfetch('/a')",
			want: fetched(1, 1),
		},
		{
			name: "unterminated string ends at the line end",
			src:  "const s = 'abc\nfetch('/a')",
			want: fetched(2, 1),
		},
		{
			name: "unterminated regex is a division",
			src:  "x = /'abc\nfetch('/a')",
			want: fetched(2, 1),
		},
		{
			name: "string line continuation",
			src:  "s = 'a\\\r\nb'; fetch('/a')",
			want: fetched(2, 5),
		},
		{
			name: "hashbang",
			src:  "#!/usr/bin/env node '\nfetch('/a')",
			want: fetched(2, 1),
		},
		{
			name: "hashbang after a byte order mark",
			src:  "\uFEFF#!/usr/bin/env node '\nfetch('/a')",
			want: fetched(2, 1),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := Scan([]byte(tt.src))
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Scan:\n got %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

// fetched is the result of a source whose only finding is fetch('/a').
func fetched(line, col int) *Script {
	return &Script{Fetches: []Call{call(FuncFetch, "/a", "'/a'", line, col)}}
}

func TestScanComponent(t *testing.T) {
	t.Parallel()
	src, err := os.ReadFile("testdata/itemList.js")
	if err != nil {
		t.Fatal(err)
	}
	query := "/services/data/v66.0/query?q=SELECT+Id+FROM+Item__c"
	beacon := "https://telemetry.example.com/e"
	want := &Script{
		Imports: []ApexImport{
			apex("getItems", "", "ItemController", "getItems", 4, 22),
			apex("saveItem", "acme", "ItemController", "saveItem", 5, 22),
			{
				Local: "startLookup", Class: "LookupController", Method: "startLookup",
				Module:       ApexContinuationPrefix + "LookupController.startLookup",
				Continuation: true, Pos: Pos{6, 25},
			},
		},
		Fetches: []Call{
			call(FuncFetch, "", "url", 32, 27),
			call(FuncFetch, "", "'/services/apexrest/items/' + id", 38, 34),
			call(FuncSendBeacon, beacon, "`"+beacon+"`", 43, 19),
			call(FuncXHROpen, query, "'"+query+"'", 48, 13),
		},
		ServiceURLs: []Literal{
			lit("/services/data/${API_VERSION}/limits", 31, 21),
			lit("/services/apexrest/items/", 38, 40),
			lit(query, 48, 25),
		},
	}
	if got := Scan(src); !reflect.DeepEqual(got, want) {
		t.Errorf("Scan:\n got %+v\nwant %+v", got, want)
	}
}

func TestScanEmpty(t *testing.T) {
	t.Parallel()
	for _, src := range []string{"", " ", "\n", "/", "`", "'", "${", "}"} {
		if got := Scan([]byte(src)); !reflect.DeepEqual(got, &Script{}) {
			t.Errorf("Scan(%q) = %+v, want nothing", src, got)
		}
	}
}
