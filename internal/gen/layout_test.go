package gen

import "testing"

func TestWrap(t *testing.T) {
	short := wrap(4, "public static String get", "(", []string{"String a"}, ")", " {")
	if short != "    public static String get(String a) {" {
		t.Errorf("short = %q", short)
	}
	long := wrap(12, "body = AccountsControllerWithALongName.getSomething", "(",
		[]string{"'recordId'", "'otherName'"}, ")", ";")
	want := "            body = AccountsControllerWithALongName.getSomething(\n" +
		"                'recordId',\n" +
		"                'otherName'\n" +
		"            );"
	if long != want {
		t.Errorf("long:\n%s\nwant:\n%s", long, want)
	}
	none := wrap(76, "call", "(", nil, ")", ";")
	if none != "                                                                            call();" {
		t.Errorf("an empty list never breaks: %q", none)
	}
}

func TestChain(t *testing.T) {
	got := chain(8, "String path", []string{"'/limits'"})
	if got != "        String path = '/limits';" {
		t.Errorf("one operand: %q", got)
	}
	got = chain(8, "String soql", []string{"'SELECT Id, Name FROM ApexClass WHERE Name = '",
		"quoted(className)", "' AND Status = \\'Active\\''"})
	want := "        String soql =\n" +
		"            'SELECT Id, Name FROM ApexClass WHERE Name = ' +\n" +
		"            quoted(className) +\n" +
		"            ' AND Status = \\'Active\\'';"
	if got != want {
		t.Errorf("chain:\n%s\nwant:\n%s", got, want)
	}
}
