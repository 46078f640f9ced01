package gen

import (
	"reflect"
	"strings"
	"testing"
)

func TestReadAuraMethods(t *testing.T) {
	src := `/* class Fake { @AuraEnabled public static void commented() {} } */
@SuppressWarnings('PMD.ApexDoc')
public with sharing class Ctrl {
    private static final String S = '@AuraEnabled static x(';
    @AuraEnabled
    public String prop { get; set; }
    @AuraEnabled(Cacheable = TRUE)
    @TestVisible
    public static List<String> getItems(final String name, Map<String, Id> byName) {
        return null;
    }
    @auraenabled(continuation=true)
    global static Object start() { return null; }
    @AuraEnabled
    public String instanceMethod() { return ''; }
    // @AuraEnabled public static void inComment() {}
    public class Inner {
        @AuraEnabled
        public static void inner() {}
    }
}`
	class, methods := ReadAuraMethods(src)
	if class != "Ctrl" {
		t.Errorf("class = %q", class)
	}
	want := []AuraMethod{
		{Name: "getItems", Cacheable: true, Params: []AuraParam{
			{Type: "String", Name: "name"}, {Type: "Map<String,Id>", Name: "byName"}}},
		{Name: "start"},
	}
	if !reflect.DeepEqual(methods, want) {
		t.Errorf("methods:\n got %+v\nwant %+v", methods, want)
	}
}

func TestLWCRefusesUnsupportedParameters(t *testing.T) {
	src := `public class C {
    @AuraEnabled
    public static String find(Integer count, String name) { return ''; }
}`
	g := newTestGenerator(t)
	_, err := g.LWC(LWCSpec{Name: "finder", Controller: "C", Source: src})
	if err == nil || !strings.Contains(err.Error(), "parameter count is a Integer") {
		t.Errorf("err = %v", err)
	}
	_, err = g.LWC(LWCSpec{Name: "finder", Controller: "C", Source: "public class C {}"})
	if err == nil || !strings.Contains(err.Error(), "no @AuraEnabled static method") {
		t.Errorf("err = %v", err)
	}
}
