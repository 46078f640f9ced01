package synth

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"
)

// object is a custom object and its custom fields.
type object struct {
	name   string // API name, e.g. Invoice_Line__c
	fields []field
}

type field struct {
	name string // API name, e.g. Due_Date__c
	kind string // the CustomField type
}

// Object names are a noun and a qualifier, as in real orgs; 20 x 15 names
// cover the 300 objects of the large project before numbers are needed.
var (
	objectNouns = []string{
		"Invoice", "Shipment", "Contract", "Asset", "Claim", "Quote", "Order", "Payment",
		"Ticket", "Warranty", "Subscription", "Vendor", "Program", "Project", "Timesheet",
		"Expense", "Booking", "Device", "Policy", "Renewal",
	}
	objectQualifiers = []string{
		"Line", "Item", "Event", "Log", "Request", "Detail", "Summary", "Note",
		"Schedule", "Batch", "Entry", "Plan", "Review", "Task", "Record",
	}
)

// fieldNames maps candidate field names to their CustomField type.
var fieldNames = []field{
	{"Amount__c", "Number"}, {"Status__c", "Picklist"}, {"Due_Date__c", "Date"},
	{"External_Id__c", "Text"}, {"Description__c", "LongTextArea"}, {"Quantity__c", "Number"},
	{"Approved__c", "Checkbox"}, {"Region__c", "Picklist"}, {"Priority__c", "Picklist"},
	{"Owner_Email__c", "Text"}, {"Start_Date__c", "Date"}, {"End_Date__c", "Date"},
	{"Reference__c", "Text"}, {"Category__c", "Picklist"}, {"Score__c", "Number"},
	{"Notes__c", "LongTextArea"}, {"Currency_Code__c", "Text"}, {"Source__c", "Picklist"},
	{"Channel__c", "Picklist"}, {"Stage__c", "Picklist"}, {"Discount__c", "Number"},
	{"Tax_Rate__c", "Number"}, {"Total__c", "Number"}, {"Active__c", "Checkbox"},
	{"Comments__c", "LongTextArea"}, {"Phone__c", "Text"}, {"Website__c", "Text"},
	{"Tier__c", "Picklist"}, {"Segment__c", "Picklist"}, {"Rating__c", "Picklist"},
}

// standardFields are fields of standard objects that permission sets and
// profiles grant alongside the custom ones.
var standardFields = []string{
	"Account.AccountNumber", "Account.AccountSource", "Account.AnnualRevenue",
	"Account.BillingAddress", "Account.Description", "Account.Fax", "Account.Industry",
	"Account.NumberOfEmployees", "Account.Ownership", "Account.ParentId", "Account.Phone",
	"Account.Rating", "Account.ShippingAddress", "Account.Sic", "Account.Site",
	"Account.TickerSymbol", "Account.Type", "Account.Website", "Case.AccountId",
	"Case.AssetId", "Case.ContactId", "Case.Description", "Case.Origin", "Case.ParentId",
	"Case.Priority", "Case.Reason", "Case.SuppliedCompany", "Case.SuppliedEmail",
	"Case.SuppliedName", "Case.SuppliedPhone", "Case.Type", "Contact.AccountId",
	"Contact.AssistantName", "Contact.AssistantPhone", "Contact.Birthdate",
	"Contact.Department", "Contact.Description", "Contact.DoNotCall", "Contact.Email",
	"Contact.Fax", "Contact.HasOptedOutOfEmail", "Contact.HomePhone", "Contact.LeadSource",
	"Contact.MailingAddress", "Contact.MobilePhone", "Contact.OtherAddress",
	"Contact.OtherPhone", "Contact.Phone", "Contact.ReportsToId", "Contact.Title",
	"Lead.Address", "Lead.AnnualRevenue", "Lead.Description", "Lead.DoNotCall", "Lead.Email",
	"Lead.Fax", "Lead.HasOptedOutOfEmail", "Lead.Industry", "Lead.LeadSource",
	"Lead.MobilePhone", "Lead.NumberOfEmployees", "Lead.Phone", "Lead.Rating", "Lead.Title",
	"Lead.Website", "Opportunity.AccountId", "Opportunity.Amount", "Opportunity.CampaignId",
	"Opportunity.CloseDate", "Opportunity.ContactId", "Opportunity.Description",
	"Opportunity.ExpectedRevenue", "Opportunity.ForecastCategoryName",
	"Opportunity.LeadSource", "Opportunity.NextStep", "Opportunity.Probability",
	"Opportunity.TotalOpportunityQuantity", "Opportunity.Type",
}

