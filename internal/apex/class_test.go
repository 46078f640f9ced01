package apex

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// outline renders what Parse found in classes, without the callouts.
func outline(f *File) []string {
	var out []string
	for _, c := range f.AllClasses() {
		out = append(out, strings.TrimSpace(fmt.Sprintf("class %s@%s %s %s",
			c.Name, c.Pos, c.Visibility, c.Sharing)))
		for _, k := range c.Constants {
			out = append(out, fmt.Sprintf("  const %s %s@%s = %s", k.Type, k.Name, k.Pos,
				dump(k.Value)))
		}
		for _, m := range c.Methods {
			out = append(out, "  method "+outlineMethod(m))
		}
		for _, l := range c.Literals {
			out = append(out, fmt.Sprintf("  literal %q@%s in %s", l.Value, l.Pos, l.InMethod))
		}
		for _, u := range c.SessionIDs {
			out = append(out, fmt.Sprintf("  sessionId@%s in %s", u.Pos, u.InMethod))
		}
	}
	return out
}

func outlineMethod(m *Method) string {
	words := []string{fmt.Sprintf("%s@%s", m.Name, m.Pos), m.Visibility}
	if m.Static {
		words = append(words, "static")
	}
	if m.AuraEnabled {
		words = append(words, "aura")
	}
	if m.Cacheable {
		words = append(words, "cacheable")
	}
	var params []string
	for _, p := range m.Params {
		params = append(params, fmt.Sprintf("%s %s@%s", p.Type, p.Name, p.Pos))
	}
	words = append(words, m.ReturnType+"("+strings.Join(params, ", ")+")")
	return strings.Join(slices.DeleteFunc(words, func(s string) bool { return s == "" }), " ")
}

const broken = `public class Broken {
    private static final String X = 'callout:Broken
    public void a() {
        HttpRequest req = new HttpRequest(;
        req.setEndpoint(X + '/a'
        req.setMethod('GET');
    @AuraEnabled(cacheable=`

func TestClasses(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		src  string
		want []string
	}{{
		name: "controller",
		src:  controller,
		want: []string{
			"class AccountController@1:27 public with sharing",
			"  const String API@2:33 = literal(/services/data/v66.0)@2:39",
			"  method getAccounts@5:26 public static aura cacheable String()",
			"  method send@11:33 private static HttpResponse(String method@11:45, " +
				"String path@11:60)",
			`  literal "/services/data/v66.0"@2:39 in `,
			`  literal "GET"@6:33 in getAccounts`,
			`  literal "/query?q="@6:46 in getAccounts`,
			`  literal "SELECT Id FROM Account"@7:38 in getAccounts`,
			`  literal "UTF-8"@7:64 in getAccounts`,
			`  literal "callout:Loopback"@13:25 in send`,
			`  literal "Content-Type"@15:23 in send`,
			`  literal "application/json"@15:39 in send`,
		},
	}, {
		name: "inner class, constructor, property, enum and session ids",
		src: `@RestResource(urlMapping='/outer/*')
global inherited sharing class Outer {
    global static final String KEY = 'sk_live_123';
    public String label { get { return 'prop'; } set; }
    public enum Color { RED, GREEN }
    public Outer(Integer n) { }
    public class Inner {
        String secret = 'inner-secret';
        void m() { String s = System.UserInfo.getSessionId(); }
    }
    @AuraEnabled(Cacheable=TRUE scope='global')
    webservice static void n(final Map<String, List<Id>> ids) {
        String t = UserInfo.getSessionId();
    }
}`,
		want: []string{
			"class Outer@2:32 global inherited sharing",
			"  const String KEY@3:32 = literal(sk_live_123)@3:38",
			"  method Outer@6:12 public (Integer n@6:26)",
			"  method n@12:28 static aura cacheable void(Map<String,List<Id>> ids@12:58)",
			`  literal "/outer/*"@1:26 in `,
			`  literal "sk_live_123"@3:38 in `,
			`  literal "prop"@4:40 in `,
			`  literal "global"@11:39 in n`,
			"  sessionId@13:20 in n",
			"class Inner@7:18 public",
			"  method m@9:14 void()",
			`  literal "inner-secret"@8:25 in `,
			"  sessionId@9:31 in m",
		},
	}, {
		name: "broken class",
		src:  broken,

		want: []string{
			"class Broken@1:14 public",
			"  const String X@2:33 = unknown('callout:Broken)@2:37",
			"  method a@3:17 public void()",
			`  literal "/a"@5:29 in a`,
			`  literal "GET"@6:23 in a`,
		},
	}, {
		name: "stray tokens around classes",
		src:  "}}) class ;; class A { void x( { } } class interface I { } @ class",
		want: []string{
			"class A@1:20",
			"  method x@1:29 void({} @1:32)",
		},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := outline(Parse([]byte(tt.src)))
			if !slices.Equal(got, tt.want) {
				t.Errorf("got:\n%s\nwant:\n%s", lines(got), lines(tt.want))
			}
		})
	}
}
