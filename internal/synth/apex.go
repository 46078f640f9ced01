package synth

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strings"
)

// apexClass is one planned Apex class.
type apexClass struct {
	name   string
	kind   classKind
	object int    // index of the object the class works on
	cred   string // for a client: the Named Credential it calls
}

type classKind int

const (
	kindClient classKind = iota
	kindController
	kindService
	kindSelector
	kindBatch
	kindHandler
	kindTest
)

// kindSuffix names classes the way Salesforce teams do.
var kindSuffix = map[classKind]string{
	kindController: "Controller",
	kindService:    "Service",
	kindSelector:   "Selector",
	kindBatch:      "Batch",
	kindHandler:    "TriggerHandler",
	kindTest:       "ServiceTest",
}

// planClasses names one client class per integration, then cycles through
// the objects and the other kinds.
func (g *generator) planClasses() {
	for _, in := range g.integrations {
		g.classes = append(g.classes, apexClass{name: in.client(), kind: kindClient, cred: in.name})
	}
	n := len(g.objects)
	kinds := kindTest - kindController + 1
	for j := 0; len(g.classes) < g.plan.classes; j++ {
		o, k, round := j%n, kindController+classKind(j/n%int(kinds)), j/(n*int(kinds))
		name := strings.ReplaceAll(strings.TrimSuffix(g.objects[o].name, "__c"), "_", "")
		name += kindSuffix[k]
		if round > 0 {
			name += fmt.Sprint(round + 1)
		}
		if k == kindController {
			g.controllers = append(g.controllers, len(g.classes))
		}
		g.classes = append(g.classes, apexClass{name: name, kind: k, object: o})
	}
}

const classMeta = xmlDecl + `<ApexClass` + xmlns + `>
    <apiVersion>66.0</apiVersion>
    <status>Active</status>
</ApexClass>
`

func (g *generator) writeClasses() error {
	for i, c := range g.classes {
		r := g.rng(streamClasses, i)
		size := skewed(r, g.plan.classMin, g.plan.classMax, g.plan.classSkew)
		path := source + "/classes/" + c.name + ".cls"
		if err := g.w.write(path, g.classBody(c, r, size)); err != nil {
			return err
		}
		if err := g.w.write(path+"-meta.xml", []byte(classMeta)); err != nil {
			return err
		}
	}
	return nil
}

// classBody writes the class's own members, then methods drawn from
// templates until the class reaches its size.
func (g *generator) classBody(c apexClass, r *rand.Rand, size int) []byte {
	o := g.objects[c.object%max(len(g.objects), 1)]
	rep := classReplacer(c, o)
	var b bytes.Buffer
	b.WriteString(rep.Replace(classHeads[c.kind]))
	methods := padMethods
	if c.kind == kindTest {
		methods = testMethods
	}
	for n := 1; b.Len()+2 < size; n++ {
		f1, f2 := o.fields[r.IntN(len(o.fields))], o.fields[r.IntN(len(o.fields))]
		m := methods[r.IntN(len(methods))]
		m = strings.NewReplacer("{N}", fmt.Sprint(n), "{F1}", f1.name, "{F2}", f2.name,
			"{K1}", jsonKey(f1.name), "{K2}", jsonKey(f2.name), "{L1}", label(f1.name)).Replace(m)
		b.WriteString("\n" + rep.Replace(m))
	}
	b.WriteString("}\n")
	return b.Bytes()
}

func classReplacer(c apexClass, o object) *strings.Replacer {
	f := "Name"
	if len(o.fields) > 0 {
		f = o.fields[0].name
	}
	return strings.NewReplacer("{Class}", c.name, "{Obj}", o.name, "{Label}", label(o.name),
		"{Cred}", c.cred, "{Field}", f)
}

// jsonKey turns Due_Date__c into dueDate, as payloads spell keys.
func jsonKey(api string) string {
	return lowerFirst(strings.ReplaceAll(label(api), " ", ""))
}