func objectName(i int) string {
	n := objectNouns[i%len(objectNouns)]
	q := objectQualifiers[i/len(objectNouns)%len(objectQualifiers)]
	if round := i / (len(objectNouns) * len(objectQualifiers)); round > 0 {
		return fmt.Sprintf("%s_%s_%d__c", n, q, round+1)
	}
	return n + "_" + q + "__c"
}

// planObjects names the objects and their fields and builds the pool of
// fields that permission sets grant.
func (g *generator) planObjects() {
	for i := range g.plan.objects {
		r := g.rng(streamObjects, i)
		n := g.plan.fieldsMin + r.IntN(g.plan.fieldsMax-g.plan.fieldsMin+1)
		idx := r.Perm(len(fieldNames))[:min(n, len(fieldNames))]
		sort.Ints(idx)
		o := object{name: objectName(i)}
		for _, j := range idx {
			o.fields = append(o.fields, fieldNames[j])
			g.fields = append(g.fields, o.name+"."+fieldNames[j].name)
		}
		g.objects = append(g.objects, o)
	}
	g.fields = append(g.fields, standardFields[:min(g.plan.stdFields, len(standardFields))]...)
	sort.Strings(g.fields)
}

func (g *generator) writeObjects() error {
	for i, o := range g.objects {
		r := g.rng(streamObjects, 1<<20|i)
		dir := source + "/objects/" + o.name
		if err := g.w.write(dir+"/"+o.name+".object-meta.xml", objectXML(o, r)); err != nil {
			return err
		}
		for _, f := range o.fields {
			if err := g.w.write(dir+"/fields/"+f.name+".field-meta.xml", fieldXML(f, r)); err != nil {
				return err
			}
		}
	}
	return nil
}

// The object file copies a retrieved custom object: an override of every
// standard action in each form factor, then the object's settings.
var (
	overrideActions = []string{
		"Accept", "CancelEdit", "Clone", "Delete", "Edit", "List", "New", "SaveEdit", "Tab", "View",
	}
	formFactors = []string{"", "Large", "Small"}
)

const objectTail = `    <allowInChatterGroups>false</allowInChatterGroups>
    <compactLayoutAssignment>SYSTEM</compactLayoutAssignment>
    <deploymentStatus>Deployed</deploymentStatus>
    <enableActivities>%t</enableActivities>
    <enableBulkApi>true</enableBulkApi>
    <enableFeeds>false</enableFeeds>
    <enableHistory>%t</enableHistory>
    <enableLicensing>false</enableLicensing>
    <enableReports>%t</enableReports>
    <enableSearch>%t</enableSearch>
    <enableSharing>true</enableSharing>
    <enableStreamingApi>true</enableStreamingApi>
    <externalSharingModel>Private</externalSharingModel>
    <label>%s</label>
    <nameField>
        <displayFormat>%s-{00000}</displayFormat>
        <label>%s Name</label>
        <type>AutoNumber</type>
    </nameField>
    <pluralLabel>%ss</pluralLabel>
    <searchLayouts />
    <sharingModel>ReadWrite</sharingModel>
    <visibility>Public</visibility>
</CustomObject>
`

