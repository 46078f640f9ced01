package synth

// plan holds the counts and size ranges of one project size. Sizes are in
// bytes; a skew above 1 crowds the sizes toward the low end.
type plan struct {
	size Size

	integrations int // each: 5 app files, an External and a Named Credential, 2 permission sets
	broken       int // integrations with flaws
	flawsEach    int // flaws per broken integration

	classes   int // Apex classes (each a .cls and a .cls-meta.xml), integration clients included
	classMin  int
	classMax  int
	classSkew int

	objects   int // custom objects
	fieldsMin int // fields per object
	fieldsMax int

	permSets  int // permission sets besides the two of each integration
	profiles  int
	permMin   int // permission set and profile sizes
	permMax   int
	permSkew  int
	bundles   int // Lightning web components (4 files each)
	stdFields int // standard-object fields in the field permission pool
}

// plans are tuned so the totals land near the sizes the issue measures
// conftest on: 5,180 files and 32 MiB for medium, 26,600 files and 203 MiB
// for large.
var plans = [...]plan{
	Small: {
		size:         Small,
		integrations: 4, broken: 3, flawsEach: 2,
		classes: 6, classMin: 1 << 10, classMax: 8 << 10, classSkew: 2,
		objects: 1, fieldsMin: 4, fieldsMax: 4,
		permSets: 1, profiles: 1, permMin: 4 << 10, permMax: 16 << 10, permSkew: 2,
		bundles: 1, stdFields: 40,
	},
	Medium: {
		size:         Medium,
		integrations: 60, broken: 6, flawsEach: 1,
		classes: 1500, classMin: 1 << 10, classMax: 60 << 10, classSkew: 7,
		objects: 60, fieldsMin: 10, fieldsMax: 30,
		permSets: 20, profiles: 30, permMin: 50 << 10, permMax: 250 << 10, permSkew: 3,
		bundles: 72, stdFields: 200,
	},
	Large: {
		size:         Large,
		integrations: 300, broken: 30, flawsEach: 1,
		classes: 8000, classMin: 1 << 10, classMax: 60 << 10, classSkew: 7,
		objects: 300, fieldsMin: 10, fieldsMax: 30,
		permSets: 100, profiles: 150, permMin: 100 << 10, permMax: 500 << 10, permSkew: 7,
		bundles: 310, stdFields: 200,
	},
}
