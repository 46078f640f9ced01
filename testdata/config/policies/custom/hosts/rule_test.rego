package sflint.rules.custom.hosts_test

import data.sflint.rules.custom.hosts

test_reports_hosts_not_allowed if {
	count(hosts.report) == 1 with input as {
		"files": [{"path": "a"}, {"path": "b"}],
		"options": {"custom/hosts": {"allowed_hosts": ["a"]}},
	}
}
