package apex

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// dump renders an expression with the kind and position of every part.
func dump(e Expr) string {
	var parts []string
	for _, pt := range e {
		if pt.Kind == PartURLEncoded || pt.Kind == PartEscaped {
			parts = append(parts, fmt.Sprintf("%s[%s]@%s", pt.Kind, dump(pt.Inner), pt.Pos))
			continue
		}
		parts = append(parts, fmt.Sprintf("%s(%s)@%s", pt.Kind, pt.Text, pt.Pos))
	}
	return strings.Join(parts, " + ")
}

// describe renders a callout as a header line and one line per setting.
func describe(c *Callout) []string {
	head := fmt.Sprintf("callout %s@%s in %s", c.Request, c.Pos, c.InMethod)
	if len(c.Via) > 0 {
		head += " via " + strings.Join(c.Via, ",")
	}
	if c.Template {
		head += " template"
	}
	out := []string{head}
	if c.Method != nil {
		out = append(out, fmt.Sprintf("  method@%s %s", c.MethodPos, dump(c.Method)))
	}
	if c.Endpoint != nil {
		out = append(out, fmt.Sprintf("  endpoint@%s %s", c.EndpointPos, dump(c.Endpoint)))
	}
	for _, h := range c.Headers {
		out = append(out, fmt.Sprintf("  header@%s %s : %s", h.Pos, dump(h.Name), dump(h.Value)))
	}
	if c.Body != nil {
		out = append(out, fmt.Sprintf("  body@%s %s", c.BodyPos, dump(*c.Body)))
	}
	return out
}

const controller = `public with sharing class AccountController {
    private static final String API = '/services/data/v66.0';

    @AuraEnabled(cacheable=true)
    public static String getAccounts() {
        HttpResponse res = send('GET', API + '/query?q='
            + EncodingUtil.urlEncode('SELECT Id FROM Account', 'UTF-8'));
        return res.getBody();
    }

    private static HttpResponse send(String method, String path) {
        HttpRequest req = new HttpRequest();
        req.setEndpoint('callout:Loopback' + path);
        req.setMethod(method);
        req.setHeader('Content-Type', 'application/json');
        return new Http().send(req);
    }
}
`

const chain = `public with sharing class Chain {
    private static final String API = '/services/data/v66.0';
    public static String accounts() {
        return query('SELECT Id FROM Account');
    }
    public static String contacts(String cond) {
        return query('SELECT Id FROM Contact WHERE ' + cond);
    }
    static String query(String soql) {
        return send('GET', Chain.API + '/query?q=' + EncodingUtil.urlEncode(soql, 'UTF-8'));
    }
    static String send(String verb, String path) {
        HttpRequest req = new HttpRequest();
        req.setEndpoint('callout:Loopback' + path);
        req.setMethod(verb);
        return new Http().send(req).getBody();
    }
}
`

