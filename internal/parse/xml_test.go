package parse

import (
	"errors"
	"strings"
	"testing"

	"github.com/sflint/sflint/internal/metadata"
)

const ecXML = `<?xml version="1.0" encoding="UTF-8"?>
<ExternalCredential xmlns="http://soap.sforce.com/2006/04/metadata">
    <authenticationProtocol>Oauth</authenticationProtocol>
    <externalCredentialParameters>
        <parameterName>AuthProviderUrl</parameterName>
        <parameterType>AuthProviderUrl</parameterType>
        <parameterValue
    >https://acme.my.salesforce.com/services/oauth2/token</parameterValue>
    </externalCredentialParameters>
    <principals><principalName>X</principalName></principals>
    <label>Über <!-- c --> Auth</label>
</ExternalCredential>
`

func ecOptions() Options { return Options{Schema: metadata.Schema("ExternalCredential")} }

func TestXMLPositions(t *testing.T) {
	doc, err := XML([]byte(ecXML), ecOptions())
	if err != nil {
		t.Fatal(err)
	}
	root := doc.Root
	if root.Name != "ExternalCredential" || root.Pos != (Pos{2, 1}) {
		t.Errorf("root %s at %v", root.Name, root.Pos)
	}
	param := root.Child("externalCredentialParameters")
	tests := []struct {
		el   *Element
		pos  Pos
		text string
	}{
		{root.Child("authenticationProtocol"), Pos{3, 5}, "Oauth"},
		{param, Pos{4, 5}, ""},
		{param.Child("parameterType"), Pos{6, 9}, "AuthProviderUrl"},
		{param.Child("parameterValue"), Pos{7, 9}, "https://acme.my.salesforce.com/services/oauth2/token"},
		{root.Child("label"), Pos{11, 5}, "Über  Auth"},
	}
	for _, tt := range tests {
		if tt.el == nil {
			t.Fatalf("missing element for %v", tt.pos)
		}
		if tt.el.Pos != tt.pos || tt.el.Text != tt.text {
			t.Errorf("<%s> at %v %q, want %v %q", tt.el.Name, tt.el.Pos, tt.el.Text, tt.pos, tt.text)
		}
	}
	if len(doc.Unknown) != 1 || doc.Unknown[0].Path != "principals" || doc.Unknown[0].Pos != (Pos{10, 5}) {
		t.Errorf("unknown = %+v, want principals at 10:5", doc.Unknown)
	}
	if root.Child("principals") != nil {
		t.Error("an element the schema does not declare must not be kept")
	}
}

func TestXMLColumnsCountCharacters(t *testing.T) {
	src := "<ExternalCredential><label>é</label><description>x</description></ExternalCredential>"
	doc, err := XML([]byte(src), ecOptions())
	if err != nil {
		t.Fatal(err)
	}
	if got := doc.Root.Child("description").Pos; got != (Pos{1, 37}) {
		t.Errorf("description at %v, want 1:37", got)
	}
}

func TestXMLLineEnds(t *testing.T) {
	for name, nl := range map[string]string{"LF": "\n", "CRLF": "\r\n", "CR": "\r"} {
		t.Run(name, func(t *testing.T) {
			src := strings.ReplaceAll(ecXML, "\n", nl)
			doc, err := XML([]byte("\xef\xbb\xbf"+src), ecOptions())
			if err != nil {
				t.Fatal(err)
			}
			if got := doc.Root.Child("label").Pos; got != (Pos{11, 5}) {
				t.Errorf("label at %v, want 11:5", got)
			}
		})
	}
}

