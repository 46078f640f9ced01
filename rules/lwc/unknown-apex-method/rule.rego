# METADATA
# title: Lightning web component imports an Apex method it cannot call
# description: |
#   import name from '@salesforce/apex/Class.method' (or
#   @salesforce/apexContinuation/...) binds a component to an @AuraEnabled
#   method. This rule reports an import whose module does not have the shape
#   [namespace.]Class.method, whose class is not in the project, whose class
#   has no method of that name, or whose method is not @AuraEnabled. Imports
#   of another namespace's classes (installed packages) are not judged. The
#   finding points at the module string.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/platform/lwc/guide/apex-import-method.html
#   - ref: https://developer.salesforce.com/docs/platform/lwc/guide/apex.html
# custom:
#   id: lwc/unknown-apex-method
#   severity: error
#   why: |
#     Salesforce resolves Apex imports when the component is deployed. A
#     misspelt or missing method, or one without @AuraEnabled, makes the
#     whole bundle fail to deploy, and with it every deployment that
#     carries it.
#   symptom: |
#     Deploy fails with "Unable to find Apex action class referenced as
#     'AccountController'." or "Unable to find Apex action method referenced
#     as 'AccountController.getRows'."
#   fix: |
#     Import an existing method by its exact name and annotate it
#     @AuraEnabled (cacheable=true to use it with @wire); add the class to
#     the project if it is missing.
#   before: |
#     import getRows from '@salesforce/apex/AccountController.getRow';
#   after: |
#     import getRows from '@salesforce/apex/AccountController.getRows';
#   assumptions: |
#     Class and method names are compared without regard to case, as Apex
#     does. A class that is missing from the project is reported at this
#     rule's severity, error, although it may be deployed from elsewhere
#     (another repository or package directory): the whole project is taken
#     to be one deployment unit. Overloads are not told apart: one
#     @AuraEnabled method of the name is enough.
package sflint.rules.lwc.unknown_apex_method

import data.sflint.lib

report contains lib.finding(s, imp, msg, fix) if {
	some b in input.lwcBundles
	some s in b.scripts
	some imp in s.apexImports
	own(imp)
	[msg, fix] := problem(imp)
}

# own holds for imports without a namespace or with the project's.
own(imp) if imp.namespace == ""

own(imp) if lower(imp.namespace) == lower(object.get(input.project, "namespace", ""))

problem(imp) := [
	sprintf("%s names no Class.method; the component fails to deploy", [imp.module]),
	"import '@salesforce/apex/ClassName.methodName'",
] if {
	imp.class == ""
} else := [
	sprintf("Apex class %s is not in the project; deploy fails: Unable to find Apex action class", [imp.class]),
	sprintf("add %s.cls to the project, or import a class of the project", [imp.class]),
] if {
	count(classes(imp.class)) == 0
} else := [
	sprintf("class %s has no method %s; deploy fails: Unable to find Apex action method", [imp.class, imp.method]),
	"import an @AuraEnabled method of the class, by its exact name",
] if {
	count(methods(imp)) == 0
} else := [
	sprintf("%s.%s is not @AuraEnabled; the component cannot call it", [imp.class, imp.method]),
	sprintf("annotate %s with @AuraEnabled", [imp.method]),
] if {
	not aura_enabled(imp)
}

# classes are the top-level classes of that name: a class named as its file.
classes(name) := [c |
	some i in object.get(by_name, lower(name), [])
	c := input.apexClasses[i]
	named_as_file(lower(c.file), concat("", [lower(name), ".cls"]))
]

# by_name maps lower-cased names to the indexes of the classes so named. It is
# built once per evaluation (OPA indexes the inner comprehension), so looking
# up an import costs no scan of every class.
by_name := {name: indexes |
	some name in {lower(c.name) | some c in input.apexClasses}
	indexes := [i | some i, c in input.apexClasses; lower(c.name) == name]
}

named_as_file(file, base) if file == base

named_as_file(file, base) if endswith(file, concat("", ["/", base]))

methods(imp) := [m |
	some c in classes(imp.class)
	some m in c.methods
	lower(m.name) == lower(imp.method)
]

aura_enabled(imp) if {
	some m in methods(imp)
	m.auraEnabled
}
