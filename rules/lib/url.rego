# METADATA
# title: URL helpers
# description: Parse URLs and classify Salesforce hosts, for rules about token, callout and callback URLs.
package sflint.lib.url

# parts splits an absolute URL into scheme, host (lower case), port and path.
parts(url) := {"scheme": lower(m[1]), "host": lower(m[2]), "port": m[3], "path": m[4]} if {
	[m] := regex.find_all_string_submatch_n(`^([A-Za-z][A-Za-z0-9+.-]*)://([^/:?#]*)(:[0-9]+)?([^?#]*)`, url, 1)
}

# host is the lower-case host of an absolute URL.
host(url) := parts(url).host

my_domain_suffixes := {".my.salesforce.com", ".my.salesforce.mil", ".my.sfcrmproducts.cn"}

salesforce_domains := {"salesforce.com", "force.com", "salesforce.mil", "sfcrmproducts.cn", "site.com"}

# my_domain holds for My Domain hosts: *.my.salesforce.com (with its sandbox,
# scratch, develop and trailblaze forms), Government Cloud Plus and Alibaba Cloud.
my_domain(host) if {
	some suffix in my_domain_suffixes
	endswith(host, suffix)
}

# login holds for the generic login hosts that serve every org.
login(host) if host in {"login.salesforce.com", "test.salesforce.com"}

# lightning holds for Lightning Experience hosts.
lightning(host) if endswith(host, ".lightning.force.com")

# salesforce holds for any host under a Salesforce domain.
salesforce(host) if {
	some d in salesforce_domains
	in_domain(host, d)
}

in_domain(host, d) if host == d

in_domain(host, d) if endswith(host, concat("", [".", d]))