func objectXML(o object, r *rand.Rand) []byte {
	var b bytes.Buffer
	b.WriteString(xmlDecl + "<CustomObject" + xmlns + ">\n")
	for _, a := range overrideActions {
		for _, ff := range formFactors {
			b.WriteString("    <actionOverrides>\n        <actionName>" + a + "</actionName>\n")
			if ff != "" {
				b.WriteString("        <formFactor>" + ff + "</formFactor>\n")
			}
			b.WriteString("        <type>Default</type>\n    </actionOverrides>\n")
		}
	}
	l := label(o.name)
	prefix := strings.ToLower(strings.ReplaceAll(l, " ", "")[:3])
	fmt.Fprintf(&b, objectTail, r.IntN(2) == 0, r.IntN(2) == 0, r.IntN(3) > 0, r.IntN(3) > 0,
		l, prefix, l, l)
	return b.Bytes()
}

// Field files copy retrieved fields of each type.
const (
	textField = `    <externalId>%t</externalId>
    <label>%s</label>
    <length>255</length>
    <required>false</required>
    <trackFeedHistory>false</trackFeedHistory>
    <type>Text</type>
    <unique>false</unique>
`
	numberField = `    <externalId>false</externalId>
    <label>%s</label>
    <precision>18</precision>
    <required>false</required>
    <scale>%d</scale>
    <trackTrending>false</trackTrending>
    <type>Number</type>
    <unique>false</unique>
`
	checkboxField = `    <defaultValue>%t</defaultValue>
    <externalId>false</externalId>
    <label>%s</label>
    <trackTrending>false</trackTrending>
    <type>Checkbox</type>
`
	dateField = `    <label>%s</label>
    <required>false</required>
    <trackFeedHistory>false</trackFeedHistory>
    <type>Date</type>
`
	longTextField = `    <externalId>false</externalId>
    <label>%s</label>
    <length>32768</length>
    <trackTrending>false</trackTrending>
    <type>LongTextArea</type>
    <visibleLines>%d</visibleLines>
`
	picklistValue = `            <value>
                <fullName>%s</fullName>
                <default>false</default>
                <label>%s</label>
            </value>
`
)

var picklistValues = []string{
	"Draft", "Submitted", "Approved", "Rejected", "Closed", "High", "Medium", "Low",
	"North", "South", "East", "West", "Web", "Partner", "Direct", "Gold", "Silver", "Bronze",
}

func fieldXML(f field, r *rand.Rand) []byte {
	var b bytes.Buffer
	b.WriteString(xmlDecl + "<CustomField" + xmlns + ">\n")
	b.WriteString("    <fullName>" + f.name + "</fullName>\n")
	l := label(f.name)
	switch f.kind {
	case "Text":
		fmt.Fprintf(&b, textField, f.name == "External_Id__c", l)
	case "Number":
		fmt.Fprintf(&b, numberField, l, r.IntN(3))
	case "Checkbox":
		fmt.Fprintf(&b, checkboxField, r.IntN(2) == 0, l)
	case "Date":
		fmt.Fprintf(&b, dateField, l)
	case "LongTextArea":
		fmt.Fprintf(&b, longTextField, l, 3+r.IntN(5))
	case "Picklist":
		picklist(&b, l, r)
	}
	b.WriteString("</CustomField>\n")
	return b.Bytes()
}

func picklist(b *bytes.Buffer, l string, r *rand.Rand) {
	fmt.Fprintf(b, "    <label>%s</label>\n    <required>false</required>\n", l)
	b.WriteString("    <trackFeedHistory>false</trackFeedHistory>\n    <type>Picklist</type>\n")
	b.WriteString("    <valueSet>\n        <valueSetDefinition>\n")
	b.WriteString("            <sorted>false</sorted>\n")
	for _, v := range pick(r, picklistValues, 3+r.IntN(5)) {
		fmt.Fprintf(b, picklistValue, v, v)
	}
	b.WriteString("        </valueSetDefinition>\n    </valueSet>\n")
}

// The XML declaration and root namespace every metadata file starts with.
const (
	xmlDecl = `<?xml version="1.0" encoding="UTF-8"?>` + "\n"
	xmlns   = ` xmlns="http://soap.sforce.com/2006/04/metadata"`
)