func TestXMLKeepSkipsSections(t *testing.T) {
	src := `<PermissionSet>
  <fieldPermissions><field>A.B__c</field><readable>true</readable></fieldPermissions>
  <label>Callers</label>
  <objectPermissions><object>UserExternalCredential</object></objectPermissions>
</PermissionSet>`
	doc, err := XML([]byte(src), Options{
		Schema: metadata.Schema("PermissionSet"),
		Keep:   map[string]bool{"label": true, "objectPermissions": true},
	})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, c := range doc.Root.Children {
		names = append(names, c.Name)
	}
	if strings.Join(names, ",") != "label,objectPermissions" {
		t.Errorf("kept %v", names)
	}
	if got := doc.Root.Child("objectPermissions").ChildText("object"); got != "UserExternalCredential" {
		t.Errorf("object = %q", got)
	}
}

func TestXMLWithoutSchemaKeepsEverything(t *testing.T) {
	doc, err := XML([]byte(`<A><b><c>1</c></b><d>2</d></A>`), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Root.Child("b").ChildText("c") != "1" || doc.Root.ChildText("d") != "2" || len(doc.Unknown) != 0 {
		t.Errorf("got %+v", doc)
	}
}

func TestXMLErrors(t *testing.T) {
	deep := strings.Repeat("<a>", MaxDepth+1) + strings.Repeat("</a>", MaxDepth+1)
	tests := []struct {
		name, src string
		pos       Pos
		msg       string
	}{
		{"mismatched", "<A>\n  <b>x</c>\n</A>", Pos{2, 7}, "element <b> closed by </c>"},
		{"unclosed", "<A>\n  <b>x</b>\n", Pos{3, 1}, "<A> is not closed"},
		{"empty", "", Pos{1, 1}, "no root element"},
		{"junk after root", "<A/>\n<B/>", Pos{2, 1}, "content after the root element"},
		{"text outside root", "<A/>\nhello", Pos{2, 1}, "text outside the root element"},
		{"doctype", "<?xml version=\"1.0\"?>\n<!DOCTYPE A [<!ENTITY x \"y\">]>\n<A>&x;</A>", Pos{2, 1}, "DOCTYPE"},
		{"undefined entity", "<A>\n<b>&nope;</b></A>", Pos{2, 10}, "invalid character entity &nope;"},
		{"bad encoding", "<?xml version=\"1.0\" encoding=\"UTF-16\"?><A/>", Pos{1, 40}, "UTF-16"},
		{"bad syntax", "<A>\n  <b x=></b></A>", Pos{2, 9}, "unquoted or missing attribute value"},
		{"too deep", deep, Pos{1, 3*MaxDepth + 1}, "nested deeper than"},
		{"stray end tag", "</A>", Pos{1, 1}, "unexpected end tag"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := XML([]byte(tt.src), Options{})
			var se *SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("err = %v, want a SyntaxError", err)
			}
			if !strings.Contains(se.Msg, tt.msg) {
				t.Errorf("msg %q, want %q", se.Msg, tt.msg)
			}
			if se.Pos != tt.pos {
				t.Errorf("at %v, want %v (%s)", se.Pos, tt.pos, se.Msg)
			}
		})
	}
}

func TestXMLRepeatedSchemaChild(t *testing.T) {
	// A nested complex element's own children are checked against its type.
	src := `<ExternalCredential><externalCredentialParameters><bogus>1</bogus>` +
		`<parameterName>a</parameterName></externalCredentialParameters></ExternalCredential>`
	doc, err := XML([]byte(src), ecOptions())
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Unknown) != 1 || doc.Unknown[0].Path != "externalCredentialParameters/bogus" {
		t.Errorf("unknown = %+v", doc.Unknown)
	}
}

func TestXMLSimpleTypedElementWithChildren(t *testing.T) {
	src := `<LightningComponentBundle><apiVersion>66.0</apiVersion><targetConfigs>
<targetConfig targets="lightning__AppPage"><property name="x" type="String"/></targetConfig>
</targetConfigs></LightningComponentBundle>`
	doc, err := XML([]byte(src), Options{Schema: metadata.Schema("LightningComponentBundle")})
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Unknown) != 0 || doc.Root.Child("targetConfigs").Child("targetConfig") == nil {
		t.Errorf("unknown %+v, root %+v", doc.Unknown, doc.Root)
	}
}
