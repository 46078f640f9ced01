package synth

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"sort"
)

// permFile describes one permission set or profile. Retrieved files list
// their sections in alphabetical order, and so do these.
type permFile struct {
	profile     bool
	label       string
	description string
	classes     []string
	principals  []string // externalCredentialPrincipal values granted
	objects     []string // objects with object permissions
	userPerms   []string
	size        int // bytes to reach with field permissions
}

// userExternalCredential is the object that holds the tokens of an External
// Credential; callers need Create, Read, Edit and Delete on it.
const userExternalCredential = "UserExternalCredential"

func (g *generator) writePermissionSets() error {
	for i, in := range g.integrations {
		if err := g.writeIntegrationPerms(i, in); err != nil {
			return err
		}
	}
	for i := range g.plan.permSets {
		r := g.rng(streamPermissions, 1<<20|i)
		name := roleName(i, "_")
		p := g.permFile(r, label(name), "Grants "+label(name)+" users access to their records.")
		if err := g.w.write(permSetFile(name), g.permXML(p, r)); err != nil {
			return err
		}
	}
	return nil
}

// writeIntegrationPerms writes the callers' permission set (principal
// access, User External Credential access) and the Run As user's.
func (g *generator) writeIntegrationPerms(i int, in integration) error {
	r := g.rng(streamPermissions, i)
	callers := g.permFile(r, label(in.callers()),
		"Users who call out through the "+in.name+" Named Credential.")
	callers.classes = []string{in.client()}
	callers.principals = []string{in.principal()}
	if in.has(principalTypo) {
		callers.principals = append(callers.principals, in.cred()+"-Integraton")
	}
	if !in.has(noCredentialCRUD) {
		callers.objects = append(callers.objects, userExternalCredential)
		sort.Strings(callers.objects)
	}
	if err := g.w.write(permSetFile(in.callers()), g.permXML(callers, r)); err != nil {
		return err
	}
	runAs := g.permFile(r, label(in.runAsUser()),
		"The Run As user of the "+in.name+" External Client App.")
	runAs.userPerms = []string{"ApiEnabled"}
	return g.w.write(permSetFile(in.runAsUser()), g.permXML(runAs, r))
}

func (g *generator) writeProfiles() error {
	for i := range g.plan.profiles {
		r := g.rng(streamPermissions, 2<<20|i)
		name := roleName(i, " ")
		p := g.permFile(r, "", "Profile of "+name+" users.")
		p.profile = true
		p.userPerms = []string{"ApiEnabled"}
		path := source + "/profiles/" + name + ".profile-meta.xml"
		if err := g.w.write(path, g.permXML(p, r)); err != nil {
			return err
		}
	}
	return nil
}

// permFile draws a size and the classes and objects a file grants.
func (g *generator) permFile(r *rand.Rand, lbl, desc string) permFile {
	p := permFile{label: lbl, description: desc}
	p.size = skewed(r, g.plan.permMin, g.plan.permMax, g.plan.permSkew)
	var classes, objects []string
	for _, c := range g.classes {
		if c.kind == kindController {
			classes = append(classes, c.name)
		}
	}
	for _, o := range g.objects {
		objects = append(objects, o.name)
	}
	p.classes = pick(r, classes, r.IntN(min(len(classes), 40)+1))
	sort.Strings(p.classes)
	p.objects = pick(r, objects, 1+r.IntN(min(len(objects), 30)))
	sort.Strings(p.objects)
	return p
}

// Department and role names of business permission sets and profiles.
var (
	departments = []string{
		"Sales", "Service", "Finance", "Marketing", "Operations", "Legal", "Procurement",
		"Logistics", "Partner", "Field",
	}
	roles = []string{"Agent", "Manager", "Analyst", "Admin", "Viewer", "Approver", "Planner"}
)

func roleName(i int, sep string) string {
	name := departments[i%len(departments)] + sep + roles[i/len(departments)%len(roles)]
	if round := i / (len(departments) * len(roles)); round > 0 {
		name += fmt.Sprint(sep, round+1)
	}
	return name
}

// permXML writes the file's sections and fills it with field permissions
// until it reaches its size.
func (g *generator) permXML(p permFile, r *rand.Rand) []byte {
	root := "PermissionSet"
	if p.profile {
		root = "Profile"
	}
	var head, tail bytes.Buffer
	head.WriteString(xmlDecl + "<" + root + xmlns + ">\n")
	for _, c := range p.classes {
		head.WriteString("    <classAccesses>\n        <apexClass>" + c +
			"</apexClass>\n        <enabled>true</enabled>\n    </classAccesses>\n")
	}
	if p.profile {
		head.WriteString("    <custom>true</custom>\n")
	}
	head.WriteString("    <description>" + p.description + "</description>\n")
	for _, pr := range p.principals {
		head.WriteString("    <externalCredentialPrincipalAccesses>\n        <enabled>true</enabled>\n" +
			"        <externalCredentialPrincipal>" + pr + "</externalCredentialPrincipal>\n" +
			"    </externalCredentialPrincipalAccesses>\n")
	}
	permTail(&tail, p, r)
	tail.WriteString("</" + root + ">\n")
	fieldPermissions(&head, g.fields, p.size-head.Len()-tail.Len(), r)
	head.Write(tail.Bytes())
	return head.Bytes()
}

// permTail writes the sections after the field permissions.
func permTail(b *bytes.Buffer, p permFile, r *rand.Rand) {
	if !p.profile {
		b.WriteString("    <hasActivationRequired>false</hasActivationRequired>\n")
		b.WriteString("    <label>" + p.label + "</label>\n")
	} else {
		for _, o := range p.objects {
			if o != userExternalCredential {
				b.WriteString("    <layoutAssignments>\n        <layout>" + o + "-" + label(o) +
					" Layout</layout>\n    </layoutAssignments>\n")
			}
		}
	}
	for _, o := range p.objects {
		full := o == userExternalCredential || r.IntN(2) == 0
		fmt.Fprintf(b, objectPermission, full, full, full, true, o)
	}
	if p.profile {
		b.WriteString("    <userLicense>Salesforce</userLicense>\n")
	}
	for _, u := range p.userPerms {
		b.WriteString("    <userPermissions>\n        <enabled>true</enabled>\n        <name>" + u +
			"</name>\n    </userPermissions>\n")
	}
}

const objectPermission = `    <objectPermissions>
        <allowCreate>%t</allowCreate>
        <allowDelete>%t</allowDelete>
        <allowEdit>%t</allowEdit>
        <allowRead>%t</allowRead>
        <modifyAllRecords>false</modifyAllRecords>
        <object>%s</object>
        <viewAllRecords>false</viewAllRecords>
    </objectPermissions>
`

const fieldPermission = `    <fieldPermissions>
        <editable>%t</editable>
        <field>%s</field>
        <readable>true</readable>
    </fieldPermissions>
`

// fieldPermissions grants about room bytes' worth of fields, each field of
// the pool kept with the same chance so the list stays sorted.
func fieldPermissions(b *bytes.Buffer, pool []string, room int, r *rand.Rand) {
	if room <= 0 || len(pool) == 0 {
		return
	}
	// The template's verbs are about as long as a boolean, so a field costs
	// the template's length plus its name.
	sample, names := pool[:min(len(pool), 64)], 0
	for _, f := range sample {
		names += len(f)
	}
	avg := len(fieldPermission) + names/len(sample)
	chance := float64(room) / float64(avg*len(pool))
	for _, f := range pool {
		if r.Float64() < chance {
			fmt.Fprintf(b, fieldPermission, r.IntN(3) > 0, f)
		}
	}
}