// classHeads open each kind of class with the members that make it what it
// is; padding methods follow.
var classHeads = map[classKind]string{
	kindClient: `/**
 * Calls this org's own REST API through the {Cred} Named Credential, which
 * authenticates as the Run As user of the {Cred} External Client App.
 */
public with sharing class {Class} {
    private static final String NAMED_CREDENTIAL = 'callout:{Cred}';
    private static final String API_VERSION = 'v66.0';
    private static final Integer TIMEOUT_MS = 20000;

    public class CalloutFailure extends Exception {
    }

    public HttpResponse send(String method, String path, String body) {
        HttpRequest request = new HttpRequest();
        request.setEndpoint(NAMED_CREDENTIAL + '/services/data/' + API_VERSION + path);
        request.setMethod(method);
        request.setTimeout(TIMEOUT_MS);
        request.setHeader('Content-Type', 'application/json');
        if (body != null) {
            request.setBody(body);
        }
        HttpResponse response = new Http().send(request);
        if (response.getStatusCode() >= 300) {
            throw new CalloutFailure(
                method + ' ' + path + ' failed: '
                + response.getStatusCode() + ' ' + response.getStatus()
            );
        }
        return response;
    }

    public Map<String, Object> getRecord(String sobjectName, Id recordId) {
        HttpResponse response = send('GET', '/sobjects/' + sobjectName + '/' + recordId, null);
        return (Map<String, Object>) JSON.deserializeUntyped(response.getBody());
    }

    public List<Object> query(String soql) {
        String path = '/query?q=' + EncodingUtil.urlEncode(soql, 'UTF-8');
        Map<String, Object> result = (Map<String, Object>) JSON.deserializeUntyped(
            send('GET', path, null).getBody()
        );
        return (List<Object>) result.get('records');
    }
`,
	kindController: `/**
 * Serves {Label} records to Lightning web components.
 */
public with sharing class {Class} {
    @AuraEnabled(cacheable=true)
    public static List<{Obj}> getRecords(Integer limitSize) {
        return [
            SELECT Id, Name, {Field}
            FROM {Obj}
            WITH USER_MODE
            ORDER BY CreatedDate DESC
            LIMIT :limitSize
        ];
    }
`,
	kindService: `/**
 * Business rules for {Label} records.
 */
public inherited sharing class {Class} {
    public class ServiceException extends Exception {
    }
`,
	kindSelector: `/**
 * Every query on {Obj} goes through this class.
 */
public inherited sharing class {Class} {
    public static {Obj} byId(Id recordId) {
        return [SELECT Id, Name, {Field} FROM {Obj} WHERE Id = :recordId WITH USER_MODE];
    }
`,
	kindBatch: `/**
 * Recalculates {Label} records overnight.
 */
public with sharing class {Class} implements Database.Batchable<SObject> {
    public Database.QueryLocator start(Database.BatchableContext context) {
        return Database.getQueryLocator('SELECT Id, Name, {Field} FROM {Obj}');
    }

    public void execute(Database.BatchableContext context, List<{Obj}> scope) {
        update scope;
    }

    public void finish(Database.BatchableContext context) {
        System.debug(LoggingLevel.INFO, '{Class} finished job ' + context.getJobId());
    }
`,
	kindHandler: `/**
 * Trigger logic of {Obj}, called from its trigger.
 */
public with sharing class {Class} {
    public void beforeUpdate(List<{Obj}> records, Map<Id, {Obj}> oldRecords) {
        for ({Obj} record : records) {
            {Obj} old = oldRecords.get(record.Id);
            if (old != null && record.{Field} != old.{Field}) {
                record.Name = record.Name;
            }
        }
    }
`,
	kindTest: `@IsTest
private class {Class} {
    @TestSetup
    static void makeData() {
        List<{Obj}> records = new List<{Obj}>();
        for (Integer i = 0; i < 20; i++) {
            records.add(new {Obj}());
        }
        insert records;
    }
`,
}

// padMethods are the bodies real service classes are made of.
var padMethods = []string{
	`    /**
     * Returns up to limitSize {Label} records, newest first.
     */
    public static List<{Obj}> find{N}(Integer limitSize) {
        return [
            SELECT Id, Name, {F1}, {F2}
            FROM {Obj}
            WHERE Name != null
            WITH USER_MODE
            ORDER BY CreatedDate DESC
            LIMIT :limitSize
        ];
    }
`,
	`    public static Map<Id, String> describe{N}(List<{Obj}> records) {
        Map<Id, String> labels = new Map<Id, String>();
        for ({Obj} record : records) {
            String value = String.valueOf(record.{F1});
            if (String.isBlank(value)) {
                value = record.Name;
            }
            labels.put(record.Id, value.abbreviate(80));
        }
        return labels;
    }
`,
	`    public static List<String> save{N}(List<{Obj}> records) {
        List<String> errors = new List<String>();
        List<Database.SaveResult> results = Database.update(records, false, AccessLevel.USER_MODE);
        for (Integer i = 0; i < results.size(); i++) {
            if (!results[i].isSuccess()) {
                for (Database.Error error : results[i].getErrors()) {
                    errors.add(records[i].Id + ': ' + error.getMessage());
                }
            }
        }
        return errors;
    }
`,
	`    public static String toJson{N}({Obj} record) {
        Map<String, Object> payload = new Map<String, Object>{
            'id' => record.Id,
            'name' => record.Name,
            '{K1}' => record.{F1},
            '{K2}' => record.{F2}
        };
        return JSON.serialize(payload);
    }
`,
	`    public static void validate{N}(List<{Obj}> records) {
        for ({Obj} record : records) {
            if (record.{F1} == null) {
                record.addError('{L1} is required before the record is submitted.');
            }
        }
    }
`,
}

// testMethods pad test classes.
var testMethods = []string{
	`    @IsTest
    static void findsRecords{N}() {
        Test.startTest();
        List<{Obj}> found = [SELECT Id, {F1}, {F2} FROM {Obj} LIMIT 50];
        Test.stopTest();
        Assert.areEqual(20, found.size(), 'every record made in setup is found');
    }
`,
	`    @IsTest
    static void updatesRecords{N}() {
        List<{Obj}> records = [SELECT Id, Name, {F1} FROM {Obj}];
        Test.startTest();
        Database.SaveResult[] results = Database.update(records, false);
        Test.stopTest();
        for (Database.SaveResult result : results) {
            Assert.isTrue(result.isSuccess(), 'an unchanged record saves');
        }
    }
`,
}