func TestCallouts(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		src  string
		want []string
	}{{
		name: "controller with a send helper",
		src:  controller,
		want: []string{
			"callout req@6:28 in getAccounts via send",
			"  method@14:13 literal(GET)@6:33",
			"  endpoint@13:13 literal(callout:Loopback)@13:25 + " +
				"literal(/services/data/v66.0)@2:39 + literal(/query?q=)@6:46 + " +
				"urlEncode[literal(SELECT Id FROM Account)@7:38]@7:15",
			"  header@15:13 literal(Content-Type)@15:23 : literal(application/json)@15:39",
			"callout req@12:27 in send template",
			"  method@14:13 param(method)@14:23",
			"  endpoint@13:13 literal(callout:Loopback)@13:25 + param(path)@13:46",
			"  header@15:13 literal(Content-Type)@15:23 : literal(application/json)@15:39",
		},
	}, {
		name: "helpers followed through helpers",
		src:  chain,
		want: []string{
			"callout req@4:16 in accounts via query,send",
			"  method@15:13 literal(GET)@10:21",
			"  endpoint@14:13 literal(callout:Loopback)@14:25 + " +
				"literal(/services/data/v66.0)@2:39 + literal(/query?q=)@10:40 + " +
				"urlEncode[literal(SELECT Id FROM Account)@4:22]@10:54",
			"callout req@7:16 in contacts via query,send",
			"  method@15:13 literal(GET)@10:21",
			"  endpoint@14:13 literal(callout:Loopback)@14:25 + " +
				"literal(/services/data/v66.0)@2:39 + literal(/query?q=)@10:40 + " +
				"urlEncode[literal(SELECT Id FROM Contact WHERE )@7:22 + param(cond)@7:56]@10:54",
			"callout req@10:16 in query via send template",
			"  method@15:13 literal(GET)@10:21",
			"  endpoint@14:13 literal(callout:Loopback)@14:25 + " +
				"literal(/services/data/v66.0)@2:39 + literal(/query?q=)@10:40 + " +
				"urlEncode[param(soql)@10:77]@10:54",
			"callout req@13:27 in send template",
			"  method@15:13 param(verb)@15:23",
			"  endpoint@14:13 literal(callout:Loopback)@14:25 + param(path)@14:46",
		},
	}, {
		name: "case does not matter",
		src: `PUBLIC CLASS Shouty {
    PUBLIC STATIC VOID go() {
        HTTPREQUEST r = NEW system.HttpRequest();
        R.SetEndpoint('callout:Shouty/x');
        r.SETMETHOD('POST');
    }
}`,
		want: []string{
			"callout r@3:25 in go",
			"  method@5:11 literal(POST)@5:21",
			"  endpoint@4:11 literal(callout:Shouty/x)@4:23",
		},
	}, {
		name: "parameter in a query, unescaped and escaped",
		src: `public class Search {
    @AuraEnabled
    public static String find(String name) {
        String soql = 'SELECT Id FROM Account WHERE Name = \'' + name + '\'';
        HttpRequest req = new HttpRequest();
        req.setEndpoint('callout:Api/query?q=' + EncodingUtil.urlEncode(soql, 'UTF-8'));
    }
    @AuraEnabled
    public static String findSafe(String name) {
        HttpRequest req = new HttpRequest();
        req.setEndpoint('callout:Api/query?q=' + System.EncodingUtil.urlEncode(
            'SELECT Id FROM Account WHERE Name = \'' + String.escapeSingleQuotes(name) + '\'',
            'UTF-8'));
    }
}`,
		want: []string{
			"callout req@5:27 in find",
			"  endpoint@6:13 literal(callout:Api/query?q=)@6:25 + " +
				"urlEncode[literal(SELECT Id FROM Account WHERE Name = ')@4:23 + " +
				"param(name)@4:66 + literal(')@4:73]@6:50",
			"callout req@10:27 in findSafe",
			"  endpoint@11:13 literal(callout:Api/query?q=)@11:25 + " +
				"urlEncode[literal(SELECT Id FROM Account WHERE Name = ')@12:13 + " +
				"escapeSingleQuotes[param(name)@12:82]@12:56 + literal(')@12:90]@11:50",
		},
	}, {
		name: "session id and org domain",
		src: `public without sharing class Self {
    public void call(Map<String, Object> payload) {
        HttpRequest req = new HttpRequest();
        req.setEndpoint(URL.getOrgDomainUrl().toExternalForm() + '/services/data/v66.0/limits');
        req.setHeader('Authorization', 'Bearer ' + UserInfo.getSessionId());
        req.setBody(JSON.serialize(payload));
    }
}`,
		want: []string{
			"callout req@3:27 in call",
			"  endpoint@4:13 orgDomainUrl(URL.getOrgDomainUrl().toExternalForm())@4:25 + " +
				"literal(/services/data/v66.0/limits)@4:66",
			"  header@5:13 literal(Authorization)@5:23 : literal(Bearer )@5:40 + " +
				"sessionId(UserInfo.getSessionId())@5:52",
			"  body@6:13 unknown(JSON.serialize(payload))@6:21",
		},
	}, {
		name: "locals assigned once are substituted",
		src: `public class Locals {
    static final String HOST = 'callout:Named';
    public void run() {
        String base = HOST + '/v1';
        String ep = base + '/items';
        String twice = '/a';
        twice = '/b';
        HttpRequest req = new HttpRequest();
        req.setEndpoint(ep + twice + Locals.HOST + this.x + (1 + 2));
    }
}`,
		want: []string{
			"callout req@8:27 in run",
			"  endpoint@9:13 literal(callout:Named)@2:32 + literal(/v1)@4:30 + " +
				"literal(/items)@5:28 + unknown(twice)@9:30 + literal(callout:Named)@2:32 + " +
				"unknown(this.x)@9:52 + unknown((1 + 2))@9:61",
		},
	}, {
		name: "request as a field or a parameter",
		src: `public class Fields {
    private HttpRequest req = new HttpRequest();
    void a() { req.setEndpoint('callout:F'); this.req.setMethod('GET'); }
    void b(HttpRequest r) { r.setBody('{}'); }
}`,
		want: []string{
			"callout req@3:20 in a",
			"  method@3:55 literal(GET)@3:65",
			"  endpoint@3:20 literal(callout:F)@3:32",
			"callout r@4:31 in b",
			"  body@4:31 literal({})@4:39",
		},
	}, {
		name: "overloads of the same arity are not followed",
		src: `public class Over {
    void a() { send('/x'); }
    void send(String p) { HttpRequest r = new HttpRequest(); r.setEndpoint(p); }
    void send(Url p) { }
}`,
		want: []string{
			"callout r@3:43 in send",
			"  endpoint@3:64 param(p)@3:76",
		},
	}, {
		name: "comments and escapes",
		src: `public class Comments {
    void m() {
        HttpRequest req = new HttpRequest(); // req.setMethod('GET');
        req.setEndpoint('https://example.com//a' /* + 'x' */ + '?q=it\'s'); // done
    }
}`,
		want: []string{
			"callout req@3:27 in m",
			"  endpoint@4:13 literal(https://example.com//a)@4:25 + literal(?q=it's)@4:64",
		},
	}, {
		name: "request assigned after its declaration, then again",
		src: `public class Later {
    HttpResponse go() {
        HttpRequest req;
        req = new HttpRequest();
        req.setMethod('DELETE');
        new Http().send(req);
        req = new HttpRequest();
        req.setMethod('PUT');
        return new Http().send(req);
    }
}`,
		want: []string{
			"callout req@4:15 in go",
			"  method@5:13 literal(DELETE)@5:23",
			"callout req@7:15 in go",
			"  method@8:13 literal(PUT)@8:23",
		},
	}, {
		name: "broken class",
		src:  broken,
		want: []string{
			"callout req@4:27 in a",
			"  method@6:13 literal(GET)@6:23",
			"  endpoint@5:13 unknown(X + '/a'\n        req.setMethod('GET');\n" +
				"    @AuraEnabled(cacheable=)@5:25",
		},
	}, {
		name: "truncated class",
		src: `public class T {
    public void m() {
        HttpRequest r = new HttpRequest();
        r.setEndpoint('callout:A/b');`,
		want: []string{
			"callout r@3:25 in m",
			"  endpoint@4:11 literal(callout:A/b)@4:23",
		},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var got []string
			for _, c := range Parse([]byte(tt.src)).AllClasses() {
				for _, co := range c.Callouts {
					got = append(got, describe(co)...)
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got:\n%s\nwant:\n%s", lines(got), lines(tt.want))
			}
		})
	}
}
